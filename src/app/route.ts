/**
 * Hash routing: `#/` is home, `#/<lab>?...` a lab link. A bad link never breaks the page: the store shows
 * the lab's defaults (when the lab is known), a banner says what was wrong, and the original link stays
 * copyable in the banner, so nothing is lost.
 */
import type { LabSpec } from '../labs/contract';
import type { decodeLink as DecodeLink, parseLocationHash as ParseLocationHash } from './links';
import { defaultPresentation } from './links/presentation';
import type { AppStore } from './store';

export interface RouteDeps {
  labs: readonly LabSpec[];
  decodeLink: typeof DecodeLink;
  parseLocationHash: typeof ParseLocationHash;
  /** The page's address without its fragment, to rebuild a copyable full link. */
  base: string;
}

export function applyHash(store: AppStore, hash: string, deps: RouteDeps): void {
  const state = store.getState();
  const route = deps.parseLocationHash(hash);
  if (route.kind === 'home' || route.kind === 'page') {
    state.setPresentation({ ...defaultPresentation });
    state.closeLab();
    state.setPage(route.kind === 'page' ? route.page : undefined);
    return;
  }
  state.setPage(undefined);
  const decoded = deps.decodeLink(route.fragment, deps.labs);
  state.setPresentation(decoded.presentation);
  if (decoded.ok) {
    state.openLab(decoded.lab.id, decoded.scenario);
    if (decoded.migratedFrom !== undefined) {
      state.pushBanner({
        tone: 'info',
        message: `This link was made for version ${decoded.migratedFrom} of the ${decoded.lab.title} scenario; it was updated to version ${decoded.lab.version}.`,
      });
    }
    if (decoded.engineFrom !== undefined) {
      state.pushBanner({
        tone: 'info',
        message: `This link was made with simulation engine ${decoded.engineFrom}; this is engine ${decoded.lab.engineVersion}, so the run may differ from what its author saw.`,
      });
    }
    return;
  }
  const original = `${deps.base}#${decoded.original}`;
  if (decoded.lab) {
    state.openLab(decoded.lab.id);
    state.pushBanner({
      tone: 'warning',
      message: `This link could not be loaded: ${decoded.message}. The ${decoded.lab.title} defaults are shown instead; the original link is kept below.`,
      copyText: original,
      copyLabel: 'Original link',
    });
  } else {
    state.closeLab();
    state.pushBanner({
      tone: 'warning',
      message: `This link could not be loaded: ${decoded.message}. The original link is kept below.`,
      copyText: original,
      copyLabel: 'Original link',
    });
  }
  state.announce('The link could not be loaded; see the message at the top.');
}
