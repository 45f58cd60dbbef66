/**
 * The anti-patterns program: scenario -> one run of its scene on the engine (the broken design and its fix
 * side by side), measured and checked, with the stage's data. The trace hash covers the engine's trace and
 * what the scene measured. Pure and deterministic: every draw comes from the seed.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import type { LabProgram } from '../../contract';
import type { AntiResult, Mode } from '../result';
import type { AntiScenario } from '../scenario';
import { buildClocks } from './clocks';
import { buildLocality } from './locality';
import { buildPartition } from './partition';
import type { Scene } from './scene';
import { buildSharedDb } from './sharedDb';
import { stageOf, stageOptions } from './stage';
import { buildTwoPc } from './twoPcScene';

export type * from '../result';

const BUILDERS: Record<Mode, (s: AntiScenario, stage?: ReturnType<typeof stageOptions>) => Scene> = {
  'shared-db': buildSharedDb,
  '2pc': buildTwoPc,
  clocks: buildClocks,
  partition: buildPartition,
  locality: buildLocality,
};

/** Builds and runs a scene (tests start here); with `withStage` it records what the stage draws. */
export function runScene(s: AntiScenario, withStage = true): Scene {
  const scene = BUILDERS[s.mode](s, withStage ? stageOptions(s.mode) : undefined);
  scene.sim.run(msToTicks(s.durationMs));
  return scene;
}

export const program: LabProgram<AntiScenario, AntiResult> = (s, context) => {
  const scene = runScene(s);
  context.work(scene.sim.events);
  context.progress(1);
  return resultOf(s, scene);
};

export function resultOf(s: AntiScenario, scene: Scene): AntiResult {
  const { sim, obs } = scene;
  const out = scene.finish();
  const checks = obs.checks();
  const h = new TraceHasher().string(sim.trace.hash());
  for (const r of obs.requests) h.number(r.side).string(r.what).number(r.sentMs).number(r.latencyMs).string(r.outcome);
  for (const c of out.compare) h.string(c.label).string(c.broken).string(c.fixed);
  for (const p of out.loadSweep ?? []) h.number(p.aRatePerSec).number(p.bP99Broken).number(p.bP99Fixed);
  const metrics: Record<string, number> = { events: sim.events, ...out.metrics, checksBroken: checks.filter((c) => !c.ok).length };
  for (const p of out.loadSweep ?? []) Object.assign(metrics, { [`bP99BrokenAtA${p.aRatePerSec}`]: p.bP99Broken, [`bP99FixedAtA${p.aRatePerSec}`]: p.bP99Fixed });
  return {
    lab: 'anti-patterns',
    mode: s.mode,
    traceHash: h.hex(),
    metrics,
    endTime: s.durationMs,
    marks: marksOf(obs.remarks.map((r) => r.tick / TICKS_PER_MS), s),
    ...(sim.stoppedAtLimit !== undefined ? { stoppedAtLimit: sim.stoppedAtLimit } : {}),
    stage: stageOf(scene, obs, s.durationMs),
    checks,
    compare: out.compare,
    requests: obs.requests.map(({ tick: _t, ...r }) => r),
    ...(out.loadSweep ? { loadSweep: out.loadSweep } : {}),
    ...(out.faults ? { faults: out.faults } : {}),
    ...(out.txs ? { txs: out.txs } : {}),
  };
}

/** Step targets: every remark and scripted fault, and every 1/100 of the run. */
function marksOf(remarkMs: number[], s: AntiScenario): Float64Array {
  const times = [...remarkMs, ...s.events.map((e) => e.t)];
  for (let i = 1; i <= 100; i++) times.push((s.durationMs * i) / 100);
  times.sort((a, b) => a - b);
  return Float64Array.from(times.filter((t, i) => i === 0 || t !== times[i - 1]));
}
