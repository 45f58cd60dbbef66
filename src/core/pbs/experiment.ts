/**
 * PBS t-visibility by Monte Carlo over the WARS model (./wars.ts): for each quorum configuration, the
 * probability that a read started t ms after a write commits returns that write (or a newer one).
 *
 * Common random numbers: every configuration of one call reads the same draws (replica i of a trial has
 * the same W, A, R, S delays in every configuration that has a replica i). So raising R or W can never
 * lower a curve, even by noise, and curves on one plot differ only by the quorum rule. Each (leg, replica)
 * pair has its own forked stream, so adding a configuration with a larger N does not change the others.
 *
 * Cost: O(trials x (4 maxN draws + sum of n^2 over configurations)) time, O(trials) floats per
 * configuration; no clock, no Math.random.
 */
import { rng as rootRng, type Rng } from '../random/rng';
import { quantileOfRuns, SortedRuns } from '../stats/sortedRuns';
import { legDrawCount, legSkipper, warsSamplers, type LegSampler, type WarsLegs } from './legs';
import { warsBlock, warsScratch, type WarsDelays, type WarsOutcomes } from './wars';

/** Replication factor and quorum sizes: 1 <= r, w <= n <= N_MAX. */
export interface QuorumConfig {
  n: number;
  r: number;
  w: number;
}

/**
 * What a host gives a run; a lab's RunContext fits as is. `work(units)` is called after every block of
 * trials (it may throw to stop the run at a budget); `progress(fraction)` after it, with the share of
 * trials done. One unit = one delay drawn or one replica evaluated (see `pbsCost`).
 */
export interface PbsContext {
  progress?(fraction: number): void;
  work?(units: number): void;
}

export interface PbsSweepOptions {
  configs: readonly QuorumConfig[];
  /** The W, A, R, S distributions, shared by every configuration. */
  legs: WarsLegs;
  /** Trials (writes, each followed by one read), 1..TRIALS_MAX. */
  trials: number;
  /** Root seed: an integer 0..2^32-1 or any string. */
  seed: number | string;
  /** Times after commit (ms, ascending, >= 0) to report; default: DEFAULT_GRID_POINTS from 0 to past the slowest 99.9% point. */
  tGridMs?: ArrayLike<number>;
  context?: PbsContext;
}

/** One configuration's result. Arrays are plain typed arrays (transferable from a worker). */
export interface PbsCurve extends QuorumConfig {
  /** R + W > N: every read quorum meets every write quorum, so pConsistent is 1 from t = 0 on. */
  isStrict: boolean;
  /** P(consistent read) at each tMs of the result. */
  pConsistent: Float64Array;
  /** Per trial, the least t (ms after commit) at which its read is consistent, ascending (<= 0: at once). */
  staleUntilMs: Float64Array;
  /** Per trial, the read latency (R-th fastest R + S), ascending. */
  readLatencyMs: Float64Array;
  /** Per trial, the write latency (commit time, W-th fastest W + A), ascending. */
  writeLatencyMs: Float64Array;
}

export interface PbsSweepResult {
  /** The t grid (ms after commit) every curve's pConsistent is sampled on. */
  tMs: Float64Array;
  trials: number;
  curves: PbsCurve[];
}

export const N_MAX = 64;
export const TRIALS_MAX = 10_000_000;
export const CONFIGS_MAX = 32;
export const GRID_POINTS_MAX = 100_000;
export const DEFAULT_GRID_POINTS = 201;
/** Trials per block between two `work` / `progress` calls. */
export const BLOCK_TRIALS = 4096;

const LEG_NAMES = ['write', 'ack', 'read', 'response'] as const;

