/**
 * The facts of the shown run, under the lab: its trace hash (the same link gives the same hash in every
 * browser and in `npm run scenario`, so a teacher can check a replay), the simulated time it reached, and
 * a visible note when it stopped at a limit instead of its horizon; and the run to download: its trace and,
 * where the lab records one, its client history in the JSON `npm run check` reads (./runDownloads.ts).
 */
import type { LabSpec } from '../labs/contract';
import { download } from '../viz/shared/download';
import { formatNumber } from '../viz/shared/format';
import { historyJson, traceJson } from './runDownloads';
import { fullLink } from './shareLinks';
import { useAppStore, useAppStoreApi } from './useAppStore';

export function RunFacts({ spec }: { spec: LabSpec }) {
  const store = useAppStoreApi();
  const hasStage = useAppStore((s) => s.result?.stage !== undefined);
  const hasHistory = useAppStore((s) => s.result?.clientHistory !== undefined);
  const traceHash = useAppStore((s) => s.result?.traceHash);
  const endTime = useAppStore((s) => s.result?.endTime);
  const stoppedAtLimit = useAppStore((s) => s.result?.stoppedAtLimit);
  if (traceHash === undefined) return null;
  const save = (what: 'trace' | 'history') => {
    const { result, resultScenario } = store.getState();
    if (!result || !resultScenario) return;
    const text = what === 'trace' ? traceJson(spec, resultScenario, result, fullLink(spec, resultScenario)) : result.clientHistory && historyJson(result.clientHistory);
    if (text) download(URL.createObjectURL(new Blob([text], { type: 'application/json' })), `${spec.id}-${what}.json`);
  };
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
      {(hasStage || hasHistory) && ' · Download '}
      {hasStage && (
        <button type="button" className="link-button" onClick={() => save('trace')}>the trace (JSON)</button>
      )}
      {hasStage && hasHistory && ', '}
      {hasHistory && (
        <button type="button" className="link-button" onClick={() => save('history')}>the client history (JSON, for npm run check)</button>
      )}
    </p>
  );
}
