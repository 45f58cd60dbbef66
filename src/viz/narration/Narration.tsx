/**
 * Narration: every trace event as a sentence, in a virtualised list synced to the playhead. The current
 * row is the last event <= t; the list follows it until the reader scrolls away ("Back to playhead" brings
 * it back); clicking a row seeks there. Sentences are built only for the rows in view. One polite log
 * region announces the sentences at t after a step or seek and a summary every ~2 s while playing.
 */
import { useEffect, useRef, useState } from 'react';
import type { StageData } from '../../core/stage/types';
import type { PlayheadSource } from '../stage/types';
import { sentence, type RowWords } from './sentences';
import { useAnnouncer } from './useAnnouncer';
import { usePlayheadRow } from './usePlayheadRow';
import './narration.css';
import { formatNumber } from '../shared/format';

export interface NarrationProps {
  data: StageData;
  playhead: PlayheadSource;
  /** Moves the playhead (a row's time). Without it rows are not clickable. */
  onSeek?: (t: number) => void;
  /** Heading-like name of the list. */
  label?: string;
  /** List height in CSS px (default 200). */
  height?: number;
  /** Send announcements to the page's own live region instead of the narration's. */
  announce?: (text: string) => void;
  /** The lab's own words for rows it knows better than the templates (memoize it: a new one re-subscribes). */
  words?: RowWords;
}

export const ROW_PX = 24;
const OVERSCAN = 6;

export function Narration({ data, playhead, onSeek, label = 'What happened', height = 200, announce, words }: NarrationProps) {
  const current = usePlayheadRow(data, playhead);
  const region = useAnnouncer(data, playhead, announce, words);
  const list = useRef<HTMLDivElement>(null);
  /** Where the list last scrolled itself: a scroll event landing there is ours, any other is the reader's. */
  const autoTop = useRef(-1);
  const [scrollTop, setScrollTop] = useState(0);
  /** The list's scroll position as last set or seen (a scroll event): compared without reading the element,
   * whose scrollTop forces a layout of the page (at load, inside the commit that mounts it: ~20 ms). */
  const knownTop = useRef(0);
  const [following, setFollowing] = useState(true);
  const count = data.narrated.length;

  // In the next animation frame, never in the commit: setting scrollTop (like reading it) brings the page's
  // layout up to date, and a result from the worker commits synchronously, passive effects included (in
  // the commit that was 20-50 ms of one main-thread task as a lab loads, most of it the page's layout).
  // In the frame, the layout it forces is the one the frame does anyway. Nothing is read back: the
  // browser may clamp the target at the list's end, and the scroll event compares against that.
  useEffect(() => {
    const el = list.current;
    if (!el || !following || current < 0) return;
    const target = Math.max(0, Math.round((current + 1) * ROW_PX - height / 2));
    if (Math.abs(knownTop.current - target) < 1) return;
    const frame = requestAnimationFrame(() => {
      el.scrollTop = target;
      autoTop.current = target;
      knownTop.current = target;
      setScrollTop(target);
    });
    return () => cancelAnimationFrame(frame);
  }, [current, following, height]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_PX) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const row = data.narrated[i];
    const text = sentence(data, row, words);
    const isCurrent = i === current;
    rows.push(
      <li key={i} className={isCurrent ? 'narration-row narration-current' : 'narration-row'} style={{ top: i * ROW_PX }} aria-current={isCurrent || undefined} data-row={i}>
        {onSeek ? <button type="button" tabIndex={isCurrent ? 0 : -1} title={text} onClick={() => onSeek(data.events.time[row])}>{text}</button> : text}
      </li>,
    );
  }
  return (
    <section className="narration" aria-label={label}>
      <div className="narration-bar">
        <span>{`${formatNumber(count)} events`}</span>
        {!following && (
          <button type="button" onClick={() => setFollowing(true)}>
            Back to playhead
          </button>
        )}
      </div>
      <div
        ref={list}
        className="narration-list"
        style={{ height }}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          const top = el.scrollTop;
          knownTop.current = top;
          setScrollTop(top);
          // Ours when it landed where the list last scrolled itself, clamped at the end as the browser does.
          if (Math.abs(top - Math.min(autoTop.current, el.scrollHeight - el.clientHeight)) >= 2) setFollowing(false);
        }}
      >
        <ol style={{ height: count * ROW_PX }}>{rows}</ol>
      </div>
      {!announce && <div ref={region} className="visually-hidden" role="log" aria-live="polite" />}
    </section>
  );
}
