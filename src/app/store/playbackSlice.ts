/**
 * The playback slice: the playhead over a finished result. Play / pause / step / speed / scrub behave the
 * same in every simulated lab; the playhead is simulated time, never the wall clock.
 */
import type { StateCreator } from 'zustand/vanilla';
import { nextStop, prevStop } from './stepStops';
import type { AppState, PlaybackSlice, StoreDeps } from './types';

/** At speed 1, playing from 0 to the end of a result without a stage takes this many wall-clock seconds. */
export const PLAY_SECONDS_AT_1X = 12;
/**
 * With a stage, speed 1 moves a message of the run's median latency across its link in this many wall-clock
 * seconds (the stage notes: ~0.7-1.5 s lets the eye follow a dot; a 1-10 ms hop otherwise crossed in 0.1 s).
 */
export const MESSAGE_SECONDS_AT_1X = 1;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 10, 30, 100, 300, 1000, 3000, 10_000] as const;
/** Speeds above 1x that would play the whole run in less than this many wall-clock seconds are not offered. */
export const SHORTEST_PLAY_SECONDS = 3;

/**
 * Simulated units per wall-clock second at speed 1: with a stage, a message of the run's median latency
 * crosses in MESSAGE_SECONDS_AT_1X (but never slower than the whole run in PLAY_SECONDS_AT_1X); without one,
 * the whole run in PLAY_SECONDS_AT_1X; a stepped run one step per second at least.
 */
export function unitsPerSecondAt1x(endTime: number, medianLatency: number, isStepped: boolean): number {
  if (isStepped) return Math.max(1, endTime / PLAY_SECONDS_AT_1X);
  return medianLatency > 0 ? Math.min(endTime / PLAY_SECONDS_AT_1X, medianLatency / MESSAGE_SECONDS_AT_1X) : endTime / PLAY_SECONDS_AT_1X;
}

/** The speeds worth offering for a run: all up to 1x, faster ones while the whole run still takes SHORTEST_PLAY_SECONDS, and `current`. */
export function offeredSpeeds(endTime: number, unitsPerSecond: number, current: number): number[] {
  return SPEEDS.filter((s) => s <= 1 || s === current || !(unitsPerSecond > 0) || endTime / (unitsPerSecond * s) >= SHORTEST_PLAY_SECONDS);
}

export function playbackSlice(_deps: StoreDeps): StateCreator<AppState, [], [], PlaybackSlice> {
  return (set, get) => {
    const head = playhead(set, get);
    const stop = (direction: 1 | -1) => (direction > 0 ? nextStop : prevStop)(head.marks(), get().t, head.endTime(), head.isStepped());
    return {
      t: 0,
      playing: false,
      speed: 1,
      setTime(t) {
        head.moveTo(t, get().playing, false);
      },
      play() {
        const end = head.endTime();
        if (end <= 0) return;
        // Playing from the end starts over, as media players do.
        head.moveTo(get().t >= end ? 0 : get().t, true, false);
      },
      pause() {
        set({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        if (Number.isFinite(speed) && speed > 0) set({ speed });
      },
      stepNext() {
        head.moveTo(stop(1), false, false);
      },
      stepPrev() {
        head.moveTo(stop(-1), false, false);
      },
      advanceStep() {
        if (get().playing && head.endTime() > 0) head.moveTo(stop(1), true, true);
      },
      advance(wallMs) {
        head.advance(wallMs);
      },
    };
  };
}

/**
 * The playhead's bookkeeping. Labs counted in whole steps (timeUnit 'step') put the playhead on integers
 * only, so an event inserted at the playhead lands on a step; playing accumulates the fraction in `cursor`
 * between frames, and `written` is the t last written, to notice when something else moved it.
 */
function playhead(set: (partial: Partial<AppState>) => void, get: () => AppState) {
  const endTime = () => get().result?.endTime ?? 0;
  const isStepped = () => {
    const { labId } = get();
    return labId !== undefined && get().findLab(labId)?.timeUnit === 'step';
  };
  const clamp = (t: number) => {
    const bounded = Math.min(Math.max(0, Number.isFinite(t) ? t : 0), endTime());
    return isStepped() ? Math.round(bounded) : bounded;
  };
  let cursor = 0;
  let written = 0;
  return {
    endTime,
    isStepped,
    marks: () => get().result?.marks ?? [],
    /** Puts the playhead on t, playing or not; `stopAtEnd` pauses it there. */
    moveTo(t: number, playing: boolean, stopAtEnd: boolean) {
      cursor = written = clamp(t);
      set({ t: cursor, playing: playing && !(stopAtEnd && cursor >= endTime()) });
    },
    advance(wallMs: number) {
      const { playing, speed, t } = get();
      const end = endTime();
      if (!playing || end <= 0) return;
      // Something else moved the playhead since the last frame (a new result, a lab opened): start there.
      if (t !== written) cursor = t;
      cursor += (wallMs / 1000) * speed * unitsPerSecondAt1x(end, get().result?.stage?.medianLatency ?? 0, isStepped());
      if (cursor >= end) {
        written = end;
        set({ t: end, playing: false });
      } else {
        written = isStepped() ? Math.floor(cursor) : cursor;
        set({ t: written });
      }
    },
  };
}
