/**
 * The Panel shell's other half, written once for every lab: what the scene shows about the run. No
 * result yet: a placeholder saying the run is going (with its progress) or why it failed. A result shown
 * while a newer run goes or after one failed: a badge saying the picture is the previous result. Not a
 * live region: the status line announces runs, and progress ticks would flood a screen reader.
 */
import { useAppStore } from './useAppStore';
import { useLabResult, useShownRunState } from './useLabResult';

export function RunChrome() {
  const state = useShownRunState();
  const progress = useAppStore((s) => s.progress);
  const message = useAppStore((s) => s.runError?.message) ?? 'unknown error';
  const hasRun = useLabResult() !== undefined;
  const percent = `${Math.round(progress * 100)}%`;
  if (!hasRun) {
    return (
      <p className="run-chrome run-waiting" data-run={state}>
        {state === 'error' ? `The run failed: ${message}` : `Running the simulation… ${percent}`}
      </p>
    );
  }
  if (state === 'idle') return null;
  return (
    <p className="run-chrome run-stale" data-run={state}>
      {state === 'error' ? `The last run failed (${message}): showing the previous result` : `Re-running… ${percent} (showing the previous result)`}
    </p>
  );
}
