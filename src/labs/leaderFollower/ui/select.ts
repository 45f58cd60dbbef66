/**
 * Pure selectors from a leader-follower result to what the Panel shows: the verdict and the setting in
 * prose, the three modes side by side, the lag matrices, each promotion and step-down in a sentence, the
 * lost acknowledged writes, and one line per client operation for the history timeline.
 */
import { resultProse } from '../../../core/checkers';
import type { CompareRow } from '../../../viz/compareTable';
import type { HistoryColumns } from '../../../viz/historyTimeline';
import type { NodeMatrix, TimeMarker } from '../../../viz/timeSeries';
import { END_CAUSE_NAMES, LEAD_CAUSE_NAMES, OpKind, REPLICATION_MODES, RequestStatus, type LeaderFollowerResult, type LostWrite, type Promotion, type StepDown } from '../result';

export const KIND_NAMES = ['read', 'write'] as const;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const valueText = (value: number) => (value === 0 ? 'nil' : String(value));

export function verdictText(result: LeaderFollowerResult): string {
  return resultProse(result.check);
}

const MODE_TEXT = {
  sync: 'sync replication (a write is acknowledged once every follower applied it)',
  'semi-sync': 'semi-sync replication (a write is acknowledged once one follower applied it)',
  async: 'async replication (a write is acknowledged once the leader wrote it)',
} as const;

const READ_TEXT = { leader: 'reads from the leader', followers: 'reads from a random follower', any: 'reads from a random node' } as const;

/** The setting in one sentence. */
export function settingText(result: LeaderFollowerResult): string {
  return `${result.nodeCount} nodes, ${MODE_TEXT[result.mode]}, ${READ_TEXT[result.readFrom]}, fencing ${result.fencing ? 'on' : 'off'}.`;
}

/** What fencing does (or what its absence allows), in two sentences. */
export function fencingText(isFencing: boolean): string {
  return isFencing
    ? 'Fencing on: every message carries the leader\'s epoch, nodes refuse an older one, and a leader that hears of a newer epoch steps down. ' +
        'A leader serves only within its lease (leaseMs after a heartbeat a majority acknowledged), and followers vote only after detectMs of silence, with leaseMs < detectMs: the old lease ends before a successor can exist.'
    : 'Fencing off: a leader never doubts itself. Cut off, or back from a crash, it keeps taking writes from the clients that reach it while the others elect a new leader: split brain.';
}

/**
 * A warning when fencing's lease cannot be renewed in time: a heartbeat's answers come back a round trip
 * after it left, so a lease shorter than a heartbeat plus a round trip lapses between renewals and the
 * leader refuses writes (safe, but unavailable). Empty when the timers fit.
 */
export function leaseWarning(s: { fencing: boolean; leaseMs: number; heartbeatMs: number; latencyMsMax: number }): string {
  const needed = s.heartbeatMs + 2 * s.latencyMsMax;
  if (!s.fencing || s.leaseMs > needed) return '';
  return `The lease (${s.leaseMs} ms) is not longer than a heartbeat plus a round trip (${s.heartbeatMs} + 2 × ${s.latencyMsMax} = ${needed} ms): it often lapses before it is renewed, and the leader then refuses writes. Raise leaseMs (and detectMs above it).`;
}

/** The split brain (or its absence) in a sentence. */
export function splitBrainText(result: LeaderFollowerResult): string {
  const inv = result.invariants;
  if (inv.splitBrainMs === 0) {
    return result.promotions.length === 0 ? 'One leader all along.' : 'Never two nodes serving writes at once: each leader stopped before the next one started.';
  }
  const spans = result.splitBrain.startMs.length;
  return `Split brain: two nodes could take writes at the same time for ${ms(inv.splitBrainMs)} in ${spans} span${spans === 1 ? '' : 's'} (shaded). ` +
    `${inv.splitBrainWrites} write${inv.splitBrainWrites === 1 ? ' was' : 's were'} taken meanwhile, ${inv.deposedWrites} of them by a leader after a newer epoch had a leader.`;
}

export function promotionText(p: Promotion): string {
  const voters = p.voters.map((v) => `n${v.node}: ${v.lastIndex}`).join(', ');
  return `At ${ms(p.tMs)} n${p.node} became leader of epoch ${p.epoch}. It stood at ${ms(p.stoodMs)}, after its leader went silent; ` +
    `its log ended at index ${p.lastIndex} (epoch ${p.lastEpoch}), at least as far as each voter's (${voters}): the most up-to-date node it could reach.`;
}

export function stepDownText(s: StepDown): string {
  return `At ${ms(s.tMs)} n${s.node}, leader of epoch ${s.epoch}, heard of epoch ${s.newerEpoch} and stepped down (fencing); entries it had that the new leader lacks were dropped from its log.`;
}

export interface LostRow {
  op: number;
  what: string;
  acknowledged: string;
  lost: string;
}

export function lostRows(result: LeaderFollowerResult): LostRow[] {
  return result.lost.map((l: LostWrite) => ({
    op: l.op,
    what: `op ${l.op}: write ${l.value} by client process ${l.process}`,
    acknowledged: `by n${l.node} (epoch ${l.epoch}) at ${ms(l.ackMs)}, log index ${l.index}`,
    lost: l.cause === 'deposed'
      ? 'taken by a deposed leader: the surviving log never had it'
      : Number.isNaN(l.lostAtMs) ? 'dropped later from every log that survives' : `absent from the new leader's log at its promotion (${ms(l.lostAtMs)})`,
  }));
}

