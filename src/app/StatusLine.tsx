/**
 * The status line: an aria-live polite region narrating edits, runs and failures (one sentence at a time),
 * beside a visual progress indicator that is not announced (progress ticks would flood a screen reader).
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from './useAppStore';
import { useShownRunState } from './useLabResult';

export function StatusLine() {
  const announcement = useAppStore((s) => s.announcement);
  // Until the deferred render has drawn the new result, the indicator stays and "updated" is not yet said.
  const runState = useShownRunState();
  const progress = useAppStore((s) => s.progress);
  const announce = useAppStore((s) => s.announce);
  const wasRunning = useRef(false);

  useEffect(() => {
    if (runState === 'running') wasRunning.current = true;
    else if (runState === 'idle' && wasRunning.current) {
      wasRunning.current = false;
      announce('Simulation updated.');
    }
  }, [runState, announce]);

  return (
    <div className="status-line">
      <p role="status" aria-live="polite" className="status-text">
        {announcement}
      </p>
      {runState === 'running' && (
        <span className="status-running">
          Running…
          <progress max={1} value={progress} aria-label="Simulation progress" />
        </span>
      )}
    </div>
  );
}
