/**
 * The facts of the shown run, under the lab: its trace hash (the same link gives the same hash in every
 * browser and in `npm run scenario`, so a teacher can check a replay), the simulated time it reached, and
 * a visible note when it stopped at a limit instead of its horizon; and the run to download: its trace and,
 * where the lab records one, its client history in the JSON `npm run check` reads (./runDownloads.ts).
 */
import type { LabSpec } from '../labs/contract';
import { download } from '../viz/shared/download';
import { formatNumber } from '../viz/shared/format';
import { historyFileName, historyJson, traceJson } from './runDownloads';
import { fullLink } from './shareLinks';
import { useAppStore, useAppStoreApi } from './useAppStore';

export function RunFacts({ spec }: { spec: LabSpec }) {
  const store = useAppStoreApi();
  const hasStage = useAppStore((s) => s.result?.stage !== undefined);
  const histories = useAppStore((s) => s.result?.clientHistories);
  const traceHash = useAppStore((s) => s.result?.traceHash);
  const endTime = useAppStore((s) => s.result?.endTime);
  const stoppedAtLimit = useAppStore((s) => s.result?.stoppedAtLimit);
  if (traceHash === undefined) return null;
  const saveJson = (text: string | undefined, file: string) => {
    if (text) download(URL.createObjectURL(new Blob([text], { type: 'application/json' })), file);
  };
  const saveTrace = () => {
    const { result, resultScenario } = store.getState();
    if (result && resultScenario) saveJson(traceJson(spec, resultScenario, result, fullLink(spec, resultScenario)), `${spec.id}-trace.json`);
  };
  const downloads = [
    ...(hasStage ? [<button key="trace" type="button" className="link-button" onClick={saveTrace}>the trace (JSON)</button>] : []),
    ...(histories ?? []).map((history, i) => (
      <button key={`history-${i}`} type="button" className="link-button" onClick={() => saveJson(historyJson(history), historyFileName(spec.id, history))}>
        {history.name ? `the ${history.name} client history` : 'the client history'}{i === 0 ? ' (JSON, for npm run check)' : ''}
      </button>
    )),
  ];
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
      {downloads.length > 0 && ' · Download '}
      {downloads.flatMap((button, i) => (i === 0 ? [button] : [i === downloads.length - 1 ? ' and ' : ', ', button]))}
    </p>
  );
}
