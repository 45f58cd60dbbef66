/**
 * Goal: a new run updates the lab's view in place, as a fresh view would show it. The charts and the stage
 * keep their elements and measured sizes (a remount started them at 0 x 0 and drew them again once the
 * ResizeObservers reported: a second render and layout per result), and the client-history selection
 * starts at the new run's first interesting operation. Method: the real lab page and program in Chromium,
 * runs resolved by hand.
 */
import { act } from 'react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mountLabPage, type LabPageHarness } from '../../../app/testing/labPageHarness';
import { presetScenario, type LabSpec } from '../../contract';
import { spec } from '../index';
import { program } from '../program/program';
import type { LeaderFollowerResult } from '../result';
import { presets } from '../scenario';
import { firstInteresting } from './select';

let page: LabPageHarness<LeaderFollowerResult>;
const $ = (selector: string) => page.container.querySelector<HTMLElement>(selector);
const selection = () => $('.viz-history-selection')?.textContent ?? '';

beforeEach(async () => {
  page = await mountLabPage(spec as unknown as LabSpec, program, presetScenario(presets, 'async-failover'));
  // The Panel's chunk loads, the cards are laid out and the sizes observed.
  await page.settleUntil(() => $('.lf-roles svg[width]:not([width="0"])') !== null);
});

afterEach(() => page.unmount());

it('a new run keeps the charts and the stage, at their sizes, in the commit that shows it; the selection starts again', async () => {
  const roles = $('.lf-roles svg')!;
  const width = roles.getAttribute('width');
  expect(Number(width)).toBeGreaterThan(0);
  const stageBox = $('.stage-box')!;
  const lag = $('.lf-chart-grid')!.innerHTML;
  // The reader selects a lost write, then loads another preset.
  const select = [...page.container.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Select op 174 in the client history')!;
  await act(async () => select.click());
  expect(selection()).toMatch(/^Selected op 174:/);
  act(() => {
    page.store.getState().editScenario('preset', () => presetScenario(presets, 'split-brain'));
  });
  const next = await page.finish();
  // No frame has passed since the commit: a remounted chart would still be 0 px wide here.
  expect($('.lf-roles svg')).toBe(roles);
  expect(roles.getAttribute('width')).toBe(width);
  expect($('.stage-box')).toBe(stageBox);
  expect($('.lf-chart-grid')!.innerHTML).not.toBe(lag);
  expect(page.container.textContent).toContain('Split brain: two nodes could take writes at the same time for 665.6 ms');
  expect(selection()).toMatch(new RegExp(`^Selected op ${firstInteresting(next)}:`));
});
