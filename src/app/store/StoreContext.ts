/**
 * Which store the hooks read: the page's (src/main.tsx provides it) or a test's
 * (<StoreContext value={createAppStore(fakeDeps, presentation)}>).
 */
import { createContext } from 'react';
import type { AppStore } from './createAppStore';

export const StoreContext = createContext<AppStore | null>(null);
