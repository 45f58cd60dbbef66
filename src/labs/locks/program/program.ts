/**
 * The locks program: scenario -> one run of its scene on the engine (./world.ts), measured (./analysis.ts)
 * and checked (the observer's invariants), with the stage's data (./stage.ts). The trace hash covers the
 * engine's trace and what the scene measured. Pure and deterministic: every draw comes from the seed.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { TICKS_PER_MS } from '../../../sim/kit/time';
import type { LabProgram } from '../../contract';
import type { Check, LocksResult } from '../result';
import type { LocksScenario } from '../scenario';
import { broadcastOutcome, idCheck, idsOutcome, locksOutcome, orderCheck } from './analysis';
import { stageOf, stageOptions } from './stage';
import { runWorld, type World } from './world';

export type * from '../result';

export const program: LabProgram<LocksScenario, LocksResult> = (s, context) => {
  const w = runWorld(s, stageOptions(s.mode, TICKS_PER_MS));
  context.work(w.sim.events);
  context.progress(1);
  return resultOf(s, w);
};

export function resultOf(s: LocksScenario, w: World): LocksResult {
  const { sim, obs } = w;
  const checks: Check[] = obs.checks();
  const h = new TraceHasher().string(sim.trace.hash());
  const metrics: Record<string, number> = { events: sim.events };
  const out: Partial<LocksResult> = {};
  if (s.mode === 'locks') {
    const o = locksOutcome(obs);
    out.locks = o;
    for (const side of ['redlock', 'raft'] as const) {
      const x = o[side];
      Object.assign(metrics, { [`${side}Grants`]: x.grants, [`${side}TwoHolders`]: x.twoHolders, [`${side}Writes`]: x.writes, [`${side}LostUpdates`]: x.lostUpdates, [`${side}Rejected`]: x.rejected });
    }
    for (const x of o.holds) h.string(x.side).number(x.client).number(x.grantMs).number(x.releaseMs).number(x.token);
    for (const x of o.writes) h.string(x.side + x.outcome).number(x.tMs).number(x.token);
  } else if (s.mode === 'ids') {
    const o = idsOutcome(obs);
    out.ids = o;
    checks.push(idCheck(o));
    for (const side of ['snowflake', 'raft'] as const) {
      const x = o[side];
      Object.assign(metrics, { [`${side}Ids`]: x.ids, [`${side}Duplicates`]: x.duplicates, [`${side}Backwards`]: x.backwards, [`${side}Inverted`]: x.inverted });
    }
    for (const r of o.rows) h.string(r.side).number(r.client).number(r.replyMs).number(r.id);
  } else {
    const o = broadcastOutcome(obs, w.raft, w.names.flatMap((n, i) => (n.startsWith('p') ? [i] : [])));
    out.broadcast = o;
    checks.push(orderCheck(o));
    Object.assign(metrics, { writes: o.writes, gossipDiverged: o.gossipDiverged, raftDiverged: o.raftDiverged, gossipInversions: o.replicas.filter((r) => r.side === 'gossip').reduce((a, r) => a + r.inversions, 0) });
    for (const r of o.replicas) h.number(r.node).numbers(r.values);
  }
  metrics.checksBroken = checks.filter((c) => !c.ok).length;
  const stage = stageOf(w, obs, TICKS_PER_MS, s.durationMs);
  return {
    lab: 'locks',
    mode: s.mode,
    traceHash: h.hex(),
    metrics,
    endTime: s.durationMs,
    marks: marksOf(obs.remarks.map((r) => r.tick / TICKS_PER_MS), s),
    ...(sim.stoppedAtLimit !== undefined ? { stoppedAtLimit: sim.stoppedAtLimit } : {}),
    stage,
    checks,
    ...out,
  };
}

/** Step targets: every remark (grants, lost or refused writes) and scripted fault, else every 1/100 of the run. */
function marksOf(remarkMs: number[], s: LocksScenario): Float64Array {
  const times = [...remarkMs, ...s.events.map((e) => e.t)];
  for (let i = 1; i <= 100; i++) times.push((s.durationMs * i) / 100);
  times.sort((a, b) => a - b);
  return Float64Array.from(times.filter((t, i) => i === 0 || t !== times[i - 1]));
}
