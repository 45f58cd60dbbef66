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
import { trialScenario, type ElectionRange, type ElectionTimesOptions } from '../experiment';
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
  check(options);
  const trialsOf = (r: ElectionRange) => r.trials ?? options.trials;
  const total = options.ranges.reduce((sum, r) => sum + trialsOf(r), 0);
  let done = 0;
  let events = 0;
  const curves = options.ranges.map(({ minMs, maxMs, trials }, range) => {
    const downtime = new Float64Array(trials ?? options.trials);
    for (let trial = 0; trial < downtime.length; trial++) {
      const t = runTrial(trialScenario(options, range, trial));
      downtime[trial] = t.downtimeMs;
      events += t.events;
      context?.work(t.events);
      if (++done % 50 === 0 || done === total) context?.progress(done / total);
    }
    return curveOf(minMs, maxMs, downtime);
  });
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
