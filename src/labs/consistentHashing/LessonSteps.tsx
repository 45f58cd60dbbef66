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
  const step = steps[Math.min(index, steps.length - 1)];
  return (
    <section className="ch-card ch-lesson" aria-labelledby="ch-lesson-title">
      <h2 id="ch-lesson-title">{`Guided lesson · step ${index + 1} of ${steps.length}`}</h2>
      <h3>{step.title}</h3>
      {step.text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      <div className="ch-lesson-nav">
        <button type="button" onClick={() => setIndex(index - 1)} disabled={index === 0}>
          ← Previous
        </button>
        <button type="button" className="ch-primary" onClick={() => props.onApply(index)} disabled={props.isLocked}>
          Show this step
        </button>
        <button type="button" onClick={() => setIndex(index + 1)} disabled={index >= steps.length - 1}>
          Next →
        </button>
      </div>
    </section>
  );
}
