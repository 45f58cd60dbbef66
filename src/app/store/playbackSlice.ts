/**
 * The playback slice: the playhead over a finished result. Play / pause / step / speed / scrub behave the
 * same in every simulated lab; the playhead is simulated time, never the wall clock.
 */
import type { StateCreator } from 'zustand/vanilla';
import { nextStop, prevStop } from './stepStops';
import type { AppState, PlaybackSlice, StoreDeps } from './types';

/** At speed 1, playing from 0 to the end of a result takes this many wall-clock seconds. */
export const PLAY_SECONDS_AT_1X = 12;
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export function playbackSlice(_deps: StoreDeps): StateCreator<AppState, [], [], PlaybackSlice> {
  return (set, get) => {
    const endTime = () => get().result?.endTime ?? 0;
    // Labs counted in whole steps (timeUnit 'step') put the playhead on integers only, so an event inserted
    // at the playhead lands on a step; playing accumulates the fraction in `cursor` between frames.
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
      t: 0,
      playing: false,
      speed: 1,
      setTime(t) {
        cursor = written = clamp(t);
        set({ t: cursor });
      },
      play() {
        const end = endTime();
        if (end <= 0) return;
        // Playing from the end starts over, as media players do.
        cursor = written = get().t >= end ? 0 : get().t;
        set({ playing: true, t: cursor });
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
        cursor = written = clamp(nextStop(get().result?.marks ?? [], get().t, endTime(), isStepped()));
        set({ playing: false, t: cursor });
      },
      stepPrev() {
        cursor = written = clamp(prevStop(get().result?.marks ?? [], get().t, endTime(), isStepped()));
        set({ playing: false, t: cursor });
      },
      advanceStep() {
        const end = endTime();
        if (!get().playing || end <= 0) return;
        cursor = written = clamp(nextStop(get().result?.marks ?? [], get().t, end, isStepped()));
        set({ t: cursor, playing: cursor < end });
      },
      advance(wallMs) {
        const { playing, speed, t } = get();
        const end = endTime();
        if (!playing || end <= 0) return;
        // Something else moved the playhead since the last frame (a new result, a lab opened): start there.
        if (t !== written) cursor = t;
        // At 1x the whole result plays in PLAY_SECONDS_AT_1X; a short stepped result plays one step per second.
        const unitsPerSecond = isStepped() ? Math.max(1, end / PLAY_SECONDS_AT_1X) : end / PLAY_SECONDS_AT_1X;
        cursor += (wallMs / 1000) * speed * unitsPerSecond;
        if (cursor >= end) {
          written = end;
          set({ t: end, playing: false });
        } else {
          written = isStepped() ? Math.floor(cursor) : cursor;
          set({ t: written });
        }
      },
    };
  };
}
