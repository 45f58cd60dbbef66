/**
 * The guided lesson card every lab shows: one step at a time (title, text), previous/next, and a button
 * that loads the step's scenario. Shared by the labs' Panels; the card's look comes from `className`.
 *
 * The step a reader reached is remembered per lesson (its steps array), so the card keeps its place when
 * a Panel swaps its waiting view for a result (which remounts the card) and when the reader comes back to
 * the lab.
 */
import { useState } from 'react';
import './lesson.css';

export interface LessonStepView {
  title: string;
  text: string;
}

/** The step each lesson was left at (lesson arrays are module constants, so this stays small). */
const reached = new WeakMap<readonly LessonStepView[], number>();

export function LessonSteps(props: {
  steps: readonly LessonStepView[];
  onApply: (index: number) => void;
  isLocked: boolean;
  /** The lab's card class (e.g. 'ch-card'). */
  className: string;
  /** The step to open at (0-based), over the one last reached. */
  start?: number;
}) {
  const { steps } = props;
  const [index, setIndexState] = useState(() => props.start ?? reached.get(steps) ?? 0);
  const setIndex = (next: number) => {
    reached.set(steps, next);
    setIndexState(next);
  };
  if (steps.length === 0) return null;
  const at = Math.min(index, steps.length - 1);
  const step = steps[at];
  return (
    <section className={`${props.className} lesson`} aria-labelledby="lesson-title">
      <h2 id="lesson-title">{`Guided lesson · step ${at + 1} of ${steps.length}`}</h2>
      <h3>{step.title}</h3>
      {step.text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      <div className="lesson-nav">
        <button type="button" onClick={() => setIndex(at - 1)} disabled={at === 0}>
          ← Previous
        </button>
        <button type="button" className="lesson-primary" onClick={() => props.onApply(at)} disabled={props.isLocked}>
          Show this step
        </button>
        <button type="button" onClick={() => setIndex(at + 1)} disabled={at >= steps.length - 1}>
          Next →
        </button>
      </div>
    </section>
  );
}
