/** Hash routing of the page: the address bar's route applied to the store, now and on every hashchange. */
import { decodeLink, parseLocationHash } from './links';
import { applyHash } from './route';
import { pageBase } from './shareLinks';
import type { AppStore } from './store';

/**
 * Applies the address bar's route to the store now, and again on every hashchange. main.tsx calls it
 * before the first render, so a lab link renders the lab at once instead of building the home page and
 * throwing it away (that wasted render was one long main-thread task at startup).
 */
export function startHashRouting(store: AppStore): void {
  const apply = () => applyHash(store, location.hash, { labs: store.getState().labs, decodeLink, parseLocationHash, base: pageBase() });
  apply();
  // Our own link updates use replaceState, which fires no hashchange: this only sees the user's edits,
  // back/forward, and links followed from the home page.
  window.addEventListener('hashchange', apply);
}
