/**
 * Goal: a new run updates the failure-handling lab's view in place, as a fresh view would show it. The stage
 * and the charts keep their elements and measured sizes in the commit that shows the new run (a remount
 * started them at 0 x 0 and drew them again once the ResizeObservers reported: a second render and layout per
 * result), and show the new run's headline. Method: the real lab page and program in Chromium, runs resolved
 * by hand.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LabPage } from '../../../app/LabPage';
import { defaultPresentation } from '../../../app/links/presentation';
import { createAppStore, StoreContext, type AppStore, type RunOutcome } from '../../../app/store';
import { plainContext, presetScenario, type BaseScenario, type LabSpec } from '../../contract';
import { spec } from '../index';
import { program } from '../program/program';
import type { FailureResult } from '../result';
import { presets, type FailureScenario } from '../scenario';
import { headline } from './select';

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
async function finish(): Promise<FailureResult> {
  const run = runs[runs.length - 1];
  const result = program(run.scenario as FailureScenario, plainContext());
  await act(async () => {
    run.resolve({ kind: 'done', result });
    await new Promise((r) => setTimeout(r, 0));
  });
  return result;
}
const $ = (selector: string) => container.querySelector<HTMLElement>(selector);
const stageCanvas = () => $('.fh-stage canvas');
const chart = () => $('.fh-chart svg');

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
  store.getState().openLab(spec.id, presetScenario(presets, 'metastable-retry'));
  await act(async () => root.render(<StoreContext value={store}><LabPage spec={spec as unknown as LabSpec} /></StoreContext>));
  await finish();
  // The Panel's chunk loads, the stage and the charts are laid out and their sizes observed.
  const isLaidOut = () => Number(stageCanvas()?.getAttribute('width')) > 0 && Number(chart()?.getAttribute('width')) > 0;
  for (let k = 0; k < 50 && !isLaidOut(); k++) await settle();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

it('a new run keeps the stage and the charts, at their sizes, in the commit that shows it, with the new run in it', async () => {
  const canvas = stageCanvas()!;
  const canvasWidth = canvas.getAttribute('width');
  expect(Number(canvasWidth)).toBeGreaterThan(0);
  const svg = chart()!;
  const svgWidth = svg.getAttribute('width');
  expect(Number(svgWidth)).toBeGreaterThan(0);
  const narration = $('.fh-narration')!;
  act(() => {
    store.getState().editScenario('preset', () => presetScenario(presets, 'metastable-budget'));
  });
  const next = await finish();
  // No frame has passed since the commit: a remounted stage or chart would still be 0 px wide here.
  expect(stageCanvas()).toBe(canvas);
  expect(canvas.getAttribute('width')).toBe(canvasWidth);
  expect(chart()).toBe(svg);
  expect(svg.getAttribute('width')).toBe(svgWidth);
  // The new run is what the view shows: its headline, and its own narration (keyed by the run, so new).
  expect($('[data-testid="fh-headline"]')!.textContent).toBe(headline(next));
  expect($('.fh-narration')).not.toBe(narration);
});
