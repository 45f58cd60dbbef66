/**
 * The election-time experiment, the lab's second program entry: the Raft paper's Figure 16 (§9.3; the
 * same benchmark is §9.4 of Ongaro's dissertation). Five servers; the leader s0 broadcasts AppendEntries
 * to every follower (the synchronized heartbeat, carrying its new entry), then crashes at a uniformly
 * random point of its heartbeat interval (half the minimum election timeout); two of the four survivors
 * (s3, s4) hold logs too short to win, because their replies never reach the leader (a one-way cut), so
 * it never catches them up. A trial measures the time without a leader: from the crash until every
 * surviving server has heard the new leader's first AppendEntries. Thousands of trials per election
 * timeout range give one CDF each.
 *
 * Every trial is an ordinary scenario of the lab (`trialScenario` in ../experiment.ts): opening it as a
 * single run replays the trial exactly (same seed, same crash time, same downtime). A trial still leaderless `capMs` after the
 * crash is censored (its downtime is Infinity; the paper's 150-150 ms trials took 10 s to 9 minutes).
 */
import { ecdf } from '../../../core/stats/ecdf';
import type { RunContext } from '../../contract';
import { trialScenario, type ElectionTimesOptions } from '../experiment';
import type { ElectionTimesCurve } from '../result';
import type { ConsensusScenario } from '../scenario';
import { simulate } from './simulate';

export { FIGURE16_OPTIONS, FIGURE16_RANDOMNESS, FIGURE16_SCALE, trialScenario, type ElectionRange, type ElectionTimesOptions } from '../experiment';
export type { ElectionTimesCurve } from '../result';

export const TRIALS_MAX = 100_000;
export const RANGES_MAX = 16;

export interface ElectionTimesResult {
  options: ElectionTimesOptions;
  curves: ElectionTimesCurve[];
  /** Engine events over all trials. */
  events: number;
}

/** One trial: its downtime in ms (Infinity when censored) and the engine events it took. */
export function runTrial(s: ConsensusScenario): { downtimeMs: number; events: number } {
  const run = simulate(s, { stopWhenLeaderBack: true });
  const gap = run.obs.gaps[0];
  return { downtimeMs: gap ? gap.endMs - gap.crashMs : Infinity, events: run.sim.events };
}

export function electionTimes(options: ElectionTimesOptions, context?: RunContext): ElectionTimesResult {
  return electionCurves(options, [electionTrials(options, 0, trialCount(options), context)]);
}

/** Every range's trials: the units a pool of workers splits. */
export function trialCount(options: ElectionTimesOptions): number {
  check(options);
  return options.ranges.reduce((sum, r) => sum + (r.trials ?? options.trials), 0);
}

/**
 * The units in order: trial 0 of every range, then trial 1 of every range, ... (a range with fewer trials drops
 * out). Interleaved so that any contiguous share of them holds every range about equally: a range's trials
 * cost very different amounts (12-24 ms timeouts split votes for seconds), and a share of whole ranges would
 * leave one worker with the slow ones. Returns [range, trial] per unit, packed.
 */
function unitOrder(options: ElectionTimesOptions): Int32Array {
  const counts = options.ranges.map((r) => r.trials ?? options.trials);
  const most = Math.max(...counts);
  const out = new Int32Array(2 * counts.reduce((a, b) => a + b, 0));
  let k = 0;
  for (let trial = 0; trial < most; trial++) {
    for (let range = 0; range < counts.length; range++) {
      if (trial >= counts[range]) continue;
      out[k++] = range;
      out[k++] = trial;
    }
  }
  return out;
}

/** Trials of units from..to-1: their downtimes (ms, Infinity when censored) and engine events. */
export interface ElectionTrials {
  from: number;
  to: number;
  downtimeMs: Float64Array;
  events: number;
}

/** Runs the trials of units from..to-1 (each its own seeded scenario, so any split gives the same trials). */
export function electionTrials(options: ElectionTimesOptions, from: number, to: number, context?: RunContext): ElectionTrials {
  const total = trialCount(options);
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= total)) throw new Error(`invalid trial range: ${from}..${to}`);
  const order = unitOrder(options);
  const downtimeMs = new Float64Array(to - from);
  let events = 0;
  for (let u = from; u < to; u++) {
    const t = runTrial(trialScenario(options, order[2 * u], order[2 * u + 1]));
    downtimeMs[u - from] = t.downtimeMs;
    events += t.events;
    context?.work(t.events);
    const done = u + 1 - from;
    if (done % 50 === 0 || u + 1 === to) context?.progress(done / (to - from));
  }
  return { from, to, downtimeMs, events };
}

/** The curves from trial shares covering every unit (given in order). */
export function electionCurves(options: ElectionTimesOptions, shares: readonly ElectionTrials[]): ElectionTimesResult {
  const total = trialCount(options);
  const order = unitOrder(options);
  const byRange = options.ranges.map((r) => new Float64Array(r.trials ?? options.trials));
  let at = 0;
  let events = 0;
  for (const share of shares) {
    if (share.from !== at || share.downtimeMs.length !== share.to - share.from) throw new Error(`invalid trial shares: a gap or overlap at trial ${at}`);
    for (let u = share.from; u < share.to; u++) byRange[order[2 * u]][order[2 * u + 1]] = share.downtimeMs[u - share.from];
    at = share.to;
    events += share.events;
  }
  if (at !== total) throw new Error(`invalid trial shares: they end at trial ${at}, not ${total}`);
  const curves = options.ranges.map(({ minMs, maxMs }, range) => curveOf(minMs, maxMs, byRange[range]));
  return { options, curves, events };
}

function curveOf(minMs: number, maxMs: number, downtime: Float64Array): ElectionTimesCurve {
  const order = Uint32Array.from(downtime.keys()).sort((a, b) => downtime[a] - downtime[b] || a - b);
  const sorted = Float64Array.from(order, (i) => downtime[i]);
  const finite = sorted.filter((x) => x !== Infinity);
  const cdf = ecdf(finite);
  const share = finite.length / sorted.length;
  for (let i = 0; i < cdf.p.length; i++) cdf.p[i] *= share;
  let sum = 0;
  for (const x of finite) sum += x;
  return { minMs, maxMs, downtimeMs: sorted, trialOf: order, censored: sorted.length - finite.length, cdf, meanMs: finite.length ? sum / finite.length : NaN };
}

function check(o: ElectionTimesOptions): void {
  const isTrials = (n: number) => Number.isInteger(n) && n >= 1 && n <= TRIALS_MAX;
  if (!isTrials(o.trials)) throw new Error(`trials must be 1..${TRIALS_MAX}, got ${o.trials}`);
  if (!(o.ranges.length >= 1 && o.ranges.length <= RANGES_MAX)) throw new Error(`ranges must be 1..${RANGES_MAX}, got ${o.ranges.length}`);
  for (const { minMs, maxMs, trials } of o.ranges) {
    if (!(minMs >= 2 && maxMs >= minMs && maxMs <= 10_000)) throw new Error(`an election timeout range must be 2 <= min <= max <= 10,000 ms, got ${minMs}-${maxMs}`);
    if (trials !== undefined && !isTrials(trials)) throw new Error(`trials must be 1..${TRIALS_MAX}, got ${trials} for ${minMs}-${maxMs} ms`);
  }
  if (!(o.capMs >= 1 && o.capMs <= 600_000)) throw new Error(`capMs must be 1..600,000, got ${o.capMs}`);
}
