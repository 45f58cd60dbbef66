/** The guided lesson: one step at a time, each with a button that loads the step's scenario. */
import { useState } from 'react';

export interface LessonStepView {
  title: string;
  text: string;
}

export function LessonSteps(props: { steps: readonly LessonStepView[]; onApply: (index: number) => void; isLocked: boolean }) {
  const [index, setIndex] = useState(0);
  const { steps } = props;
  if (steps.length === 0) return null;
  const at = Math.min(index, steps.length - 1);
  const step = steps[at];
  return (
    <section className="pt-card pt-lesson" aria-labelledby="pt-lesson-title">
      <h2 id="pt-lesson-title">{`Guided lesson · step ${at + 1} of ${steps.length}`}</h2>
      <h3>{step.title}</h3>
      {step.text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      <div className="pt-lesson-nav">
        <button type="button" onClick={() => setIndex(at - 1)} disabled={at === 0}>
          ← Previous
        </button>
        <button type="button" className="pt-primary" onClick={() => props.onApply(at)} disabled={props.isLocked}>
          Show this step
        </button>
        <button type="button" onClick={() => setIndex(at + 1)} disabled={at >= steps.length - 1}>
          Next →
        </button>
      </div>
    </section>
  );
}
