/**
 * The lesson slice: "Show this step" as one action, and what the step applied last points at. A step is
 * an ordinary undoable edit (named after the step) that also asks the playhead to go to the step's t once
 * its run arrives; its highlight holds while the scenario it made is the one shown (so undo back to it
 * brings the highlight back, and any other edit drops it).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, LessonSlice } from './types';

export function lessonSlice(): StateCreator<AppState, [], [], LessonSlice> {
  return (set, get) => ({
    lessonFocus: undefined,

    applyLessonStep(index, step) {
      get().pause();
      const outcome = get().editScenario(`lesson step ${index + 1}: ${step.title}`, () => structuredClone(step.scenario), step.t ?? 0);
      const { scenario } = get();
      if (outcome.ok && scenario) set({ lessonFocus: { stepId: step.id, scenario, highlight: step.highlight } });
      return outcome;
    },
  });
}
