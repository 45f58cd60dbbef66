/**
 * Goal: a new run updates the consensus lab's view in place, as a fresh view would show it. The stage keeps
 * its element and measured size in the commit that shows the new run (a remount started it at 0 x 0 and drew
 * it again once its ResizeObserver reported: a second render and layout per result), and shows the new run's
 * servers and verdict. Method: the real lab page and program in Chromium, runs resolved by hand.
 */
import { act } from 'react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mountLabPage, type LabPageHarness } from '../../../app/testing/labPageHarness';
import { presetScenario, type LabSpec } from '../../contract';
import { spec } from '../index';
import { presets } from '../presets';
import { program } from '../program/program';
import type { ConsensusResult } from '../result';
import { verdictTitle } from './select';

let page: LabPageHarness<ConsensusResult>;
const $ = (selector: string) => page.container.querySelector<HTMLElement>(selector);
const stageCanvas = () => $('.raft-stage canvas');

beforeEach(async () => {
  page = await mountLabPage(spec as unknown as LabSpec, program, presetScenario(presets, 'first-election'));
  // The Panel's chunk loads, the stage is laid out and its size observed.
  await page.settleUntil(() => Number(stageCanvas()?.getAttribute('width')) > 0);
});

afterEach(() => page.unmount());

it('a new run keeps the stage, at its size, in the commit that shows it, with the new run in it', async () => {
  const canvas = stageCanvas()!;
  const width = canvas.getAttribute('width');
  expect(Number(width)).toBeGreaterThan(0);
  const stageBox = $('.raft-stage .stage-box')!;
  expect(stageBox).not.toBeNull();
  const narration = $('.raft-narration')!;
  act(() => {
    page.store.getState().editScenario('preset', () => presetScenario(presets, 'broken-double-vote'));
  });
  const next = await page.finish();
  expect(next.verdict.ok).toBe(false);
  // No frame has passed since the commit: a remounted stage would still be 0 px wide here.
  expect($('.raft-stage .stage-box')).toBe(stageBox);
  expect(stageCanvas()).toBe(canvas);
  expect(canvas.getAttribute('width')).toBe(width);
  // The new run is what the view shows: its verdict, and its own narration (keyed by the run, so new).
  expect($('#raft-verdict-title')!.textContent).toBe(verdictTitle(next));
  expect($('.raft-narration')).not.toBe(narration);
});
