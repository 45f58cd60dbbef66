/**
 * What the stage shows of the gossip run (src/viz/stage), recorded outside the trace (the run's hash is
 * the same with or without it): each message's kind and label, every view's card fields read by the
 * engine's probe after every event, an anomaly badge on a replica for a while after each anomaly, and per
 * view the narration's own sentences (its anomalies, and the moment the replicas agree for good).
 *
 *   state {a, c}    a replica's whole state (the CRDT's value shown)
 *   +2              counters: 2 increments of the sender, for the counter that adds them (not idempotent)
 *   ack 5           the receiver added the sender's increments up to its 5th
 */
import type { StageData } from '../../../core/stage/types';
import type { StageLog, StageLogColumns, StageOptions } from '../../../sim/index';
import { buildStage } from '../../../sim/stage/buildStage';
import { TICKS_PER_MS } from '../../../sim/kit/time';
import type { TraceColumns } from '../../../sim/trace';
import { TraceKind } from '../../../sim/traceKind';
import type { Member } from './family';
import { diskOf, type Msg } from './replica';

export const MESSAGE_KINDS = ['state', 'inc', 'ack'] as const;

/** Card field names of every view, `<key>.<field>`, in probe order. */
export function probeFields(members: readonly Member[], hasDelta: boolean): string[] {
  const names = members.flatMap((m) => m.fields.map((f) => `${m.key}.${f}`));
  return hasDelta ? [...names, 'delta.value', 'delta.own'] : names;
}

/**
 * The stage options of a run, and each view's message labels: a state message shows the value of the
 * view drawn ("state {a, c}" for the OR-Set, "state {a, b, c}" for the naive set in the same message), so
 * the label function records every member's label as the log asks for the one it keeps (once per message,
 * in message id order); `viewLabels[v][id]` is message id's label in view v (the delta view: the first's).
 */
export function stageOptions(members: readonly Member[], hasDelta: boolean, replicas: number): { options: StageOptions<Msg>; viewLabels: string[][] } {
  const reads: ((disk: ReturnType<typeof diskOf>) => string | number)[] = [];
  members.forEach((m, i) => m.fields.forEach((_, f) => reads.push((d) => m.read(d.states[i], f, replicas))));
  if (hasDelta) reads.push((d) => d.delta!.total, (d) => d.delta!.own);
  const viewLabels: string[][] = members.map(() => []);
  const label = (m: Msg): string => {
    if (m.k === 'state') {
      members.forEach((member, v) => viewLabels[v].push(`state ${member.read(m.states[v], 0, replicas)}`));
      return viewLabels[0][viewLabels[0].length - 1];
    }
    const text = m.k === 'ack' ? `ack ${m.upTo}` : `+${m.upTo - m.first}`;
    for (const list of viewLabels) list.push(text);
    return text;
  };
  return {
    options: {
      describe: { kind: (m) => m.k, label, kinds: MESSAGE_KINDS },
      probe: { fields: probeFields(members, hasDelta), read: (node, f) => reads[f](diskOf(node)) },
    },
    viewLabels,
  };
}

/** The log's columns with view `labels` (one per message id) as the message labels. */
export function withLabels(log: StageLogColumns, labels: readonly string[]): StageLogColumns {
  const list: string[] = [];
  const ids = new Map<string, number>();
  const messageLabel = new Int32Array(log.messageCount);
  for (let id = 0; id < log.messageCount; id++) {
    const text = labels[id];
    let k = ids.get(text);
    if (k === undefined) ids.set(text, (k = list.push(text) - 1));
    messageLabel[id] = k;
  }
  return { ...log, labels: list, messageLabel };
}

export interface Remark {
  tick: number;
  node: number;
  text: string;
}

/** The anomaly badge of view `key`: 'yes' from each anomaly at a replica until `flagTicks` after the last of a burst. */
export function recordBadges(log: StageLog<Msg>, key: string, replicas: number, anomalies: readonly { tick: number; replica: number }[], flagTicks: number): void {
  const field = `${key}.anomaly`;
  for (let r = 0; r < replicas; r++) {
    log.field(0, r, field, '');
    const ticks = anomalies.filter((a) => a.replica === r).map((a) => a.tick);
    ticks.forEach((tick, k) => {
      if (k === 0 || tick > ticks[k - 1] + flagTicks) log.field(tick, r, field, 'yes');
      if (k === ticks.length - 1 || ticks[k + 1] > tick + flagTicks) log.field(tick + flagTicks, r, field, '');
    });
  }
}

export function viewStage(trace: TraceColumns, log: StageLogColumns, horizonMs: number, replicas: number, remarks: readonly Remark[]): StageData {
  const sorted = remarks.map((r, i) => ({ r, i })).sort((a, b) => a.r.tick - b.r.tick || a.i - b.i).map((x) => x.r);
  const stage = buildStage({
    trace,
    log,
    ticksPerUnit: TICKS_PER_MS,
    timeUnit: 'ms',
    horizon: horizonMs,
    nodeNames: Array.from({ length: replicas }, (_, i) => `n${i}`),
    remarks: { tick: sorted.map((r) => r.tick), node: sorted.map((r) => r.node), text: sorted.map((r) => r.text) },
  });
  // A gossip timer firing says nothing the send beside it does not: not narrated.
  return { ...stage, narrated: stage.narrated.filter((row) => stage.events.kind[row] !== TraceKind.timer) };
}
