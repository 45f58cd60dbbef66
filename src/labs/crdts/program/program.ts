/**
 * The CRDTs program: scenario -> one gossip run holding every view (./replica.ts: the CRDT and its foils
 * share updates and messages), the anomaly detectors of src/core/crdt replayed over its history, the
 * convergence check per view, and the same updates as increments through a consensus log
 * (./logCounter.ts). Pure and deterministic: every draw comes from the scenario's seed.
 */
import {
  counterAnomalies, type CrdtType, type History, type SetOp, setAnomalies, stateKey,
} from '../../../core/crdt';
import { TraceHasher } from '../../../core/hash/traceHasher';
import { nearestRank } from '../../../core/stats';
import { NodeStatus } from '../../../sim/nodeLifecycle';
import { Simulation } from '../../../sim/index';
import { scheduleScenario } from '../../../sim/scenario';
import { TraceKind } from '../../../sim/traceKind';
import { TICKS_PER_MS, msToTicks, ticksToMs } from '../../../sim/kit/time';
import type { LabProgram, RunContext } from '../../contract';
import { type AnomalyRow, type AvailabilityRow, type CrdtsResult, RequestOutcome, type ViewResult, viewsOf } from '../result';
import { activeUntil, horizon, type CrdtsScenario } from '../scenario';
import { anomalySentence, type RawAnomaly } from './anomalyText';
import { type Member, membersOf } from './family';
import { runLogCounter } from './logCounter';
import { Recorder } from './record';
import { diskOf, type Disk, type Msg, Replica } from './replica';
import { recordBadges, stageOptions, viewStage, withLabels, type Remark } from './stage';
import { updateText, workload, type Update } from './workload';

export type * from '../result';

export const EVENTS_MAX = 2_000_000;

export interface GossipRun {
  sim: Simulation<Msg>;
  rec: Recorder;
  members: Member[];
  hasDelta: boolean;
  updates: Update[];
  outcome: Uint8Array;
  cutOff: Uint8Array;
  disks: Disk[];
  stopTick: number;
  /** Per view, each message's label (empty without a stage). */
  viewLabels: string[][];
}

/** The gossip run to its end (the program and the property tests start here). */
export function simulate(s: CrdtsScenario, withStage = true): GossipRun {
  const members = membersOf(s.type, s.elements);
  const hasDelta = s.type === 'g-counter';
  const updates = workload(s);
  const stopTick = msToTicks(horizon(s));
  const rec = new Recorder(members, hasDelta, s.replicas);
  const cfg = { members, hasDelta, gossipTicks: msToTicks(s.gossipMs), fanout: s.fanout, stopTick };
  const staged = withStage ? stageOptions(members, hasDelta, s.replicas) : undefined;
  const sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: s.replicas,
    network: { latency: { kind: 'uniform', minTicks: msToTicks(s.latencyMs / 2), maxTicks: msToTicks(s.latencyMs * 1.5) }, duplicate: s.duplicatePct / 100 },
    protocol: (ctx) => new Replica(ctx, cfg, rec),
    limits: { maxEvents: EVENTS_MAX },
    ...(staged ? { stage: staged.options } : {}),
  });
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS });
  const outcome = new Uint8Array(updates.length);
  const cutOff = new Uint8Array(updates.length);
  for (const u of updates) {
    sim.at(u.tick, () => {
      const node = sim.node(u.replica);
      cutOff[u.index] = u.replica !== 0 && sim.network.isCut(u.replica, 0) ? 1 : 0;
      if (node.status !== NodeStatus.up) return;
      outcome[u.index] = RequestOutcome.ok;
      (node.actor as unknown as Replica).update(u);
    });
  }
  sim.run();
  const disks = Array.from({ length: s.replicas }, (_, i) => diskOf(sim.node(i)));
  return { sim, rec, members, hasDelta, updates, outcome, cutOff, disks, stopTick, viewLabels: staged?.viewLabels ?? [] };
}

