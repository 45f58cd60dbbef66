/**
 * The app's store as the page uses it: wired to the worker and the address bar. Creating it touches neither
 * window nor Worker: the worker starts on the first run, the address bar is written only in a page. The labs
 * come from the composition root (src/main.tsx), so no app module imports the registry.
 */
import type { LabSpec } from '../../labs/contract';
import { encodeLink } from '../links';
import { defaultPresentation } from '../links/presentation';
import { getWorkerClient } from '../workerClient';
import { createAppStore, type AppStore } from './createAppStore';

export function createBrowserStore(labs: readonly LabSpec[]): AppStore {
  return createAppStore(
    {
      labs,
      runner: {
        // The reply reaches the store in a task after the one that received it: receiving a large result
        // (structured clone: ~12 ms at 10^4 operations) and the render it brings (~10 ms) were one task.
        run: (labId, scenario, onProgress) =>
          getWorkerClient().run(labId, scenario, onProgress).then((outcome) => new Promise((resolve) => setTimeout(() => resolve(outcome), 0))),
      },
      writeLink(spec, scenario, presentation) {
        if (typeof window === 'undefined' || typeof history === 'undefined') return;
        const hash = `#${encodeLink(spec, scenario, presentation)}`;
        // replaceState, not pushState: edits are undone with undo, not with the back button; and it fires
        // no hashchange, so the router does not decode our own link again.
        if (location.hash !== hash) history.replaceState(history.state, '', hash);
      },
    },
    { ...defaultPresentation },
  );
}
