/** The one zustand store, composed of slices (graph, ui, sim: mine; run: the panels'). */
import { create, type StateCreator } from 'zustand';
import { createGraphSlice } from './graphSlice';
import { createUiSlice } from './uiSlice';
import { createSimSlice } from './simSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import type { Studio } from './types';

export type { Studio } from './types';

export const createStudio: StateCreator<Studio> = (set, get, api) => ({
  // The run slice is typed against its own state; it only touches its own keys.
  ...createRunSlice(set as unknown as Parameters<StateCreator<RunSlice>>[0], get as unknown as () => RunSlice, api as never),
  ...createGraphSlice(set, get, api),
  ...createUiSlice(set, get, api),
  ...createSimSlice(set, get, api),
});

export const useStudio = create<Studio>()(createStudio);
