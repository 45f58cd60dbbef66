/** The ui slice: banners, the share dialog, presentation flags (embed, theme, motion...) and the status line. */
import type { StateCreator } from 'zustand/vanilla';
import type { Presentation } from '../links';
import type { AppState, UiSlice } from './types';

/** At most this many banners stay on screen; older ones drop off. */
export const BANNER_LIMIT = 4;

export function uiSlice(presentation: Presentation): StateCreator<AppState, [], [], UiSlice> {
  return (set, get) => {
    let nextId = 1;
    return {
      banners: [],
      shareOpen: false,
      page: undefined,
      setPage: (page) => set({ page }),
      presentation,
      themeChoice: 'auto',
      announcement: '',
      pushBanner(banner) {
        const id = nextId++;
        // The same message twice (a run failing again) replaces the old banner rather than stacking.
        const others = get().banners.filter((b) => b.message !== banner.message);
        set({ banners: [...others, { ...banner, id }].slice(-BANNER_LIMIT) });
        return id;
      },
      dismissBanner(id) {
        set({ banners: get().banners.filter((b) => b.id !== id) });
      },
      setShareOpen(shareOpen) {
        set({ shareOpen });
      },
      setPresentation(next) {
        set({ presentation: next });
      },
      setThemeChoice(themeChoice) {
        set({ themeChoice });
      },
      announce(announcement) {
        set({ announcement });
      },
    };
  };
}
