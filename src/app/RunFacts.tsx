/**
 * The facts of the shown run, under the lab: its trace hash (the same link gives the same hash in every
 * browser and in `npm run scenario`, so a teacher can check a replay), the simulated time it reached, and
 * a visible note when it stopped at a limit instead of its horizon.
 */
import { formatNumber } from '../viz/shared/format';
import { useAppStore } from './useAppStore';

export function RunFacts() {
  const traceHash = useAppStore((s) => s.result?.traceHash);
  const endTime = useAppStore((s) => s.result?.endTime);
  const stoppedAtLimit = useAppStore((s) => s.result?.stoppedAtLimit);
  if (traceHash === undefined) return null;
  return (
    <p className="run-facts">
      <span>
        {'Trace hash '}
        <code data-testid="trace-hash" title="The same scenario link gives this hash in every browser and in npm run scenario">
          {traceHash}
        </code>
      </span>
      {endTime !== undefined && endTime > 0 && <span>{` · simulated to ${formatNumber(endTime)}`}</span>}
      {stoppedAtLimit && <strong className="run-limit">{` · stopped at a limit: ${stoppedAtLimit}`}</strong>}
    </p>
  );
}