function validate(options: PbsSweepOptions): number {
  const { configs, trials } = options;
  if (!(Number.isInteger(trials) && trials >= 1 && trials <= TRIALS_MAX)) throw new Error(`invalid trials: ${trials}`);
  if (!(configs.length >= 1 && configs.length <= CONFIGS_MAX)) throw new Error(`invalid config count: ${configs.length}`);
  let nMax = 0;
  for (const { n, r, w } of configs) {
    if (!(Number.isInteger(n) && n >= 1 && n <= N_MAX)) throw new Error(`invalid n: ${n}`);
    if (!(Number.isInteger(r) && r >= 1 && r <= n)) throw new Error(`invalid r: ${r} (n = ${n})`);
    if (!(Number.isInteger(w) && w >= 1 && w <= n)) throw new Error(`invalid w: ${w} (n = ${n})`);
    nMax = Math.max(nMax, n);
  }
  return nMax;
}

/** Work units a sweep will report in total (for refusing a run over budget before it starts). */
export function pbsCost(options: Pick<PbsSweepOptions, 'configs' | 'trials'>): number {
  let nMax = 0;
  let nSum = 0;
  for (const { n } of options.configs) {
    nMax = Math.max(nMax, n);
    nSum += n;
  }
  return options.trials * (4 * nMax + nSum);
}

/** Streams per (leg, replica): root.fork('pbs:<leg>').fork(replica). */
function legStreams(seed: number | string, nMax: number): Rng[][] {
  const root = rootRng(seed);
  return LEG_NAMES.map((name) => {
    const leg = root.fork(`pbs:${name}`);
    return Array.from({ length: nMax }, (_, i) => leg.fork(i));
  });
}

function fillBlock(delays: WarsDelays, samplers: LegSampler[], streams: Rng[][], count: number): void {
  const arrays = [delays.write, delays.ack, delays.read, delays.response];
  const stride = delays.stride;
  for (let leg = 0; leg < 4; leg++) {
    const out = arrays[leg];
    const draw = samplers[leg];
    for (let i = 0; i < stride; i++) {
      const stream = streams[leg][i];
      for (let j = 0; j < count; j++) out[j * stride + i] = draw(stream);
    }
  }
}

/**
 * Runs `trials` WARS trials once and evaluates every configuration on them. Throws `invalid <name>: <value>`
 * on bad options (scenario validation with messages for people belongs to the lab).
 * The same as `pbsMerge(options, [pbsTrials(options, 0, trials)])`, and as any split of 0..trials into
 * ranges computed apart (a pool of workers) and merged in order.
 */
export function pbsSweep(options: PbsSweepOptions): PbsSweepResult {
  return pbsMerge(options, [pbsTrials(options, 0, options.trials)]);
}

/** Trials from..to-1 of a sweep, per configuration, in trial order (not yet sorted): one worker's share. */
export interface PbsTrials {
  from: number;
  to: number;
  /** Per configuration, the share's outcomes, each array ascending (sorted in the share, so a pool sorts in parallel). */
  outcomes: WarsOutcomes[];
}

/**
 * Trials `from` to `to - 1` of the sweep `options` describes, exactly as the whole sweep draws them: each
 * (leg, replica) stream gives its k-th draw to trial k, so a share starting at trial `from` first skips
 * `from` draws of every stream (legSkipper: the same u32s, none of the arithmetic). Progress and work are
 * reported for these trials only.
 */
