/**
 * Goal: a new run updates the lab's view in place, as a fresh view would show it. The charts and the stage
 * keep their elements and measured sizes (a remount started them at 0 x 0 and drew them again once the
 * ResizeObservers reported: a second render and layout per result), and the client-history selection
 * starts at the new run's first interesting operation. Method: the real lab page and program in Chromium,
 * runs resolved by hand.
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
import type { LeaderFollowerResult } from '../result';
import { presets, type LeaderFollowerScenario } from '../scenario';
import { firstInteresting } from './select';

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
async function finish(): Promise<LeaderFollowerResult> {
  const run = runs[runs.length - 1];
  const result = program(run.scenario as LeaderFollowerScenario, plainContext());
  await act(async () => {
    run.resolve({ kind: 'done', result });
    await new Promise((r) => setTimeout(r, 0));
  });
  return result;
}
const $ = (selector: string) => container.querySelector<HTMLElement>(selector);
const selection = () => $('.viz-history-selection')?.textContent ?? '';

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
  store.getState().openLab(spec.id, presetScenario(presets, 'async-failover'));
  await act(async () => root.render(<StoreContext value={store}><LabPage spec={spec as unknown as LabSpec} /></StoreContext>));
  await finish();
  // The Panel's chunk loads, the cards are laid out and the sizes observed.
  for (let k = 0; k < 50 && !$('.lf-roles svg[width]:not([width="0"])'); k++) await settle();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

it('a new run keeps the charts and the stage, at their sizes, in the commit that shows it; the selection starts again', async () => {
  const roles = $('.lf-roles svg')!;
  const width = roles.getAttribute('width');
  expect(Number(width)).toBeGreaterThan(0);
  const stageBox = $('.stage-box')!;
  const lag = $('.lf-chart-grid')!.innerHTML;
  // The reader selects a lost write, then loads another preset.
  const select = [...container.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Select op 174 in the client history')!;
  await act(async () => select.click());
  expect(selection()).toMatch(/^Selected op 174:/);
  act(() => {
    store.getState().editScenario('preset', () => presetScenario(presets, 'split-brain'));
  });
  const next = await finish();
  // No frame has passed since the commit: a remounted chart would still be 0 px wide here.
  expect($('.lf-roles svg')).toBe(roles);
  expect(roles.getAttribute('width')).toBe(width);
  expect($('.stage-box')).toBe(stageBox);
  expect($('.lf-chart-grid')!.innerHTML).not.toBe(lag);
  expect(container.textContent).toContain('Split brain: two nodes could take writes at the same time for 665.6 ms');
  expect(selection()).toMatch(new RegExp(`^Selected op ${firstInteresting(next)}:`));
});
