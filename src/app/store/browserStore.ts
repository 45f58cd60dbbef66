/**
 * The app's store as the page uses it: wired to the worker and the address bar. Creating it touches neither
 * window nor Worker: the worker starts on the first run, the address bar is written only in a page. The labs
 * come from the composition root (src/main.tsx), so no app module imports the registry.
 */
import type { BaseScenario, LabSpec } from '../../labs/contract';
import { encodeLink } from '../links';
import { defaultPresentation } from '../links/presentation';
import type { Presentation } from '../links/types';
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
      writeLink: linkWriter(),
    },
    { ...defaultPresentation },
  );
}

/**
 * The address bar following the shown scenario, in a task of its own: encoding the link (deflate) and
 * replaceState cost 8-14 ms, which made an edit's click one task of 40-68 ms at maximum scale. Of the edits
 * made before that task runs, the last is written; a hash changed meanwhile by anyone else (the reader
 * navigating) wins.
 */
export function linkWriter(): (spec: LabSpec, scenario: BaseScenario, presentation: Presentation) => void {
  let pending: { spec: LabSpec; scenario: BaseScenario; presentation: Presentation; hash: string } | undefined;
  const flush = () => {
    const write = pending;
    pending = undefined;
    if (!write || location.hash !== write.hash) return;
    const hash = `#${encodeLink(write.spec, write.scenario, write.presentation)}`;
    // replaceState, not pushState: edits are undone with undo, not with the back button; and it fires
    // no hashchange, so the router does not decode our own link again.
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  };
  return (spec, scenario, presentation) => {
    if (typeof window === 'undefined' || typeof history === 'undefined') return;
    if (!pending) setTimeout(flush, 0);
    pending = { spec, scenario, presentation, hash: pending?.hash ?? location.hash };
  };
}
