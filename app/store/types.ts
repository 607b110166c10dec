import type { GraphSlice } from './graphSlice';
import type { UiSlice } from './uiSlice';
import type { SimSlice } from './simSlice';
import type { RunSlice } from './runSlice';

/** The studio's store: the graph being edited, the UI chrome, the run as the chrome sees it, and the panels' run slice. */
export type Studio = GraphSlice & UiSlice & SimSlice & RunSlice;
