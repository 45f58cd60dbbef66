/**
 * One-way message delays of the WARS model, as plain data (so a scenario can hold them) plus a sampler.
 *
 * Why not src/sim/latency.ts: the engine's samplers round every draw to whole ticks (only integers reach its
 * event queue) and core must not import sim. PBS needs sub-millisecond floats (the LNKD-SSD fit has a
 * median one-way delay of about 0.25 ms), so these samplers return milliseconds as floats. The parameter
 * names follow the paper's Table 3 (Pareto x_m and alpha, exponential lambda), so a fit can be typed in as
 * published.
 *
 * Floats enter through `rng.float()` and the log and pow of ../math/detMath (exactly specified arithmetic
 * only), so a run gives the same bits in Node and in Chromium.
 */
import type { Rng } from '../random/rng';
import { log, pow } from '../math/detMath';

/** Every draw is `ms` (>= 0). */
export interface ConstantLeg {
  kind: 'constant';
  ms: number;
}

/** Uniform float in [minMs, maxMs) (0 <= minMs <= maxMs). */
export interface UniformLeg {
  kind: 'uniform';
  minMs: number;
  maxMs: number;
}

/**
 * Exponential with rate `lambda` per ms (> 0; mean 1/lambda ms), shifted by `offsetMs` (default 0).
 * Drawn as -ln(1 - U) / lambda, the inverse CDF the paper's simulator uses.
 */
export interface ExponentialLeg {
  kind: 'exponential';
  lambda: number;
  offsetMs?: number;
}

/**
 * Pareto type I: `xmMs` (> 0, also the minimum) times U^(-1/alpha), alpha > 0. No cap: the paper's fits
 * have alpha >= 1.51, so the mean is finite, and capping would change the tail the t-visibility depends on.
 */
export interface ParetoLeg {
  kind: 'pareto';
  xmMs: number;
  alpha: number;
}

/** One of the measured `samplesMs` (1..10^6 values, each >= 0), each equally likely. */
export interface EmpiricalLeg {
  kind: 'empirical';
  samplesMs: readonly number[];
}

/**
 * With probability `weight` (weights > 0, summing to 1 within 1e-9), a draw from `leg`: the paper's fits
 * are Pareto bodies with an exponential tail mixed in (Table 3). Components cannot nest mixtures.
 */
export interface MixtureLeg {
  kind: 'mixture';
  parts: readonly { weight: number; leg: ConstantLeg | UniformLeg | ExponentialLeg | ParetoLeg | EmpiricalLeg }[];
}

export type LegSpec = ConstantLeg | UniformLeg | ExponentialLeg | ParetoLeg | EmpiricalLeg | MixtureLeg;

/**
 * The four delay distributions of WARS (Bailis et al., VLDB 2012, Section 4.1 "Inconsistency in Dynamo:
 * WARS Model" in the authors' draft), each drawn independently
 * per replica: `write` (W, coordinator to replica carrying the write), `ack` (A, replica back to the
 * coordinator), `read` (R, coordinator to replica carrying the read request), `response` (S, the read's
 * answer back).
 */
export interface WarsLegs {
  write: LegSpec;
  ack: LegSpec;
  read: LegSpec;
  response: LegSpec;
}

/** Draws one delay in ms from the stream it is given. */
export type LegSampler = (r: Rng) => number;

export const EMPIRICAL_SAMPLES_MAX = 1_000_000;
const MIXTURE_PARTS_MAX = 16;
/** Largest delay a parameter may name: about 31.7 years in ms (keeps sums of legs exact to well below 1 us). */
export const LEG_MS_MAX = 1e12;

function requireMs(value: number, name: string): number {
  if (!(typeof value === 'number' && value >= 0 && value <= LEG_MS_MAX)) throw new Error(`invalid ${name}: ${value}`);
  return value;
}

function requirePositive(value: number, name: string, max: number): number {
  if (!(typeof value === 'number' && value > 0 && value <= max)) throw new Error(`invalid ${name}: ${value}`);
  return value;
}

/** Validates `spec` and returns its sampler; throws `invalid <field>: <value>` on a bad parameter. */
export function legSampler(spec: LegSpec): LegSampler {
  if (spec.kind === 'mixture') return mixtureSampler(spec);
  return simpleSampler(spec);
}