export interface LeadershipRow {
  node: string;
  epoch: number;
  fromMs: number;
  toMs: number;
  how: string;
  ended: string;
}

export function leadershipRows(result: LeaderFollowerResult): LeadershipRow[] {
  const c = result.leaders;
  return Array.from(c.node, (node, i) => ({
    node: `n${node}`,
    epoch: c.epoch[i],
    fromMs: c.startMs[i],
    toMs: c.endMs[i],
    how: LEAD_CAUSE_NAMES[c.cause[i]] ?? '',
    ended: END_CAUSE_NAMES[c.endCause[i]] ?? '',
  }));
}

/** The three replication modes on this scenario, for the comparison table. */
export function compareTable(result: LeaderFollowerResult): { columns: string[]; rows: CompareRow[]; current: number } {
  const c = result.compare;
  const fixed = (v: number) => v.toFixed(1);
  const verdict = (v: string) => (v === 'linearizable' ? 1 : v === 'not linearizable' ? 0 : NaN);
  const rows: CompareRow[] = [
    { key: 'p50', label: 'write latency p50 (ms)', better: 'lower', values: c.map((m) => m.writeP50Ms), format: fixed },
    { key: 'p99', label: 'write latency p99 (ms)', better: 'lower', values: c.map((m) => m.writeP99Ms), format: fixed },
    { key: 'ok', label: 'writes acknowledged', better: 'higher', values: c.map((m) => m.writesOk) },
    { key: 'timeouts', label: 'writes timed out', help: 'the client never learned the outcome', better: 'lower', values: c.map((m) => m.writeTimeouts) },
    { key: 'stale', label: 'stale reads', better: 'lower', values: c.map((m) => m.staleReads) },
    { key: 'lost', label: 'acknowledged writes lost', better: 'lower', values: c.map((m) => m.lostAckedWrites) },
    { key: 'lin', label: 'linearizable', better: 'higher', values: c.map((m) => verdict(m.verdict)), format: (v) => (v === 1 ? 'yes' : 'no') },
  ];
  return { columns: [...REPLICATION_MODES], rows, current: REPLICATION_MODES.indexOf(result.mode) };
}

export interface LagCharts {
  entries: NodeMatrix;
  age: NodeMatrix;
  labels: string[];
  markers: TimeMarker[];
}

export function lagCharts(result: LeaderFollowerResult): LagCharts {
  const lag = result.lag;
  const matrix = (values: Float32Array): NodeMatrix => ({ values, nodeCount: lag.nodeCount, bucketCount: Math.max(1, lag.samples), t0: 0, bucketWidth: lag.sampleMs });
  const markers: TimeMarker[] = [
    ...result.faults.map((f) => ({ t: f.tMs, label: f.label })),
    ...result.promotions.map((p) => ({ t: p.tMs, label: `n${p.node} leads e${p.epoch}`, node: p.node })),
  ].sort((a, b) => a.t - b.t);
  return { entries: matrix(lag.entries), age: matrix(lag.ageMs), labels: Array.from({ length: lag.nodeCount }, (_, i) => `n${i}`), markers };
}

/** Largest lag of any follower, in entries and ms (the charts' headline). */
export function lagPeaks(result: LeaderFollowerResult): { entries: number; ageMs: number } {
  let entries = 0;
  let ageMs = 0;
  for (const v of result.lag.entries) if (v > entries) entries = v;
  for (const v of result.lag.ageMs) if (v > ageMs) ageMs = v;
  return { entries, ageMs };
}

export function timelineColumns(result: LeaderFollowerResult): HistoryColumns {
  const q = result.requests;
  return { process: q.process, call: q.callMs, ret: q.retMs, kind: q.kind, status: q.status, flags: q.isStale };
}

const STATUS_NAMES = ['pending', 'ok', 'failed', 'timed out'] as const;

/** One line about operation i for the timeline's tooltip and selection line. */
export function describeRequest(result: LeaderFollowerResult, i: number): string {
  const q = result.requests;
  if (i < 0 || i >= q.kind.length) return '';
  const isRead = q.kind[i] === OpKind.read;
  const what = isRead ? 'read' : `write ${valueText(q.value[i])}`;
  const where = q.node[i] < 0 ? 'no node could take it' : `n${q.node[i]} (epoch ${q.epoch[i]})`;
  const ret = Number.isNaN(q.retMs[i]) ? 'no answer' : ms(q.retMs[i]);
  let outcome: string = STATUS_NAMES[q.status[i]] ?? 'unknown';
  if (q.status[i] === RequestStatus.ok && isRead) {
    outcome = `returned ${valueText(q.value[i])} (log index ${q.index[i]}${q.lagEntries[i] > 0 ? `, ${q.lagEntries[i]} behind the leader` : ''})`;
    if (q.isStale[i]) outcome += `, stale by ${q.staleK[i]} write${q.staleK[i] === 1 ? '' : 's'}`;
  } else if (q.status[i] === RequestStatus.ok) outcome = `acknowledged (log index ${q.index[i]})`;
  const yours = q.isRequest[i] ? ' (your request)' : '';
  return `client process ${q.process[i]} ${what}${yours} via ${where}, ${ms(q.callMs[i])} → ${ret}: ${outcome}`;
}

/** The operation to select first: the checker's unplaceable one, else the first stale read, else 0. */
export function firstInteresting(result: LeaderFollowerResult): number {
  const e = result.check.explanation;
  if (e) return e.cannotPlace;
  const stale = result.requests.isStale.indexOf(1);
  return stale >= 0 ? stale : 0;
}
