/**
 * Latency distributions of a link, as plain data (so a lab's scenario can hold them) plus a sampler that
 * turns one into whole ticks. Every sample is rounded to ticks at once (./ticks.ts), so only integers
 * ever reach the event queue.
 *
 * Floats enter through `rng.float()` and, for the heavy-tailed kinds, the log and pow of
 * core/math/detMath (exactly specified arithmetic only), so a trace hash agrees in every engine.
 */
import type { Rng } from '../core/random/rng';
import { TICKS_MAX, isTicks } from './ticks';
import { log, pow } from '../core/math/detMath';

/** Every draw is the same: `ticks` (integer, 0..2^53-1). */
export interface ConstantLatency {
  kind: 'constant';
  ticks: number;
}

/** Uniform integer in [minTicks, maxTicks], both included (integers, min <= max). */
export interface UniformLatency {
  kind: 'uniform';
  minTicks: number;
  maxTicks: number;
}

/**
 * `minTicks` (default 0) plus an exponential draw of mean `meanTicks` (> 0): the memoryless tail of a
 * queueing delay. Draws above `capTicks` (default 100 x meanTicks + minTicks) are clamped so one draw
 * cannot push an event past any horizon a lab would pick.
 */
export interface ExponentialLatency {
  kind: 'exponential';
  meanTicks: number;
  minTicks?: number;
  capTicks?: number;
}

/**
 * Pareto (type I): `scaleTicks` (> 0, also the minimum) times U^(-1/shape), shape > 0. Heavy tail: with
 * shape <= 1 the mean is infinite, so draws are clamped to `capTicks` (default 1000 x scaleTicks).
 */
export interface ParetoLatency {
  kind: 'pareto';
  scaleTicks: number;
  shape: number;
  capTicks?: number;
}

/** One of the measured `samplesTicks` (integers, 1..10^6 of them), each equally likely. */
export interface EmpiricalLatency {
  kind: 'empirical';
  samplesTicks: readonly number[];
}

export type LatencySpec = ConstantLatency | UniformLatency | ExponentialLatency | ParetoLatency | EmpiricalLatency;

/** Draws one latency in whole ticks from the stream it is given. */
export type LatencySampler = (r: Rng) => number;

const EMPIRICAL_SAMPLES_MAX = 1_000_000;

function requireTicks(value: number | undefined, name: string): number {
  if (value === undefined || !isTicks(value)) {
    throw new Error(`${name} must be an integer number of ticks in 0..2^53-1, got ${value}`);
  }
  return value;
}

function requirePositive(value: number, name: string): number {
  if (!(value > 0 && value <= TICKS_MAX)) throw new Error(`${name} must be a number above 0, got ${value}`);
  return value;
}

/** Clamps a float draw into [min, cap] and rounds it to ticks. */
function clampTicks(x: number, min: number, cap: number): number {
  const t = Math.round(x);
  return t < min ? min : t > cap ? cap : t;
}

/** Validates `spec` and returns its sampler; throws a message naming the field, the range and the value. */
export function latencySampler(spec: LatencySpec): LatencySampler {
  switch (spec.kind) {
    case 'constant': {
      const ticks = requireTicks(spec.ticks, 'constant latency ticks');
      return () => ticks;
    }
    case 'uniform': {
      const min = requireTicks(spec.minTicks, 'uniform latency minTicks');
      const max = requireTicks(spec.maxTicks, 'uniform latency maxTicks');
      if (max < min) throw new Error(`uniform latency needs minTicks <= maxTicks, got ${min}..${max}`);
      if (max - min >= 2 ** 32) throw new Error(`uniform latency span must be under 2^32 ticks, got ${max - min}`);
      return (r) => min + r.int(max - min + 1);
    }
    case 'exponential':
      return exponentialSampler(spec);
    case 'pareto':
      return paretoSampler(spec);
    case 'empirical':
      return empiricalSampler(spec);
    default:
      throw new Error(`invalid latency kind: ${(spec as { kind: unknown }).kind}`);
  }
}

function exponentialSampler(spec: ExponentialLatency): LatencySampler {
  const mean = requirePositive(spec.meanTicks, 'exponential latency meanTicks');
  const min = requireTicks(spec.minTicks ?? 0, 'exponential latency minTicks');
  const cap = requireTicks(spec.capTicks ?? Math.min(TICKS_MAX, Math.ceil(min + 100 * mean)), 'exponential latency capTicks');
  if (cap < min) throw new Error(`exponential latency needs minTicks <= capTicks, got ${min} > ${cap}`);
  // 1 - float() is in (0, 1], so the log is finite.
  return (r) => clampTicks(min - mean * log(1 - r.float()), min, cap);
}

function paretoSampler(spec: ParetoLatency): LatencySampler {
  const scale = requirePositive(spec.scaleTicks, 'pareto latency scaleTicks');
  if (!(spec.shape > 0 && spec.shape <= 1000)) throw new Error(`pareto latency shape must be in (0, 1000], got ${spec.shape}`);
  const exponent = -1 / spec.shape;
  const min = Math.round(scale);
  const cap = requireTicks(spec.capTicks ?? Math.min(TICKS_MAX, Math.ceil(1000 * scale)), 'pareto latency capTicks');
  if (cap < min) throw new Error(`pareto latency needs scaleTicks <= capTicks, got ${min} > ${cap}`);
  return (r) => clampTicks(scale * pow(1 - r.float(), exponent), min, cap);
}

function empiricalSampler(spec: EmpiricalLatency): LatencySampler {
  const n = spec.samplesTicks.length;
  if (!(n >= 1 && n <= EMPIRICAL_SAMPLES_MAX)) {
    throw new Error(`empirical latency needs 1..${EMPIRICAL_SAMPLES_MAX} samples, got ${n}`);
  }
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) samples[i] = requireTicks(spec.samplesTicks[i], `empirical latency samplesTicks[${i}]`);
  return (r) => samples[r.int(n)];
}
