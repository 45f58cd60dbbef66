/**
 * The status line: an aria-live polite region narrating edits, runs and failures (one sentence at a time),
 * beside a visual progress indicator that is not announced (progress ticks would flood a screen reader).
 */
import { useDeferredValue, useEffect, useRef } from 'react';
import { useAppStore } from './useAppStore';

export function StatusLine() {
  const announcement = useAppStore((s) => s.announcement);
  const storeRunState = useAppStore((s) => s.runState);
  // Panels read the result deferred (hooks.ts useResult): until the deferred render has drawn the new
  // result, the run is not over for the reader, so the indicator stays and "updated" is not yet announced.
  const result = useAppStore((s) => s.result);
  const drawnResult = useDeferredValue(result);
  const runState = storeRunState === 'idle' && drawnResult !== result ? 'running' : storeRunState;
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