/** The anomalies of view `key` as found by src/core/crdt's detectors on the run's history (delta: the recorder's). */
function rawAnomalies(run: GossipRun, view: number, replicas: number): RawAnomaly[] {
  const { rec, members } = run;
  if (view >= members.length) return rec.overCounts.map((o) => ({ kind: 'over-count', tick: o.tick, replica: o.replica, value: o.value, expected: o.expected, ops: [], isMade: true }));
  const m = members[view];
  const at = (step: number) => rec.stepTick[step];
  if (m.key === 'or' || m.key === 'naive' || m.key === 'tp') {
    return setAnomalies(m.type as CrdtType<unknown, SetOp, string[]>, rec.history as History<SetOp>, replicas)
      .map((a) => ({ kind: a.kind, tick: at(a.step), replica: a.replica, element: a.element, ops: a.ops.map((i) => ({ tick: at(i), replica: rec.history[i].replica })) }));
  }
  if (m.key === 'lww' || m.key === 'wall') return [];
  return counterAnomalies(m.type as CrdtType<unknown, { type: 'increment' | 'decrement' }, number>, rec.history as History<{ type: 'increment' | 'decrement' }>, replicas)
    .map((a) => ({ kind: a.kind, tick: at(a.step), replica: a.replica, value: a.value, expected: a.expected, ops: [] }));
}

function viewResult(run: GossipRun, view: number, s: CrdtsScenario, quietMs: number, remarksOut: Remark[][], flagsOut: { tick: number; replica: number }[][]): Omit<ViewResult, 'stage'> {
  const { members, disks, rec } = run;
  const meta = viewsOf(s.type)[view];
  const isDelta = view >= members.length;
  const finalValues = disks.map((d) => (isDelta ? String(d.delta!.total) : members[view].type.describe(d.states[view]).value));
  const keys = disks.map((d) => (isDelta ? String(d.delta!.total) : stateKey(d.states[view])));
  const isConverged = keys.every((k) => k === keys[0]);
  let equalsJoin = isConverged;
  if (isDelta) equalsJoin = isConverged && disks[0].delta!.total === disks.reduce((n, d) => n + d.delta!.own, 0);
  else {
    const type = members[view].type;
    const join = stateKey(disks.reduce((acc, d) => type.merge(acc, d.states[view]), type.initial()));
    equalsJoin = keys.every((k) => k === join);
  }
  const a = rec.agreement[view];
  const lastDistinct = a.distinct[a.distinct.length - 1];
  const settledMs = lastDistinct === 1 ? ticksToMs(a.tick[a.tick.length - 1]) : NaN;
  const raw = rawAnomalies(run, view, s.replicas);
  const anomalies: AnomalyRow[] = raw.map((x) => ({ kind: x.kind, tMs: ticksToMs(x.tick), replica: x.replica, text: anomalySentence(x) }));
  const remarks: Remark[] = raw.map((x, i) => ({ tick: x.tick, node: x.replica, text: anomalies[i].text }));
  for (const u of run.updates) {
    const what = updateText(u);
    remarks.push({ tick: u.tick, node: u.replica, text: run.outcome[u.index] === RequestOutcome.ok ? `n${u.replica} takes a client's ${what}` : `n${u.replica} is down: a client's ${what} is refused` });
  }
  if (isConverged && a.tick.length > 1) remarks.push({ tick: a.tick[a.tick.length - 1], node: 0, text: `all ${s.replicas} replicas agree: ${finalValues[0]}` });
  remarksOut[view] = remarks;
  flagsOut[view] = raw.map((x) => ({ tick: x.tick, replica: x.replica }));
  return {
    key: meta.key, title: meta.title, isCrdt: meta.isCrdt, finalValues, isConverged, equalsJoin, settledMs,
    convergeMs: Number.isNaN(settledMs) ? NaN : ticksToMs(Math.max(0, a.tick[a.tick.length - 1] - msToTicks(quietMs))),
    agreeMs: Float64Array.from(a.tick, ticksToMs), distinct: Uint8Array.from(a.distinct, (d) => Math.min(255, d)), anomalies,
  };
}

function availabilityRow(label: string, outcome: Uint8Array, cutOff: Uint8Array, latencyMs: ArrayLike<number>): AvailabilityRow {
  const okLatency: number[] = [];
  let ok = 0;
  let askedCutOff = 0;
  let okCutOff = 0;
  for (let i = 0; i < outcome.length; i++) {
    const isOk = outcome[i] === RequestOutcome.ok;
    if (isOk) {
      ok++;
      okLatency.push(latencyMs[i]);
    }
    if (cutOff[i]) {
      askedCutOff++;
      if (isOk) okCutOff++;
    }
  }
  const sorted = Float64Array.from(okLatency).sort();
  return { label, asked: outcome.length, ok, askedCutOff, okCutOff, p50Ms: sorted.length ? nearestRank(sorted, 50) : NaN, p99Ms: sorted.length ? nearestRank(sorted, 99) : NaN };
}

