/**
 * Goal: a new run updates the failure-handling lab's view in place, as a fresh view would show it. The stage
 * and the charts keep their elements and measured sizes in the commit that shows the new run (a remount
 * started them at 0 x 0 and drew them again once the ResizeObservers reported: a second render and layout per
 * result), and show the new run's headline. Method: the real lab page and program in Chromium, runs resolved
 * by hand.
 */
import { act } from 'react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mountLabPage, type LabPageHarness } from '../../../app/testing/labPageHarness';
import { presetScenario, type LabSpec } from '../../contract';
import { spec } from '../index';
import { program } from '../program/program';
import type { FailureResult } from '../result';
import { presets } from '../scenario';
import { headline } from './select';

let page: LabPageHarness<FailureResult>;
const $ = (selector: string) => page.container.querySelector<HTMLElement>(selector);
const stageCanvas = () => $('.fh-stage canvas');
const chart = () => $('.fh-chart svg');

beforeEach(async () => {
  page = await mountLabPage(spec as unknown as LabSpec, program, presetScenario(presets, 'metastable-retry'));
  // The Panel's chunk loads, the stage and the charts are laid out and their sizes observed.
  await page.settleUntil(() => Number(stageCanvas()?.getAttribute('width')) > 0 && Number(chart()?.getAttribute('width')) > 0);
});

afterEach(() => page.unmount());

it('a new run keeps the stage and the charts, at their sizes, in the commit that shows it, with the new run in it', async () => {
  const canvas = stageCanvas()!;
  const canvasWidth = canvas.getAttribute('width');
  expect(Number(canvasWidth)).toBeGreaterThan(0);
  const svg = chart()!;
  const svgWidth = svg.getAttribute('width');
  expect(Number(svgWidth)).toBeGreaterThan(0);
  const narration = $('.fh-narration')!;
  act(() => {
    page.store.getState().editScenario('preset', () => presetScenario(presets, 'metastable-budget'));
  });
  const next = await page.finish();
  // No frame has passed since the commit: a remounted stage or chart would still be 0 px wide here.
  expect(stageCanvas()).toBe(canvas);
  expect(canvas.getAttribute('width')).toBe(canvasWidth);
  expect(chart()).toBe(svg);
  expect(svg.getAttribute('width')).toBe(svgWidth);
  // The new run is what the view shows: its headline, and its own narration (keyed by the run, so new).
  expect($('[data-testid="fh-headline"]')!.textContent).toBe(headline(next));
  expect($('.fh-narration')).not.toBe(narration);
});
