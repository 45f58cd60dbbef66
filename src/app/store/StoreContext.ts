/**
 * Which store the hooks read. The app uses the one bound `appStore`; a test (or a Panel's browser test)
 * can wrap a tree in <StoreContext value={createAppStore(fakeDeps, presentation)}> instead.
 */
import { createContext } from 'react';
import { appStore } from './appStore';
import type { AppStore } from './createAppStore';

export const StoreContext = createContext<AppStore>(appStore);
