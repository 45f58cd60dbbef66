/**
 * The lesson card, in the side column of every lab: the lab's lesson.ts (loaded lazily through its spec),
 * one step at a time. "Show this step" loads the step's scenario (store: applyLessonStep moves the
 * playhead to the step's t once its run has arrived) and then calls `onApplied`, which brings the scene
 * into view: the card stays where the reader is, the picture is what changed.
 */
import { useEffect, useState } from 'react';
import type { BaseScenario, LabSpec, LessonStep } from '../labs/contract';
import { LessonSteps } from '../viz/lesson/LessonSteps';
import { useApplyLesson } from './hooks';
import { useAppStore } from './useAppStore';

type Steps = readonly LessonStep<BaseScenario>[];

/** Lessons already loaded, by lab id: a lab opened again shows its card at once. */
const loaded = new Map<string, Steps>();
const NO_STEPS: Steps = [];

export function LessonCard({ spec, onApplied }: { spec: LabSpec; onApplied: () => void }) {
  const [steps, setSteps] = useState<Steps | undefined>(() => loaded.get(spec.id));
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const isLocked = useAppStore((s) => s.presentation.lock);
  const apply = useApplyLesson(steps ?? NO_STEPS, onApplied);

  useEffect(() => {
    if (loaded.has(spec.id)) return;
    let isCurrent = true;
    spec.loadLesson().then(
      ({ lesson }) => {
        loaded.set(spec.id, lesson);
        if (isCurrent) setSteps(lesson);
      },
      (error: unknown) => isCurrent && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      isCurrent = false;
    };
  }, [spec]);

  if (failure) return <p className="lesson-card lesson-failed">{`The guided lesson could not load (${failure}).`}</p>;
  if (!steps) return <p className="lesson-card lesson-loading">Loading the guided lesson…</p>;
  return <LessonSteps steps={steps} onApply={apply} isLocked={isLocked} className="lesson-card" />;
}