export function pbsTrials(options: PbsSweepOptions, from: number, to: number): PbsTrials {
  const nMax = validate(options);
  const { configs, trials, context } = options;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= trials)) throw new Error(`invalid trial range: ${from}..${to}`);
  const s = warsSamplers(options.legs);
  const samplers = [s.write, s.ack, s.read, s.response];
  if (options.tGridMs !== undefined) checkedGrid(options.tGridMs);
  const streams = legStreams(options.seed, nMax);
  if (from > 0) {
    const specs = [options.legs.write, options.legs.ack, options.legs.read, options.legs.response];
    for (let leg = 0; leg < 4; leg++) {
      // A leg whose every delay takes the same number of u32s skips them at once; else delay by delay.
      const count = legDrawCount(specs[leg]);
      const skipper = legSkipper(specs[leg]);
      for (const stream of streams[leg]) {
        if (count !== undefined) stream.skip(count * from);
        else for (let k = 0; k < from; k++) skipper(stream);
      }
    }
  }
  const count = to - from;
  const block = Math.max(1, Math.min(BLOCK_TRIALS, count));
  const delays: WarsDelays = {
    write: new Float64Array(block * nMax),
    ack: new Float64Array(block * nMax),
    read: new Float64Array(block * nMax),
    response: new Float64Array(block * nMax),
    stride: nMax,
  };
  const outcomes: WarsOutcomes[] = configs.map(() => ({
    staleUntilMs: new Float64Array(count),
    readLatencyMs: new Float64Array(count),
    writeLatencyMs: new Float64Array(count),
  }));
  const scratches = configs.map((c) => warsScratch(c.n));
  const unitsPerTrial = pbsCost({ configs, trials: 1 });
  for (let done = 0; done < count; done += block) {
    const n = Math.min(block, count - done);
    fillBlock(delays, samplers, streams, n);
    for (let c = 0; c < configs.length; c++) {
      const { n: size, r, w } = configs[c];
      warsBlock(size, r, w, delays, n, outcomes[c], done, scratches[c]);
    }
    context?.work?.(n * unitsPerTrial);
    context?.progress?.((done + n) / count);
  }
  for (const o of outcomes) {
    o.staleUntilMs.sort();
    o.readLatencyMs.sort();
    o.writeLatencyMs.sort();
  }
  return { from, to, outcomes };
}

/**
 * The sweep from shares covering trials 0..trials-1 (any split, any order given). Each share's outcomes are
 * sorted already; they are read as one sorted sequence without merging them (core/stats SortedRuns): the
 * grid's fractions and the curves' quantiles come from binary searches, so the pool's serial part stays
 * small. The same bits whatever the split. A curve's outcome arrays are merged only when read.
 */
export function pbsMerge(options: PbsSweepOptions, shares: readonly PbsTrials[]): PbsSweepResult {
  const { configs, trials } = options;
  const grid = options.tGridMs === undefined ? undefined : checkedGrid(options.tGridMs);
  const ordered = [...shares].sort((a, b) => a.from - b.from);
  let at = 0;
  for (const share of ordered) {
    if (share.from !== at || share.outcomes.length !== configs.length) throw new Error(`invalid trial shares: a gap or overlap at trial ${at}`);
    at = share.to;
  }
  if (at !== trials) throw new Error(`invalid trial shares: they end at trial ${at}, not ${trials}`);
  const runs: CurveRuns[] = configs.map((_, c) => {
    const one = (pick: (o: WarsOutcomes) => Float64Array) => new SortedRuns(ordered.map((share) => pick(share.outcomes[c])));
    return { stale: one((o) => o.staleUntilMs), read: one((o) => o.readLatencyMs), write: one((o) => o.writeLatencyMs) };
  });
  const tMs = grid ?? defaultGrid(runs);
  const curves = configs.map(({ n, r, w }, c): PbsCurve => {
    const o = runs[c];
    const pConsistent = new Float64Array(tMs.length);
    for (let k = 0; k < tMs.length; k++) pConsistent[k] = fractionAtMost(o.stale, tMs[k]);
    const curve = { n, r, w, isStrict: r + w > n, pConsistent } as PbsCurve;
    // The outcome arrays: the runs' merge, built when a reader asks for it.
    Object.defineProperty(curve, 'staleUntilMs', { get: () => o.stale.merged(), enumerable: true });
    Object.defineProperty(curve, 'readLatencyMs', { get: () => o.read.merged(), enumerable: true });
    Object.defineProperty(curve, 'writeLatencyMs', { get: () => o.write.merged(), enumerable: true });
    CURVE_RUNS.set(curve, o);
    return curve;
  });
  return { tMs, trials, curves };
}

/** A curve's outcomes as sorted runs (the shares'), kept beside the curves pbsMerge made. */
interface CurveRuns {
  stale: SortedRuns;
  read: SortedRuns;
  write: SortedRuns;
}
const CURVE_RUNS = new WeakMap<object, CurveRuns>();