export const program: LabProgram<CrdtsScenario, CrdtsResult> = (s, context: RunContext) => {
  context.work(s.updates + s.events.length);
  const run = simulate(s);
  context.progress(0.6);
  const { sim, updates, outcome, cutOff } = run;
  const lastUpdate = updates.reduce((t, u) => (outcome[u.index] === RequestOutcome.ok ? Math.max(t, ticksToMs(u.tick)) : t), 0);
  const lastEvent = s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
  const quietMs = Math.max(lastUpdate, lastEvent);
  const metas = viewsOf(s.type);
  const remarks: Remark[][] = [];
  const flags: { tick: number; replica: number }[][] = [];
  const partial = metas.map((_, v) => viewResult(run, v, s, quietMs, remarks, flags));
  const log = sim.stageLog!;
  const flagTicks = msToTicks(2 * s.gossipMs);
  partial.forEach((v, i) => recordBadges(log, v.key, s.replicas, flags[i], flagTicks));
  const trace = sim.trace.columns();
  const horizonMs = Math.max(activeUntil(s) + s.settleMs, ticksToMs(sim.now));
  const columns = log.columns();
  const views: ViewResult[] = partial.map((v, i) => ({ ...v, stage: viewStage(trace, withLabels(columns, run.viewLabels[Math.min(i, run.viewLabels.length - 1)]), horizonMs, s.replicas, remarks[i]) }));
  const logRun = runLogCounter(s, updates, run.stopTick);
  context.progress(1);
  const latencyZero = new Float64Array(updates.length);
  const availability: [AvailabilityRow, AvailabilityRow] = [
    availabilityRow('CRDT (applied at the replica)', outcome, cutOff, latencyZero),
    availabilityRow('Consensus log (leader n0, majority commit)', logRun.outcome, logRun.cutOff, logRun.latencyMs),
  ];
  const counts = messageCounts(trace);
  const hasher = new TraceHasher().string(trace.hash).string(logRun.traceHash);
  for (const v of views) hasher.string(v.finalValues.join('|')).number(v.anomalies.length);
  const metrics: Record<string, number> = {
    updatesApplied: availability[0].ok,
    gossipSent: counts.sent,
    duplicated: counts.duplicated,
    logOk: availability[1].ok,
    logOkCutOff: availability[1].okCutOff,
    askedCutOff: availability[1].askedCutOff,
    logP50Ms: availability[1].p50Ms,
    logP99Ms: availability[1].p99Ms,
    engineEvents: sim.events,
  };
  for (const v of views) {
    metrics[`${v.key}.converged`] = v.isConverged ? 1 : 0;
    metrics[`${v.key}.convergeMs`] = v.convergeMs;
    metrics[`${v.key}.anomalies`] = v.anomalies.length;
  }
  const stoppedAtLimit = sim.stoppedAtLimit ?? logRun.stoppedAtLimit;
  return {
    lab: 'crdts',
    traceHash: hasher.hex(),
    metrics,
    endTime: horizonMs,
    marks: marksOf(views, s, updates),
    ...(stoppedAtLimit ? { stoppedAtLimit } : {}),
    type: s.type,
    replicas: s.replicas,
    views,
    updates: {
      tMs: Float64Array.from(updates, (u) => ticksToMs(u.tick)),
      replica: Uint8Array.from(updates, (u) => u.replica),
      text: updates.map(updateText),
      outcome,
      cutOff,
    },
    quietMs,
    gossipMs: s.gossipMs,
    fanout: s.fanout,
    duplicatePct: s.duplicatePct,
    gossipSent: counts.sent,
    gossipDelivered: counts.delivered,
    duplicated: counts.duplicated,
    availability,
    logStage: logRun.stage,
    stage: views[0].stage,
  };
};

function messageCounts(trace: ReturnType<Simulation<Msg>['trace']['columns']>): { sent: number; delivered: number; duplicated: number } {
  let sent = 0;
  let delivered = 0;
  let duplicated = 0;
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kind[i];
    if (k === TraceKind.send) sent++;
    else if (k === TraceKind.deliver) delivered++;
    else if (k === TraceKind.duplicate) duplicated++;
  }
  return { sent, delivered, duplicated };
}

/** Step's stops: every event the first view's stage shows, the script and the updates. */
function marksOf(views: readonly ViewResult[], s: CrdtsScenario, updates: readonly Update[]): Float64Array {
  const times = new Set<number>(s.events.map((e) => e.t));
  for (const u of updates) times.add(ticksToMs(u.tick));
  for (const t of views[0].stage.events.time) times.add(t);
  return Float64Array.from(times).sort();
}

export type { RunContext };
