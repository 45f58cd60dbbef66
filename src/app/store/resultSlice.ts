/**
 * The result slice: run status, progress, the latest result and the latest error. Only the newest request
 * may write here: each run takes a sequence number and a reply for an older number is dropped.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, ResultSlice, StoreDeps } from './types';

export function resultSlice(deps: StoreDeps): StateCreator<AppState, [], [], ResultSlice> {
  return (set, get) => ({
    runState: 'idle',
    progress: 0,
    result: undefined,
    resultScenario: undefined,
    runError: undefined,
    runSeq: 0,
    pendingSeek: undefined,

    async startRun() {
      const { labId, scenario } = get();
      if (labId === undefined || !scenario) return;
      const seq = get().runSeq + 1;
      set({ runSeq: seq, runState: 'running', progress: 0 });
      const isCurrent = () => get().runSeq === seq;
      const outcome = await deps.runner.run(labId, scenario, (fraction) => {
        if (isCurrent()) set({ progress: Math.min(1, Math.max(0, fraction)) });
      });
      if (!isCurrent() || outcome.kind === 'superseded') return;
      if (outcome.kind === 'done') {
        const { result } = outcome;
        // The playhead stays where it was (within the new result), unless the edit behind this run asked
        // for a moment of its own (a lesson step's t, a node added at a step).
        const seek = get().pendingSeek;
        const wanted = seek?.seq === seq ? Math.max(0, seek.t) : get().t;
        const t = Math.min(wanted, result.endTime);
        set({ runState: 'idle', progress: 1, result, resultScenario: scenario, runError: undefined, t, pendingSeek: undefined });
        if (result.stoppedAtLimit) get().announce(`Run stopped early: ${result.stoppedAtLimit}.`);
      } else {
        set({ runState: 'error', runError: outcome.error });
        get().pushBanner({ tone: 'error', message: outcome.error.message });
        get().announce(`Run failed: ${outcome.error.message}`);
      }
    },
  });
}