function checkedGrid(values: ArrayLike<number>): Float64Array {
  if (!(values.length >= 1 && values.length <= GRID_POINTS_MAX)) throw new Error(`invalid tGridMs length: ${values.length}`);
  const grid = Float64Array.from(values);
  for (let k = 0; k < grid.length; k++) {
    if (!(grid[k] >= 0 && Number.isFinite(grid[k]))) throw new Error(`invalid tGridMs[${k}]: ${grid[k]}`);
    if (k > 0 && grid[k] < grid[k - 1]) throw new Error(`invalid tGridMs: not ascending at ${k}`);
  }
  return grid;
}

/** 0 to 1.25 x the slowest configuration's 99.9% point (1 ms when every read is consistent at once). */
function defaultGrid(runs: CurveRuns[]): Float64Array {
  let end = 0;
  for (const o of runs) end = Math.max(end, tAtProbability(o.stale, 0.999));
  end = end > 0 ? end * 1.25 : 1;
  const grid = new Float64Array(DEFAULT_GRID_POINTS);
  for (let k = 0; k < grid.length; k++) grid[k] = (end * k) / (grid.length - 1);
  return grid;
}

/** Share of the values that are <= x. */
function fractionAtMost(sorted: SortedRuns, x: number): number {
  return sorted.length === 0 ? NaN : sorted.countAtMost(x) / sorted.length;
}

/** Least t >= 0 with a share >= p of the values <= t. */
function tAtProbability(sorted: SortedRuns, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p > 0 && p <= 1)) return NaN;
  // The small slack keeps 0.999 x 100000 (= 99900.00000000001 in floats) at 99900 trials.
  const needed = Math.max(1, Math.ceil(p * n - 1e-9));
  return Math.max(0, sorted.at(needed - 1));
}

/** A curve's runs: pbsMerge's, else its arrays as one run each. */
function runsOf(curve: Partial<Pick<PbsCurve, 'staleUntilMs' | 'readLatencyMs' | 'writeLatencyMs'>>, which: keyof CurveRuns): SortedRuns {
  const known = CURVE_RUNS.get(curve);
  if (known) return known[which];
  const array = which === 'stale' ? curve.staleUntilMs : which === 'read' ? curve.readLatencyMs : curve.writeLatencyMs;
  return new SortedRuns([array ?? new Float64Array()]);
}

/** P(consistent read) t ms after commit, from a curve's trials (any t, not only the grid's). */
export function consistencyAt(curve: Pick<PbsCurve, 'staleUntilMs'>, tMs: number): number {
  return fractionAtMost(runsOf(curve, 'stale'), tMs);
}

/**
 * t-visibility: the least t (ms after commit) at which at least a share p (0 < p <= 1) of reads are
 * consistent, the paper's "t for a 99.9% probability of consistent reads" with p = 0.999. 0 when reads
 * are that consistent at commit already.
 */
export function tVisibilityMs(curve: Pick<PbsCurve, 'staleUntilMs'>, p: number): number {
  return tAtProbability(runsOf(curve, 'stale'), p);
}

/** The p-quantile (0..1) of a curve's read or write latency, e.g. latencyMs(curve, 'read', 0.999). */
export function latencyMs(curve: Pick<PbsCurve, 'readLatencyMs' | 'writeLatencyMs'>, op: 'read' | 'write', p: number): number {
  return quantileOfRuns(runsOf(curve, op), p);
}

export interface PbsExperimentOptions extends QuorumConfig, Omit<PbsSweepOptions, 'configs'> {}

/** One configuration's curve with its grid: the single-configuration form of `pbsSweep`. */
export interface PbsExperimentResult extends PbsCurve {
  tMs: Float64Array;
  trials: number;
}

/** `pbsSweep` for one (n, r, w): same draws as that configuration gets inside any sweep with this seed. */
export function pbsExperiment(options: PbsExperimentOptions): PbsExperimentResult {
  const { n, r, w, ...rest } = options;
  const result = pbsSweep({ ...rest, configs: [{ n, r, w }] });
  return { ...result.curves[0], tMs: result.tMs, trials: result.trials };
}
