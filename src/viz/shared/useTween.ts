import { useEffect, useRef, useState } from 'react';
import { tweenProgress } from './tween';

/**
 * Progress in [0, 1] of a tween that restarts whenever `trigger` changes (by identity), driven by
 * animation frames. Reduced motion gives 1 at once (the final state, no frames scheduled).
 * `now` is injectable (tests, or a playback clock).
 */
export function useTween(
  trigger: unknown,
  durationMs: number,
  isReducedMotion: boolean,
  now: () => number = () => performance.now(),
): number {
  const [progress, setProgress] = useState(isReducedMotion ? 1 : 0);
  const nowRef = useRef(now);
  nowRef.current = now;
  useEffect(() => {
    if (isReducedMotion || !(durationMs > 0)) {
      setProgress(1);
      return;
    }
    const start = nowRef.current();
    let frame = 0;
    const tick = () => {
      const p = tweenProgress(start, nowRef.current(), durationMs, false);
      setProgress(p);
      if (p < 1) frame = requestAnimationFrame(tick);
    };
    setProgress(0);
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [trigger, durationMs, isReducedMotion]);
  return progress;
}
