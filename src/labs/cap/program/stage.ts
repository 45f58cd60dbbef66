/**
 * What the CAP stage shows of a CP or AP run (src/viz/stage): each message's kind and label, each node's
 * copy of the register (value@counter) read by the engine's card probe outside the trace, and the last
 * answer each coordinator gave (added after the run from the client rows of the trace). The run's hash is
 * the same with or without any of it.
 *
 *   get            a coordinator asks a replica for its copy       got 12@3   the replica's copy
 *   put 12@4       store (a write's second round, ABD write-back,  ack 12@4   the replica stored it
 *                  read repair)
 *
 * A version packs (counter, writer) and the writer is the value written, so one version names both:
 * 12@4 is value 12 at counter 4 ("nil" before any write).
 */
import type { StageData } from '../../../core/stage/types';
import { requestRemarks } from '../../../sim/kit/clientRequest';
import { OpKind, RequestStatus } from '../../../sim/kit/codes';
import type { Msg } from '../../../sim/kit/leaderless/messages';
import { storedState } from '../../../sim/kit/leaderless/node';
import type { StoreOutcome } from '../../../sim/kit/leaderless/store';
import { TICKS_PER_MS } from '../../../sim/kit/time';
import { buildStage } from '../../../sim/stage/buildStage';
import type { StageLogColumns, StageOptions } from '../../../sim/stageLog';
import type { TraceColumns } from '../../../sim/trace';
import { TraceKind } from '../../../sim/traceKind';
import { versionText, type CapMode, type CapStage, type StageRequests } from '../result';

/** Kinds in a fixed order, so each keeps its colour in every run. */
export const MESSAGE_KINDS = ['get', 'got', 'put', 'ack'] as const;

function labelOf(m: Msg): string {
  switch (m.k) {
    case 'get': return 'get';
    case 'got': return `got ${versionText(m.version)}`;
    case 'ack': return `ack ${versionText(m.version)}`;
    default: return `${m.op < 0 ? 'handoff' : m.hintFor >= 0 ? 'hint' : 'put'} ${versionText(m.version)}`;
  }
}

export const stageOptions: StageOptions<Msg> = {
  describe: { kind: (m) => m.k, label: labelOf, kinds: MESSAGE_KINDS },
  probe: { fields: ['copy'], read: (node) => versionText(storedState(node.storage).version) },
};

/** Each request's client, coordinator, kind, outcome and version, from the run's request columns. */
export function stageRequests(outcome: StoreOutcome, clients: number): StageRequests {
  const q = outcome.requests;
  return {
    client: Uint8Array.from(q.process, (p) => p % clients),
    coordinator: q.coordinator.slice(),
    kind: q.kind.slice(),
    status: q.status.slice(),
    version: q.version.slice(),
    callMs: q.callMs.slice(),
  };
}

/**
 * A coordinator's card line for a finished request: "✓ read 12@3", "✓ wrote 15@4", "✗ read refused",
 * "? write: timeout" (short: a card is 16 characters wide; the narration names the client).
 */
export function answerText(requests: StageRequests, op: number): string {
  const isWrite = requests.kind[op] === OpKind.write;
  switch (requests.status[op]) {
    case RequestStatus.ok: return `✓ ${isWrite ? 'wrote' : 'read'} ${versionText(requests.version[op])}`;
    case RequestStatus.timeout: return '? write: timeout';
    default: return `✗ ${isWrite ? 'write' : 'read'} refused`;
  }
}

/** The stage of one CAP run: nodes n0.., clients c0.. beside node c mod nodes, times in ms; the script's requests narrated. */
export function capStage(mode: CapMode, outcome: StoreOutcome, clients: number): CapStage {
  const { sim } = outcome.run;
  const nodes = sim.nodeCount;
  const trace = sim.trace.columns();
  const requests = stageRequests(outcome, clients);
  const stage = buildStage({
    trace,
    log: withAnswers(sim.stageLog!.columns(), trace, requests),
    ticksPerUnit: TICKS_PER_MS,
    timeUnit: 'ms',
    horizon: sim.now / TICKS_PER_MS,
    nodeNames: Array.from({ length: nodes }, (_, i) => `n${i}`),
    clients: { names: Array.from({ length: clients }, (_, c) => `c${c}`), home: Array.from({ length: clients }, (_, c) => c % nodes) },
    remarks: requestRemarks(outcome.run.requests, (op) => outcome.run.history[op].input, (c) => c % nodes),
  });
  return { mode, stage: withoutTimers(stage), requests };
}

/**
 * The log with a card field 'last' per coordinator: from each client answer on (ok, refused, timed out,
 * as the trace's client rows time them), the answer its coordinator gave.
 */
function withAnswers(log: StageLogColumns, trace: TraceColumns, requests: StageRequests): StageLogColumns {
  const rows: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kind[i];
    if (kind === TraceKind.ok || kind === TraceKind.fail || kind === TraceKind.timeout) rows.push(i);
  }
  const fields = [...log.fields, 'last'];
  const texts = [...log.texts];
  const textIds = new Map(texts.map((t, i) => [t, i]));
  const count = log.fieldCount + rows.length;
  const grow = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A): A => {
    const out = make(count);
    out.set(a);
    return out;
  };
  const out: StageLogColumns = {
    ...log, fieldCount: count, fields, texts,
    fieldTime: grow(log.fieldTime, (n) => new Float64Array(n)),
    fieldNode: grow(log.fieldNode, (n) => new Int32Array(n)),
    fieldName: grow(log.fieldName, (n) => new Int32Array(n)),
    fieldValue: grow(log.fieldValue, (n) => new Float64Array(n)),
    fieldText: grow(log.fieldText, (n) => new Int32Array(n)),
  };
  rows.forEach((row, k) => {
    const op = trace.payload[row];
    const text = answerText(requests, op);
    if (!textIds.has(text)) textIds.set(text, texts.push(text) - 1);
    const i = log.fieldCount + k;
    out.fieldTime[i] = trace.time[row];
    out.fieldNode[i] = requests.coordinator[op];
    out.fieldName[i] = fields.length - 1;
    out.fieldValue[i] = NaN;
    out.fieldText[i] = textIds.get(text)!;
  });
  return out;
}

/**
 * Timers say nothing the client rows beside them do not (a deadline passing is the refusal), and a
 * request's script row nothing its remarks do not: not narrated.
 */
function withoutTimers(stage: StageData): StageData {
  const narrated = stage.narrated.filter((row) => stage.events.kind[row] !== TraceKind.timer && stage.events.kind[row] !== TraceKind.script);
  return { ...stage, narrated };
}
