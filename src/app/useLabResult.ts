/**
 * The Panel shell's half that Panels call: the shown run of the page's own lab, typed, or undefined while
 * there is none (the page draws the waiting, running, error and stale-result chrome: RunChrome.tsx).
 */
import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BaseScenario, LabResult } from '../labs/contract';
import type { RunState } from './store';
import { useAppStore } from './useAppStore';

/** A lab's shown run: its result and the scenario it was computed from (which lags the current scenario while re-running). */
export interface LabRun<R extends LabResult, S extends BaseScenario> {
  result: R;
  scenario: S;
}

/**
 * The latest completed run of the open lab, or the previous one while re-running. `R` and `S` are the
 * caller's lab's types: a result is handed over only when its `lab` is the open lab's id.
 *
 * Deferred: a new result first re-renders with the old one (cheap, memoized), then renders in a
 * transition, which React time-slices; a store update is otherwise rendered synchronously, and drawing a
 * large result in one go was a long main-thread task (quorums at 10^4 operations: ~90-130 ms, Chrome
 * tracing). Result and scenario are deferred as one pair, so they always describe the same run. A caller
 * that mounts while a result is there (a Panel whose chunk arrives with it) first renders with none:
 * without the initial value, React hands a mounting component the live value at once, and the quorums
 * Panel drew its whole first result inside the store update's synchronous render (~30 ms CPU).
 */
const NO_RUN = { result: undefined, scenario: undefined, labId: undefined };
const NOT_DRAWN = Symbol('not drawn');

export function useLabResult<R extends LabResult, S extends BaseScenario = BaseScenario>(): LabRun<R, S> | undefined {
  const live = useAppStore(useShallow((s) => ({ result: s.result, scenario: s.resultScenario, labId: s.labId })));
  const shown = useDeferredValue(live, NO_RUN);
  return useMemo(() => {
    const { result, scenario, labId } = shown;
    if (!result || !scenario || result.lab !== labId) return undefined;
    return { result: result as R, scenario: scenario as S };
  }, [shown]);
}

/**
 * The run's state as the reader sees it: 'running' also while the deferred render has not yet drawn a
 * result that has arrived (for the reader the run is not over until its result is on screen).
 */
export function useShownRunState(): RunState {
  const state = useAppStore((s) => s.runState);
  const result = useAppStore((s) => s.result);
  // Mounting, a component counts the result as not drawn yet, as useLabResult hands it over (React ignores
  // an undefined initial value, hence the marker).
  const drawn = useDeferredValue<LabResult | undefined | typeof NOT_DRAWN>(result, NOT_DRAWN);
  return state === 'idle' && drawn !== result ? 'running' : state;
}

/**
 * True while the result on screen is not the scenario's (a run is going, or its result is not drawn yet):
 * a Panel holds its animations then, so the main thread leaves the cores to the worker and no tween plays
 * on a result about to be replaced.
 */
export function useIsResultPending(): boolean {
  return useShownRunState() === 'running';
}
