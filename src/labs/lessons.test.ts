/**
 * Goal: every lab's lesson loads through its spec and each step can be shown as written: its scenario
 * validates, its playhead time t (when it has one) lies within the run the scenario asks for, on a whole
 * step in a stepped lab, and its highlight names nodes the way the labs name them. Method: load each
 * lesson through spec.loadLesson() (as the app does) and check every step; the numbers each text quotes
 * are re-checked by the labs' own lesson tests.
 */
import { describe, expect, it } from 'vitest';
import { labs } from './registry';

const lessons = await Promise.all(labs.map(async (spec) => ({ spec, steps: (await spec.loadLesson()).lesson })));

describe('lessons', () => {
  it.each(lessons.map((l) => [l.spec.id, l] as const))('%s: every step validates, with t inside its horizon and highlights by node name', (_id, { spec, steps }) => {
    expect(steps.length).toBeGreaterThan(0);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    for (const step of steps) {
      expect(spec.validate(step.scenario).ok, `${step.id} validates`).toBe(true);
      if (step.t !== undefined) {
        expect(step.t, `${step.id}: t`).toBeGreaterThanOrEqual(0);
        expect(step.t, `${step.id}: t within the horizon`).toBeLessThanOrEqual(spec.horizon(step.scenario));
        if (spec.timeUnit === 'step') expect(Number.isInteger(step.t), `${step.id}: whole step`).toBe(true);
      }
      for (const node of step.highlight?.nodes ?? []) expect(node).toMatch(/^[a-z]\d+$/);
    }
  });

  it('every lab\'s lesson has a step with a moment (t) to show', () => {
    const withMoments = lessons.filter(({ steps }) => steps.some((s) => s.t !== undefined)).map(({ spec }) => spec.id);
    expect(withMoments.sort()).toEqual(labs.map((l) => l.id).sort());
  });
});
