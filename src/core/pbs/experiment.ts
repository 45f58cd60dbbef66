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
import { quantileSorted } from '../stats/quantile';
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
 * The sweep from shares covering trials 0..trials-1 (any split, any order given): each share's sorted
 * outcomes merged into one ascending array (a linear merge, so the pool's serial part stays small), sampled
 * on the grid. The same bits whatever the split: the merge orders values as TypedArray sort does.
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
  const outcomes: WarsOutcomes[] = configs.map((_, c) => {
    const one = (pick: (o: WarsOutcomes) => Float64Array) => ordered.map((share) => pick(share.outcomes[c])).reduce(mergeSorted);
    return { staleUntilMs: one((o) => o.staleUntilMs), readLatencyMs: one((o) => o.readLatencyMs), writeLatencyMs: one((o) => o.writeLatencyMs) };
  });
  const tMs = grid ?? defaultGrid(outcomes);
  const curves = configs.map(({ n, r, w }, c): PbsCurve => {
    const o = outcomes[c];
    const pConsistent = new Float64Array(tMs.length);
    for (let k = 0; k < tMs.length; k++) pConsistent[k] = fractionAtMost(o.staleUntilMs, tMs[k]);
    return { n, r, w, isStrict: r + w > n, pConsistent, ...o };
  });
  return { tMs, trials, curves };
}

/** The ascending merge of two ascending arrays, in TypedArray sort's order (-0 before +0, NaN last). */
export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Float64Array(a.length + b.length);
  const hasNaN = a[a.length - 1] !== a[a.length - 1] || b[b.length - 1] !== b[b.length - 1];
  let i = 0;
  let j = 0;
  let k = 0;
  if (!hasNaN) {
    // No NaN (sort puts them last): one comparison per value; ties keep a's first (a stable merge), and the
    // zeros' signs are put in sort's order after.
    while (i < a.length && j < b.length) out[k++] = b[j] < a[i] ? b[j++] : a[i++];
  } else {
    while (i < a.length && j < b.length) {
      const x = a[i];
      const y = b[j];
      // b's head goes first only when it sorts strictly before a's: ties keep a first (a stable merge).
      const yFirst = y < x || (x !== x && y === y) || (y === 0 && x === 0 && Object.is(y, -0) && !Object.is(x, -0));
      out[k++] = yFirst ? b[j++] : a[i++];
    }
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  if (!hasNaN) zerosInSortOrder(out);
  return out;
}

/** The run of zeros in an ascending array, -0s first (what TypedArray sort gives; a merge by < mixes them). */
function zerosInSortOrder(sorted: Float64Array): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < 0) lo = mid + 1;
    else hi = mid;
  }
  let negative = 0;
  let end = lo;
  for (; end < sorted.length && sorted[end] === 0; end++) if (Object.is(sorted[end], -0)) negative++;
  for (let i = lo; i < end; i++) sorted[i] = i - lo < negative ? -0 : 0;
}

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
function defaultGrid(outcomes: WarsOutcomes[]): Float64Array {
  let end = 0;
  for (const o of outcomes) end = Math.max(end, tAtProbability(o.staleUntilMs, 0.999));
  end = end > 0 ? end * 1.25 : 1;
  const grid = new Float64Array(DEFAULT_GRID_POINTS);
  for (let k = 0; k < grid.length; k++) grid[k] = (end * k) / (grid.length - 1);
  return grid;
}

/** Share of the ascending `sorted` values that are <= x (binary search). */
function fractionAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length === 0 ? NaN : lo / sorted.length;
}

/** Least t >= 0 with a share >= p of the ascending values <= t. */
function tAtProbability(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p > 0 && p <= 1)) return NaN;
  // The small slack keeps 0.999 x 100000 (= 99900.00000000001 in floats) at 99900 trials.
  const needed = Math.max(1, Math.ceil(p * n - 1e-9));
  return Math.max(0, sorted[needed - 1]);
}

/** P(consistent read) t ms after commit, from a curve's trials (any t, not only the grid's). */
export function consistencyAt(curve: Pick<PbsCurve, 'staleUntilMs'>, tMs: number): number {
  return fractionAtMost(curve.staleUntilMs, tMs);
}

/**
 * t-visibility: the least t (ms after commit) at which at least a share p (0 < p <= 1) of reads are
 * consistent, the paper's "t for a 99.9% probability of consistent reads" with p = 0.999. 0 when reads
 * are that consistent at commit already.
 */
export function tVisibilityMs(curve: Pick<PbsCurve, 'staleUntilMs'>, p: number): number {
  return tAtProbability(curve.staleUntilMs, p);
}

/** The p-quantile (0..1) of a curve's read or write latency, e.g. latencyMs(curve, 'read', 0.999). */
export function latencyMs(curve: Pick<PbsCurve, 'readLatencyMs' | 'writeLatencyMs'>, op: 'read' | 'write', p: number): number {
  return quantileSorted(op === 'read' ? curve.readLatencyMs : curve.writeLatencyMs, p);
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
