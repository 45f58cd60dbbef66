/** Selects from the app store in context (the bound appStore unless a test provides another). */
import { useContext } from 'react';
import { useStore } from 'zustand';
import { StoreContext, type AppState, type AppStore } from './store';

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useContext(StoreContext), selector);
}

export function useAppStoreApi(): AppStore {
  return useContext(StoreContext);
}
