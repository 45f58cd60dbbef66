/**
 * One bound store from the five slices (zustand's slices pattern). This is the state creator apart from
 * any React hook: tests build a store with a fake lab and runner and drive it directly.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Presentation } from '../links';
import { lessonSlice } from './lessonSlice';
import { playbackSlice } from './playbackSlice';
import { resultSlice } from './resultSlice';
import { scenarioSlice } from './scenarioSlice';
import type { AppState, StoreDeps } from './types';
import { uiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDeps, presentation: Presentation): AppStore {
  return createStore<AppState>()((...a) => ({
    ...scenarioSlice(deps)(...a),
    ...resultSlice(deps)(...a),
    ...playbackSlice(deps)(...a),
    ...lessonSlice()(...a),
    ...uiSlice(presentation)(...a),
  }));
}
