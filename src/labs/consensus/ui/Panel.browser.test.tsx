/**
 * Goal: a new run updates the consensus lab's view in place, as a fresh view would show it. The stage keeps
 * its element and measured size in the commit that shows the new run (a remount started it at 0 x 0 and drew
 * it again once its ResizeObserver reported: a second render and layout per result), and shows the new run's
 * servers and verdict. Method: the real lab page and program in Chromium, runs resolved by hand.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LabPage } from '../../../app/LabPage';
import { defaultPresentation } from '../../../app/links/presentation';
import { createAppStore, StoreContext, type AppStore, type RunOutcome } from '../../../app/store';
import { plainContext, presetScenario, type BaseScenario, type LabSpec } from '../../contract';
import { spec } from '../index';
import { presets } from '../presets';
import { program } from '../program/program';
import type { ConsensusResult } from '../result';
import type { ConsensusScenario } from '../scenario';
import { verdictTitle } from './select';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let store: AppStore;
let runs: { scenario: BaseScenario; resolve: (o: RunOutcome) => void }[];

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const settle = async () => {
  for (let k = 0; k < 4; k++) await act(async () => frame());
};
/** Resolves the latest run with the real program's result; returns it. */
async function finish(): Promise<ConsensusResult> {
  const run = runs[runs.length - 1];
  const result = program(run.scenario as ConsensusScenario, plainContext());
  await act(async () => {
    run.resolve({ kind: 'done', result });
    await new Promise((r) => setTimeout(r, 0));
  });
  return result;
}
const $ = (selector: string) => container.querySelector<HTMLElement>(selector);
const stageCanvas = () => $('.raft-stage canvas');

beforeEach(async () => {
  runs = [];
  container = document.createElement('div');
  container.style.width = '1280px';
  document.body.append(container);
  root = createRoot(container);
  store = createAppStore(
    { labs: [spec as unknown as LabSpec], runner: { run: (_lab, scenario) => new Promise((resolve) => runs.push({ scenario, resolve })) }, writeLink: () => {} },
    { ...defaultPresentation },
  );
  store.getState().openLab(spec.id, presetScenario(presets, 'first-election'));
  await act(async () => root.render(<StoreContext value={store}><LabPage spec={spec as unknown as LabSpec} /></StoreContext>));
  await finish();
  // The Panel's chunk loads, the stage is laid out and its size observed.
  for (let k = 0; k < 50 && !(Number(stageCanvas()?.getAttribute('width')) > 0); k++) await settle();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

it('a new run keeps the stage, at its size, in the commit that shows it, with the new run in it', async () => {
  const canvas = stageCanvas()!;
  const width = canvas.getAttribute('width');
  expect(Number(width)).toBeGreaterThan(0);
  const stageBox = $('.raft-stage .stage-box')!;
  expect(stageBox).not.toBeNull();
  const narration = $('.raft-narration')!;
  act(() => {
    store.getState().editScenario('preset', () => presetScenario(presets, 'broken-double-vote'));
  });
  const next = await finish();
  expect(next.verdict.ok).toBe(false);
  // No frame has passed since the commit: a remounted stage would still be 0 px wide here.
  expect($('.raft-stage .stage-box')).toBe(stageBox);
  expect(stageCanvas()).toBe(canvas);
  expect(canvas.getAttribute('width')).toBe(width);
  // The new run is what the view shows: its verdict, and its own narration (keyed by the run, so new).
  expect($('#raft-verdict-title')!.textContent).toBe(verdictTitle(next));
  expect($('.raft-narration')).not.toBe(narration);
});
