/**
 * The lesson card, in the side column of every lab: the lab's lesson.ts (loaded lazily through its spec),
 * one step at a time. "Show this step" loads the step's scenario (store: applyLessonStep moves the
 * playhead to the step's t once its run has arrived) and then calls `onApplied`, which brings the scene
 * into view: the card stays where the reader is, the picture is what changed.
 *
 * A link with `lesson=N` (a tour's, a course page's) opens the card at step N and shows that step once its
 * lesson has loaded.
 */
import { useEffect, useRef, useState } from 'react';
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
  const requested = useAppStore((s) => s.presentation.lesson);
  const start = steps && requested !== null ? Math.min(requested, steps.length) - 1 : undefined;
  const shown = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (start === undefined || start < 0) return;
    const key = `${spec.id}:${start}`;
    if (shown.current === key) return;
    shown.current = key;
    apply(start);
  }, [spec, start, apply]);

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
  return <LessonSteps key={start ?? 'reached'} steps={steps} onApply={apply} isLocked={isLocked} className="lesson-card" start={start} />;
}
