export { createBrowserStore } from './browserStore';
export { createAppStore, type AppStore } from './createAppStore';
export { StoreContext } from './StoreContext';
export { offeredSpeeds, PLAY_SECONDS_AT_1X, SPEEDS, unitsPerSecondAt1x } from './playbackSlice';
export type * from './types';
