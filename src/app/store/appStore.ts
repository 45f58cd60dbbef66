/**
 * The app's one bound store, wired to the real registry, worker and address bar. Creating it touches
 * neither window nor Worker: the worker starts on the first run, the address bar is written only in a page.
 */
import { findLab } from '../../labs/registry';
import { encodeLink } from '../links';
import { defaultPresentation } from '../links/presentation';
import { getWorkerClient } from '../workerClient';
import { createAppStore } from './createAppStore';
import type { StoreDeps } from './types';

const browserDeps: StoreDeps = {
  findLab,
  runner: { run: (labId, scenario, onProgress) => getWorkerClient().run(labId, scenario, onProgress) },
  writeLink(spec, scenario, presentation) {
    if (typeof window === 'undefined' || typeof history === 'undefined') return;
    const hash = `#${encodeLink(spec, scenario, presentation)}`;
    // replaceState, not pushState: edits are undone with undo, not with the back button; and it fires
    // no hashchange, so the router does not decode our own link again.
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  },
};

export const appStore = createAppStore(browserDeps, { ...defaultPresentation });
