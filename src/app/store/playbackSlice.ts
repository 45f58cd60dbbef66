/**
 * The playback slice: the playhead over a finished result. Play / pause / step / speed / scrub behave the
 * same in every simulated lab; the playhead is simulated time, never the wall clock.
 */
import type { StateCreator } from 'zustand/vanilla';
import { nextMark, prevMark } from './events';
import type { AppState, PlaybackSlice } from './types';

/** At speed 1, playing from 0 to the end of a result takes this many wall-clock seconds. */
export const PLAY_SECONDS_AT_1X = 12;
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export function playbackSlice(): StateCreator<AppState, [], [], PlaybackSlice> {
  return (set, get) => {
    const endTime = () => get().result?.endTime ?? 0;
    const clamp = (t: number) => Math.min(Math.max(0, Number.isFinite(t) ? t : 0), endTime());
    return {
      t: 0,
      playing: false,
      speed: 1,
      setTime(t) {
        set({ t: clamp(t) });
      },
      play() {
        const end = endTime();
        if (end <= 0) return;
        // Playing from the end starts over, as media players do.
        set({ playing: true, t: get().t >= end ? 0 : get().t });
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
        const marks = get().result?.marks;
        const target = marks ? nextMark(marks, get().t) : undefined;
        set({ playing: false, t: clamp(target ?? endTime()) });
      },
      stepPrev() {
        const marks = get().result?.marks;
        const target = marks ? prevMark(marks, get().t) : undefined;
        set({ playing: false, t: clamp(target ?? 0) });
      },
      advance(wallMs) {
        const { playing, speed, t } = get();
        const end = endTime();
        if (!playing || end <= 0) return;
        const next = t + (wallMs / 1000) * speed * (end / PLAY_SECONDS_AT_1X);
        if (next >= end) set({ t: end, playing: false });
        else set({ t: next });
      },
    };
  };
}
