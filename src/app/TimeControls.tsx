/**
 * The one set of time controls every simulated lab shares: play/pause, step to the previous/next stop (a
 * mark, or one of 100 even moments where marks are sparse: store/stepStops.ts), speed, and a scrub slider
 * over simulated time. All native controls, so all keyboard operable; with reduced motion, playing steps
 * from stop to stop instead of sweeping continuously.
 */
import { useEffect, useId } from 'react';
import { useReducedMotion } from './hooks';
import { offeredSpeeds, unitsPerSecondAt1x } from './store';
import { useAppStore, useAppStoreApi } from './useAppStore';
import { formatNumber } from '../viz/shared/format';

/** With reduced motion, one step per this many ms at speed 1. */
const STEP_INTERVAL_MS = 1200;

export function TimeControls() {
  const store = useAppStoreApi();
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const endTime = useAppStore((s) => s.result?.endTime ?? 0);
  const markCount = useAppStore((s) => s.result?.marks.length ?? 0);
  const medianLatency = useAppStore((s) => s.result?.stage?.medianLatency ?? 0);
  const isStepped = useAppStore((s) => (s.labId !== undefined && s.findLab(s.labId)?.timeUnit === 'step'));
  // Actions are stable functions: read once, no subscription.
  const actions = store.getState();
  const reduced = useReducedMotion();
  const speedId = useId();

  usePlayLoop(playing, reduced, speed);

  const disabled = endTime <= 0;
  return (
    <div className="time-controls" role="group" aria-label="Time controls">
      <button type="button" onClick={actions.stepPrev} disabled={disabled} aria-label="Step back" title="Step back (previous event)">
        <Icon name="prev" />
      </button>
      <button
        type="button"
        className="play-button"
        onClick={actions.togglePlay}
        disabled={disabled}
        aria-pressed={playing}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        <Icon name={playing ? 'pause' : 'play'} />
        <span className="play-label">{playing ? 'Pause' : 'Play'}</span>
      </button>
      <button type="button" onClick={actions.stepNext} disabled={disabled} aria-label="Step forward" title="Step forward (next event)">
        <Icon name="next" />
      </button>
      <Scrubber endTime={endTime} />
      <label htmlFor={speedId} className="speed-label">
        Speed
      </label>
      <select id={speedId} value={speed} onChange={(e) => actions.setSpeed(Number(e.currentTarget.value))}>
        {offeredSpeeds(endTime, unitsPerSecondAt1x(endTime, medianLatency, isStepped), speed).map((s) => (
          <option key={s} value={s}>
            {formatNumber(s)}×
          </option>
        ))}
      </select>
      <span className="visually-hidden">{markCount} marks</span>
    </div>
  );
}

/** The slider over simulated time and its readout; moving it pauses. */
function Scrubber({ endTime }: { endTime: number }) {
  const store = useAppStoreApi();
  const t = useAppStore((s) => s.t);
  const unit = useAppStore((s) => (s.labId && s.findLab(s.labId)?.timeUnit) || '');
  const isStepped = unit === 'step';
  const scrubId = useId();
  // 'any' keeps a playhead set elsewhere (a lesson step's t, a chart click) exact: a numeric step would snap
  // the slider's value to its grid. Arrow keys then move by 1% of the run (Chromium, Firefox).
  const step = isStepped || endTime <= 0 ? 1 : 'any';
  return (
    <>
      <label htmlFor={scrubId} className="visually-hidden">
        Simulated time
      </label>
      <input
        id={scrubId}
        className="scrub"
        type="range"
        min={0}
        max={endTime || 1}
        step={step}
        value={t}
        disabled={endTime <= 0}
        aria-valuetext={`${formatTime(t)} ${unit} of ${formatTime(endTime)} ${unit}`}
        onChange={(e) => {
          store.getState().pause();
          store.getState().setTime(Number(e.currentTarget.value));
        }}
      />
      <output className="time-readout" htmlFor={scrubId}>
        {isStepped ? `Step ${formatTime(t)} of ${formatTime(endTime)}` : `${formatTime(t)} / ${formatTime(endTime)} ${unit}`}
      </output>
    </>
  );
}

/** Drives the playhead while playing: per animation frame, or per step interval with reduced motion. */
function usePlayLoop(playing: boolean, reduced: boolean, speed: number): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!playing) return;
    if (reduced) {
      const timer = setInterval(() => store.getState().advanceStep(), STEP_INTERVAL_MS / speed);
      return () => clearInterval(timer);
    }
    let frame = 0;
    let last: number | undefined;
    const tick = (now: number) => {
      // Cap one frame's advance so a background tab coming back does not jump to the end.
      if (last !== undefined) store.getState().advance(Math.min(100, now - last));
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, reduced, speed, store]);
}

/** Icons as inline SVG paths (no icon font: glyphs like ⏮ are missing from many system fonts). */
const ICON_PATHS = {
  prev: 'M3 2h2v12H3zM14 2v12L6 8z',
  next: 'M11 2h2v12h-2zM2 2v12l8-6z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
} as const;

function Icon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg className="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} fill="currentColor" />
    </svg>
  );
}

export function formatTime(t: number): string {
  if (!Number.isFinite(t)) return '–';
  if (Number.isInteger(t)) return String(t);
  const abs = Math.abs(t);
  if (abs === 0 || abs >= 100) return t.toFixed(0);
  if (abs >= 10) return t.toFixed(1);
  return t.toFixed(2);
}
