/**
 * A run as files a reader can keep or analyse elsewhere: the trace (every event the stage records, as data
 * and as the narration's sentence) and the client history in the JSON that `npm run check` and the "check a
 * history" page read back. Pure: result in, text out (RunDownloads.tsx saves them).
 */
import { unpackOperations } from '../labs/clientHistory';
import type { BaseScenario, ClientHistory, ClientHistoryOp, LabResult, LabSpec } from '../labs/contract';
import { eventWords, Kind } from '../viz/narration/sentences';

const KIND_NAMES = Object.fromEntries(Object.entries(Kind).map(([name, code]) => [code, name])) as Record<number, string>;

/** The run's trace as JSON: the link's scenario and hash, then one object per recorded event, in order. */
export function traceJson(spec: LabSpec, scenario: BaseScenario, result: LabResult, link: string): string | undefined {
  const stage = result.stage;
  if (!stage) return undefined;
  const nodes = [...stage.nodeNames, ...stage.clients.names];
  const name = (i: number) => (i >= 0 && i < nodes.length ? nodes[i] : undefined);
  const events = [];
  for (let row = 0; row < stage.events.count; row++) {
    const kind = stage.events.kind[row];
    events.push({
      t: stage.events.time[row],
      kind: KIND_NAMES[kind] ?? `kind ${kind}`,
      ...(name(stage.events.from[row]) !== undefined ? { node: name(stage.events.from[row]) } : {}),
      ...(kind <= Kind.discard && name(stage.events.to[row]) !== undefined ? { to: name(stage.events.to[row]) } : {}),
      text: eventWords(stage, row),
    });
  }
  return `${JSON.stringify({ lab: spec.id, link, traceHash: result.traceHash, timeUnit: stage.timeUnit, scenario, events }, null, 1)}\n`;
}

/**
 * The client history as `npm run check` reads JSON: `{ "model", "operations": [{ process, input, output,
 * call, ret }] }`, failed operations left out (they certainly had no effect), an unknown outcome as ret null.
 */
export function historyJson(history: ClientHistory): string {
  const operations = unpackOperations(history.operations)
    .filter((op) => op.status !== 'fail')
    .map((op: ClientHistoryOp) => ({ process: op.process, input: op.input, output: op.output ?? null, call: op.call, ret: Number.isFinite(op.ret) && op.status !== 'timeout' && op.status !== 'pending' ? op.ret : null }));
  return `${JSON.stringify({ model: history.model, operations }, null, 1)}\n`;
}

/** The file a history saves as: `<lab>-history.json`, or `<lab>-history-<name>.json` when it is named. */
export function historyFileName(labId: string, history: ClientHistory): string {
  const name = history.name?.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${labId}-history${name ? `-${name}` : ''}.json`;
}
