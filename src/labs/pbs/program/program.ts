/**
 * The PBS program: scenario -> P(consistent read) against t for each (N, R, W), by pbsSweep over the WARS
 * model (src/core/pbs). One set of seeded trials serves every configuration (common random numbers), so
 * curves differ only by the quorum rule. Progress and work are reported by pbsSweep itself, per block of
 * 4,096 trials, through the RunContext.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { consistencyAt, latencyMs, pbsMerge, pbsTrials, tVisibilityMs, type PbsCurve, type PbsSweepOptions, type PbsTrials } from '../../../core/pbs/experiment';
import type { BatchProgram, LabProgram, RunContext } from '../../contract';
import { legsOf } from '../legs';
import type { PbsConfigResult, PbsResult } from '../result';
import { GRID_STEPS, quorumConfigs, type PbsScenario } from '../scenario';

export type * from '../result';

/** 0..tMaxMs in GRID_STEPS equal steps (computed as k x tMax / steps, so whole-ms steps stay exact). */
export function tGrid(tMaxMs: number): Float64Array {
  return Float64Array.from({ length: GRID_STEPS + 1 }, (_, k) => (k * tMaxMs) / GRID_STEPS);
}

export const program: LabProgram<PbsScenario, PbsResult> = (s, context) => merge(s, [part(s, 0, s.trials, context)], context);

/**
 * The run shared by a pool of workers (src/worker/pool.ts, the CLI's threads): trials from..to-1 each, merged
 * in trial order; any split gives the same sweep to the bit (core/pbs pbsTrials).
 */
export const batch: BatchProgram<PbsScenario> = {
  units: (s) => s.trials,
  part: (s, from, to, context) => part(s, from, to, context),
  merge: (s, parts, context) => merge(s, parts as PbsTrials[], context),
};

function sweepOptions(s: PbsScenario, context?: RunContext): PbsSweepOptions {
  return { configs: quorumConfigs(s), legs: legsOf(s), trials: s.trials, seed: s.seed, tGridMs: tGrid(s.tMaxMs), context };
}

function part(s: PbsScenario, from: number, to: number, context: RunContext): PbsTrials {
  return pbsTrials(sweepOptions(s, context), from, to);
}

function merge(s: PbsScenario, parts: PbsTrials[], context: RunContext): PbsResult {
  const sweep = pbsMerge(sweepOptions(s), parts);
  const configs = sweep.curves.map(summarize);
  context.work(sweep.tMs.length * configs.length);
  return {
    lab: 'pbs',
    traceHash: hashTrace(sweep.tMs, configs),
    metrics: metricsOf(configs),
    // The playhead is t ms after commit: it runs over the plotted grid, and every grid point is a stop.
    endTime: s.tMaxMs,
    marks: Float64Array.from(sweep.tMs),
    trials: s.trials,
    tMs: sweep.tMs,
    configs,
  };
};

function summarize(curve: PbsCurve): PbsConfigResult {
  const percentiles = (op: 'read' | 'write') => ({ p50: latencyMs(curve, op, 0.5), p99: latencyMs(curve, op, 0.99), p999: latencyMs(curve, op, 0.999) });
  return {
    n: curve.n,
    r: curve.r,
    w: curve.w,
    isStrict: curve.isStrict,
    pConsistent: curve.pConsistent,
    pAtCommit: consistencyAt(curve, 0),
    tVisibility999Ms: tVisibilityMs(curve, 0.999),
    readMs: percentiles('read'),
    writeMs: percentiles('write'),
  };
}

/** Figures by name, per configuration: c1.pAtCommit, c1.tVisibility999Ms, c1.readP999Ms, c1.writeP999Ms... */
function metricsOf(configs: PbsConfigResult[]): Record<string, number> {
  const metrics: Record<string, number> = {};
  configs.forEach((c, i) => {
    const name = `c${i + 1}`;
    metrics[`${name}.n`] = c.n;
    metrics[`${name}.r`] = c.r;
    metrics[`${name}.w`] = c.w;
    metrics[`${name}.pAtCommit`] = c.pAtCommit;
    metrics[`${name}.tVisibility999Ms`] = c.tVisibility999Ms;
    metrics[`${name}.readP999Ms`] = c.readMs.p999;
    metrics[`${name}.writeP999Ms`] = c.writeMs.p999;
  });
  return metrics;
}

/**
 * The trace hash: the grid, then every configuration's curve and summary numbers, each rounded to 9
 * significant digits first. History: Math.log and Math.pow once fed the samplers, and Node's V8 and
 * Chromium's differed in the last bit (LNKD-SSD write p99 0.5622028802314255 in Chromium, ...254 in Node).
 * The samplers now use core/math/detMath, which gives the same bits everywhere; the rounding stays so that
 * the links shared before keep their recorded hashes, and 9 digits are far more than the lab shows (3).
 */
function hashTrace(tMs: Float64Array, configs: PbsConfigResult[]): string {
  const q = (x: number) => Number(x.toPrecision(9));
  const h = new TraceHasher();
  h.string('pbs/1').numbers(Array.from(tMs, q));
  for (const c of configs) {
    h.number(c.n).number(c.r).number(c.w).numbers(Array.from(c.pConsistent, q)).number(q(c.pAtCommit)).number(q(c.tVisibility999Ms));
    for (const x of [c.readMs.p50, c.readMs.p99, c.readMs.p999, c.writeMs.p50, c.writeMs.p99, c.writeMs.p999]) h.number(q(x));
  }
  return h.hex();
}
