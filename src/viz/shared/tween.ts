/**
 * Tween timing as a pure function of an injected clock, so the same code runs in tests (fake time),
 * in the browser (performance.now) and under reduced motion (no tween: the final state at once).
 */
export function tweenProgress(startMs: number, nowMs: number, durationMs: number, isReducedMotion: boolean): number {
  if (isReducedMotion || !(durationMs > 0)) return 1;
  const t = (nowMs - startMs) / durationMs;
  if (!(t > 0)) return 0;
  if (t >= 1) return 1;
  return easeInOutCubic(t);
}

export function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

/** Linear interpolation between two angles going the short way round (radians). */
export function lerpAngle(from: number, to: number, t: number): number {
  const tau = 2 * Math.PI;
  let delta = (to - from) % tau;
  if (delta > Math.PI) delta -= tau;
  if (delta < -Math.PI) delta += tau;
  return from + delta * t;
}
