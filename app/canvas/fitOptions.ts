import type { FitViewOptions } from '@xyflow/react';

/** The minimap shows only on windows taller than this (styles.css hides it below, where it would cover nodes). */
export const MINIMAP_MIN_HEIGHT = 821;

/**
 * How "Fit view" frames the graph: the canvas toolbar sits over the top edge and, on tall windows, the
 * minimap over the bottom-right corner, so the fitted graph keeps clear of both (pixels, not a fraction
 * of the graph's size: the overlays do not grow with the graph).
 */
export function fitViewOptions(windowHeight: number, duration?: number, coveredRight = 0): FitViewOptions {
  const minimap = windowHeight >= MINIMAP_MIN_HEIGHT;
  return {
    padding: { top: '60px', left: '28px', right: `${28 + Math.round(coveredRight)}px`, bottom: minimap ? '132px' : '28px' },
    maxZoom: 1.1,
    ...(duration ? { duration } : {}),
  };
}

/** The options for the current window; `coveredRight` pixels on the right are under a pane (a lesson's). */
export const currentFitOptions = (duration?: number, coveredRight = 0): FitViewOptions =>
  fitViewOptions(typeof window === 'undefined' ? 0 : window.innerHeight, duration, coveredRight);
