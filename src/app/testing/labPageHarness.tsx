/**
 * A lab's real page in a browser test, with runs resolved by hand: the store's runner keeps each run's
 * scenario, and `finish()` answers the latest with the lab's own program. For tests of what a new result does
 * to a mounted page (src/labs/<lab>/ui/Panel.browser.test.tsx).
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { plainContext, type BaseScenario, type LabProgram, type LabResult, type LabSpec } from '../../labs/contract';
import { LabPage } from '../LabPage';
import { defaultPresentation } from '../links/presentation';
import { createAppStore, StoreContext, type AppStore, type RunOutcome } from '../store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface LabPageHarness<R extends LabResult> {
  container: HTMLDivElement;
  store: AppStore;
  /** Resolves the latest run with the program's result; returns it. */
  finish(): Promise<R>;
  /** Four pairs of animation frames, inside act (chunks load, sizes are observed). */
  settle(): Promise<void>;
  /** Settles until `isReady()` holds (at most 50 times). */
  settleUntil(isReady: () => boolean): Promise<void>;
  unmount(): void;
}

/** Mounts `spec`'s page 1280 px wide on `scenario` and answers its first run. */
export async function mountLabPage<S extends BaseScenario, R extends LabResult>(spec: LabSpec, program: LabProgram<S, R>, scenario: S): Promise<LabPageHarness<R>> {
  const runs: { scenario: BaseScenario; resolve: (o: RunOutcome) => void }[] = [];
  const container = document.createElement('div');
  container.style.width = '1280px';
  document.body.append(container);
  const root = createRoot(container);
  const store = createAppStore(
    { labs: [spec], runner: { run: (_lab, s) => new Promise((resolve) => runs.push({ scenario: s, resolve })) }, writeLink: () => {} },
    { ...defaultPresentation },
  );
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const settle = async () => {
    for (let k = 0; k < 4; k++) await act(async () => frame());
  };
  const finish = async (): Promise<R> => {
    const run = runs[runs.length - 1];
    const result = program(run.scenario as S, plainContext());
    await act(async () => {
      run.resolve({ kind: 'done', result });
      await new Promise((r) => setTimeout(r, 0));
    });
    return result;
  };
  store.getState().openLab(spec.id, scenario);
  await act(async () => root.render(<StoreContext value={store}><LabPage spec={spec} /></StoreContext>));
  await finish();
  return {
    container,
    store,
    finish,
    settle,
    settleUntil: async (isReady) => {
      for (let k = 0; k < 50 && !isReady(); k++) await settle();
    },
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}
