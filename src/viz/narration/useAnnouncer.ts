/**
 * What the narration says aloud, in one visually hidden polite log region (stage.md section 4):
 *   - after a step or seek (paused): the sentences at t, once the playhead rests for SETTLE_MS;
 *   - while playing: at most one summary per SUMMARY_MS ("1.200 s: n3 becomes leader; 5 more events");
 *   - on pause: where we are.
 * A message replaces the last (clear, then set a moment later, so a screen reader notices a repeat) and is
 * removed after CLEAR_MS. With `announce` given, messages go there instead (the page's own region).
 */
import { useEffect, useRef } from 'react';
import { narratedAt } from '../../core/stage/query';
import type { StageData } from '../../core/stage/types';
import type { PlayheadSource } from '../stage/types';
import { eventWords, formatTime, sentencesAt, type RowWords } from './sentences';

export const SETTLE_MS = 300;
export const SUMMARY_MS = 2000;
export const CLEAR_MS = 7000;

export function useAnnouncer(data: StageData, playhead: PlayheadSource, announce?: (text: string) => void, words?: RowWords) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const later = (ms: number, fn: () => void) => {
      const id = setTimeout(() => {
        timers.delete(id);
        fn();
      }, ms);
      timers.add(id);
      return id;
    };
    const say = (text: string) => {
      if (announce) return announce(text);
      const el = region.current;
      if (!el) return;
      el.textContent = '';
      later(60, () => {
        el.textContent = text;
        later(CLEAR_MS, () => el.textContent === text && (el.textContent = ''));
      });
    };
    let wasPlaying = playhead.isPlaying?.() ?? false;
    let lastSaid = -2;
    let lastSummaryAt = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      const playing = playhead.isPlaying?.() ?? false;
      const at = narratedAt(data, playhead.get());
      if (settle !== undefined) clearTimeout(settle);
      settle = undefined;
      if (playing) {
        const now = performance.now();
        if (now - lastSummaryAt >= SUMMARY_MS && at >= 0 && at !== lastSaid) {
          const more = lastSaid >= -1 ? at - Math.max(lastSaid, -1) - 1 : 0;
          say(`${formatTime(data.events.time[data.narrated[at]], data.timeUnit)}: ${eventWords(data, data.narrated[at], words)}${more > 0 ? `; ${more} more events` : ''}`);
          lastSummaryAt = now;
          lastSaid = at;
        }
      } else if (wasPlaying) {
        say(`Paused. ${sentencesAt(data, at, 3, words)}`);
        lastSaid = at;
      } else if (at !== lastSaid) {
        settle = later(SETTLE_MS, () => {
          say(sentencesAt(data, at, 3, words));
          lastSaid = at;
        });
      }
      wasPlaying = playing;
    };
    const off = playhead.subscribe(onChange);
    return () => {
      off();
      for (const id of timers) clearTimeout(id);
    };
  }, [data, playhead, announce, words]);
  return region;
}