function simpleSampler(spec: Exclude<LegSpec, MixtureLeg>): LegSampler {
  switch (spec.kind) {
    case 'constant': {
      const ms = requireMs(spec.ms, 'constant ms');
      return () => ms;
    }
    case 'uniform': {
      const min = requireMs(spec.minMs, 'uniform minMs');
      const max = requireMs(spec.maxMs, 'uniform maxMs');
      if (max < min) throw new Error(`invalid uniform range: ${min}..${max}`);
      const span = max - min;
      return (r) => min + span * r.float();
    }
    case 'exponential': {
      const lambda = requirePositive(spec.lambda, 'exponential lambda', 1e9);
      const offset = requireMs(spec.offsetMs ?? 0, 'exponential offsetMs');
      // 1 - float() is in (0, 1], so the log is finite.
      return (r) => offset - log(1 - r.float()) / lambda;
    }
    case 'pareto': {
      const xm = requirePositive(spec.xmMs, 'pareto xmMs', LEG_MS_MAX);
      const exponent = -1 / requirePositive(spec.alpha, 'pareto alpha', 1000);
      return (r) => xm * pow(1 - r.float(), exponent);
    }
    case 'empirical': {
      const n = spec.samplesMs.length;
      if (!(n >= 1 && n <= EMPIRICAL_SAMPLES_MAX)) throw new Error(`invalid empirical sample count: ${n}`);
      const samples = new Float64Array(n);
      for (let i = 0; i < n; i++) samples[i] = requireMs(spec.samplesMs[i], `empirical samplesMs[${i}]`);
      return (r) => samples[r.int(n)];
    }
    default:
      throw new Error(`invalid leg kind: ${(spec as { kind: unknown }).kind}`);
  }
}

function mixtureSampler(spec: MixtureLeg): LegSampler {
  const count = spec.parts.length;
  if (!(count >= 1 && count <= MIXTURE_PARTS_MAX)) throw new Error(`invalid mixture part count: ${count}`);
  const cumulative = new Float64Array(count);
  const samplers: LegSampler[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const { weight, leg } = spec.parts[i];
    if (!(weight > 0 && weight <= 1)) throw new Error(`invalid mixture weight: ${weight}`);
    if ((leg as LegSpec).kind === 'mixture') throw new Error('invalid mixture part: mixtures do not nest');
    total += weight;
    cumulative[i] = total;
    samplers.push(simpleSampler(leg));
  }
  if (Math.abs(total - 1) > 1e-9) throw new Error(`invalid mixture weights: they sum to ${total}, not 1`);
  cumulative[count - 1] = 1; // a rounding gap can never leave a draw without a component
  // One float picks the component, the component then draws from the same stream.
  return (r) => {
    const u = r.float();
    let i = 0;
    while (u >= cumulative[i]) i++;
    return samplers[i](r);
  };
}

/**
 * A leg's skipper: advances a stream exactly as `legSampler(spec)` drawing one delay would (the same u32s,
 * so the stream is then where the sampler would leave it), without the delay's arithmetic. What lets a
 * worker start its share of trials at trial k: skip k draws, then sample. `spec` must be valid.
 */
export function legSkipper(spec: LegSpec): (r: Rng) => void {
  if (spec.kind !== 'mixture') return simpleSkipper(spec);
  const cumulative = new Float64Array(spec.parts.length);
  let total = 0;
  spec.parts.forEach((part, i) => {
    total += part.weight;
    cumulative[i] = total;
  });
  cumulative[cumulative.length - 1] = 1; // as mixtureSampler
  const skippers = spec.parts.map((part) => simpleSkipper(part.leg as Exclude<LegSpec, MixtureLeg>));
  return (r) => {
    const u = r.float();
    let i = 0;
    while (u >= cumulative[i]) i++;
    skippers[i](r);
  };
}

/**
 * The u32 draws one delay of `spec` always takes, when that is a fixed number (constant: 0; a continuous
 * leg: one float; a mixture of those: the choice and its part's float), so that skipping k delays is
 * `r.skip(k x count)`; undefined when it varies (an empirical part's int() may reject and draw again).
 */
export function legDrawCount(spec: LegSpec): number | undefined {
  const simple = (leg: Exclude<LegSpec, MixtureLeg>) => (leg.kind === 'constant' ? 0 : leg.kind === 'empirical' ? undefined : 1);
  if (spec.kind !== 'mixture') return simple(spec);
  const counts = spec.parts.map((part) => simple(part.leg as Exclude<LegSpec, MixtureLeg>));
  return counts.every((c) => c === counts[0]) && counts[0] !== undefined ? 1 + counts[0] : undefined;
}

function simpleSkipper(spec: Exclude<LegSpec, MixtureLeg>): (r: Rng) => void {
  switch (spec.kind) {
    case 'constant':
      return () => {};
    case 'empirical': {
      const n = spec.samplesMs.length;
      return (r) => void r.int(n); // int() may reject and draw again: call it, as the sampler does
    }
    default:
      return (r) => void r.float();
  }
}

/** Samplers for the four legs, validated together (the error names the leg). */
export function warsSamplers(legs: WarsLegs): { write: LegSampler; ack: LegSampler; read: LegSampler; response: LegSampler } {
  const one = (leg: LegSpec, name: string): LegSampler => {
    try {
      return legSampler(leg);
    } catch (error) {
      throw new Error(`${name} leg: ${(error as Error).message}`);
    }
  };
  return { write: one(legs.write, 'write'), ack: one(legs.ack, 'ack'), read: one(legs.read, 'read'), response: one(legs.response, 'response') };
}
