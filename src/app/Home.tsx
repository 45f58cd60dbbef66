/** The home page: every pattern of the seed, mapped to its lab (open now) or marked as coming. */
import { useEffect } from 'react';
import type { LabSpec } from '../labs/contract';
import { encodeLink } from './links';
import { useAppStore } from './useAppStore';
import { otherLabs, topicCards } from './topics';

function labHref(spec: LabSpec): string {
  return `#${encodeLink(spec, spec.defaults)}`;
}

export function Home() {
  const labs = useAppStore((s) => s.labs);
  useEffect(() => {
    document.title = 'Distributed Systems Playground';
  }, []);
  const extra = otherLabs(labs);
  return (
    <main className="home" id="main">
      <h1>Distributed Systems Playground</h1>
      <p className="home-intro">
        Interactive, deterministic simulations of the patterns behind distributed systems. Every lab runs a
        scenario you can edit, replay step by step, share as a link, and embed in a course page. The{' '}
        <a href="#/tour">course tour</a> walks the patterns in order, lesson step by lesson step.
      </p>
      <ul className="topic-grid">
        {topicCards(labs).map(({ topic, lab, more, blurb }) => {
          return (
            <li key={topic.title} className={`topic-card ${lab ? 'topic-ready' : 'topic-coming'}`}>
              <h2>{lab ? <a href={labHref(lab)}>{topic.title}</a> : topic.title}</h2>
              <p>{blurb}</p>
              {more.length > 0 && (
                <p className="topic-more">
                  {'Also: '}
                  {more.map((other, i) => (
                    <span key={other.id}>
                      {i > 0 && ' · '}
                      <a href={labHref(other)}>{other.title}</a>
                    </span>
                  ))}
                </p>
              )}
              <p className="topic-status">{lab ? `Open ${lab.title} →` : 'Coming soon'}</p>
            </li>
          );
        })}
        {extra.map((lab) => (
          <li key={lab.id} className="topic-card topic-ready">
            <h2>
              <a href={labHref(lab)}>{lab.title}</a>
            </h2>
            <p>{lab.summary}</p>
            <p className="topic-status">Open the lab →</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
