/** Selects from the app store in context (the page's, or a test's). */
import { useContext } from 'react';
import { useStore } from 'zustand';
import { StoreContext, type AppState, type AppStore } from './store';

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('no app store: render inside <StoreContext value={store}>');
  return store;
}
