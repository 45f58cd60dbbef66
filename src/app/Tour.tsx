/**
 * The course tour page (`#/tour`): the seed's patterns in order (./tour.ts), each with the labs that teach it
 * and a link to every step of their guided lessons (`#/<lab>?lesson=N` opens the lab and shows that step).
 */
import { useEffect, useState } from 'react';
import type { BaseScenario, LabSpec, LessonStep } from '../labs/contract';
import { encodeLink } from './links';
import { TOUR, labsForHeading } from './tour';
import { useAppStore } from './useAppStore';

type Lessons = ReadonlyMap<string, readonly LessonStep<BaseScenario>[]>;

export function Tour() {
  const labs = useAppStore((s) => s.labs);
  const lessons = useLessons(labs);
  // A lab's lesson is listed where the lab first appears; later headings point back to it.
  const firstPart = new Map<string, string>();
  for (const section of TOUR) for (const part of section.parts) for (const lab of labsForHeading(part, labs)) if (!firstPart.has(lab.id)) firstPart.set(lab.id, part);
  useEffect(() => {
    document.title = 'Course tour · Distributed Systems Playground';
  }, []);
  return (
    <main className="tour" id="main">
      <h1>Course tour</h1>
      <p className="tour-intro">
        The patterns of distributed systems in order, from the trade-offs every design makes to the mistakes
        that break systems. Under each pattern: the labs that let you see it, and every step of their guided
        lessons (a step opens the lab at that moment, set up as the step describes). Share this page's link
        to hand out the whole course.
      </p>
      {TOUR.map((section) => (
        <section key={section.title} className="tour-section" aria-labelledby={anchor(section.title)}>
          <h2 id={anchor(section.title)}>{section.title}</h2>
          {section.parts.map((part) => (
            <TourPart key={part} heading={part} showHeading={section.parts.length > 1 || part !== section.title} labs={labsForHeading(part, labs)} lessons={lessons} firstPart={firstPart} />
          ))}
        </section>
      ))}
    </main>
  );
}

function TourPart(props: { heading: string; showHeading: boolean; labs: LabSpec[]; lessons: Lessons | undefined; firstPart: ReadonlyMap<string, string> }) {
  const { heading, labs, lessons, firstPart } = props;
  return (
    <div className="tour-part" id={anchor(heading)}>
      {props.showHeading && <h3>{heading}</h3>}
      {labs.length === 0 && <p className="tour-coming">Coming: no lab shows this yet.</p>}
      {labs.map((lab) => {
        const first = firstPart.get(lab.id);
        const isFirst = first === heading;
        return (
          <div key={lab.id} className="tour-lab">
            <p>
              <a href={`#${encodeLink(lab, lab.defaults)}`}>{lab.title}</a>
              {isFirst ? `: ${lab.summary}` : `, whose lesson is listed under ${first}.`}
            </p>
            {isFirst && <LessonLinks lab={lab} steps={lessons?.get(lab.id)} isLoading={lessons === undefined} />}
          </div>
        );
      })}
    </div>
  );
}

function LessonLinks({ lab, steps, isLoading }: { lab: LabSpec; steps: readonly LessonStep<BaseScenario>[] | undefined; isLoading: boolean }) {
  if (isLoading) return <p className="tour-loading">Loading its lesson…</p>;
  if (!steps || steps.length === 0) return null;
  return (
    <ol className="tour-steps" aria-label={`${lab.title}: guided lesson`}>
      {steps.map((step, i) => (
        <li key={step.id}>
          <a href={`#${encodeLink(lab, lab.defaults, { lesson: i + 1 })}`}>{step.title}</a>
        </li>
      ))}
    </ol>
  );
}

/** Every lab's lesson, loaded once (each is a small lazy chunk); undefined until all have arrived. */
function useLessons(labs: readonly LabSpec[]): Lessons | undefined {
  const [lessons, setLessons] = useState<Lessons | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    Promise.all(labs.map((lab) => lab.loadLesson().then(({ lesson }) => [lab.id, lesson] as const, () => [lab.id, []] as const))).then((entries) => {
      if (isCurrent) setLessons(new Map(entries));
    });
    return () => {
      isCurrent = false;
    };
  }, [labs]);
  return lessons;
}

function anchor(title: string): string {
  return `tour-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
