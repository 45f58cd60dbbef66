export { createBrowserStore } from './browserStore';
export { createAppStore, type AppStore } from './createAppStore';
export { StoreContext } from './StoreContext';
export { PLAY_SECONDS_AT_1X, SPEEDS } from './playbackSlice';
export type * from './types';
