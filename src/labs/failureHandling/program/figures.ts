/**
 * A run's series and totals from its host's records: outcomes and latencies per bin (requests counted in
 * the bin they end), goodput (answered with data within the deadline), throughput (server completions),
 * error and rejection rates (rejections apart: a fast "no" is not a failure), p50 and p99, the sampled
 * gauges, and the time to recover once the last fault has ended (the metastability signature).
 */
import { quantileSorted } from '../../../core/stats';
import { ticksToMs } from '../../../sim/kit/time';
import { Outcome, type RunFigures, type Series, type Totals } from '../result';
import type { Host } from './host';

const OUTCOMES = 7;
/** Goodput counts as recovered at this fraction of the arrivals, for this many bins in a row. */
export const RECOVERED_FRACTION = 0.9;
export const RECOVERED_BINS = 4;

function isAnswered(o: number): boolean {
  return o === Outcome.ok || o === Outcome.stale || o === Outcome.local;
}

export function figuresOf(host: Host, triggerEndMs: number): RunFigures {
  const c = host.c;
  const bins = c.bins;
  const perSec = 1000 / ticksToMs(c.bin);
  const arrivals = new Float64Array(bins);
  const outcomes = new Float64Array(OUTCOMES * bins);
  const goodput = new Float64Array(bins);
  const latencies: number[][] = Array.from({ length: bins }, () => []);
  const all: number[] = [];
  const totalsByOutcome = new Array<number>(OUTCOMES).fill(0);
  let good = 0;
  for (let id = 0; id < host.arriveTick.length; id++) {
    arrivals[host.binOf(host.arriveTick[id])]++;
    const o = host.outcome[id];
    totalsByOutcome[o]++;
    if (o === Outcome.open) continue;
    const b = host.binOf(host.endTick[id]);
    outcomes[o * bins + b]++;
    if (!isAnswered(o)) continue;
    const latency = host.endTick[id] - host.arriveTick[id];
    latencies[b].push(latency);
    all.push(latency);
    if (latency <= c.deadline) {
      goodput[b]++;
      good++;
    }
  }
  const p50Ms = new Float64Array(bins);
  const p99Ms = new Float64Array(bins);
  const errorPct = new Float64Array(bins);
  const rejectedPct = new Float64Array(bins);
  const throughput = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    const sorted = Float64Array.from(latencies[b]).sort();
    p50Ms[b] = sorted.length ? ticksToMs(quantileSorted(sorted, 0.5)) : Number.NaN;
    p99Ms[b] = sorted.length ? ticksToMs(quantileSorted(sorted, 0.99)) : Number.NaN;
    let ended = 0;
    for (let o = 0; o < Outcome.open; o++) ended += outcomes[o * bins + b];
    errorPct[b] = ended ? (100 * outcomes[Outcome.error * bins + b]) / ended : 0;
    rejectedPct[b] = ended ? (100 * outcomes[Outcome.rejected * bins + b]) / ended : 0;
    goodput[b] *= perSec;
    throughput[b] = host.completions[b] * perSec;
  }
  const series: Series = {
    binMs: ticksToMs(c.bin), bins, arrivals, firstTries: host.firstTries, retries: host.retries, outcomes, goodput, throughput, errorPct, rejectedPct,
    p50Ms, p99Ms, serverQueue: host.serverQueue, retryQueue: host.retryQueue, retryOldestMs: host.oldestAgeMs, dlq: host.dlqDepth, breakersOpen: host.breakersOpen,
  };
  const sortedAll = Float64Array.from(all).sort();
  const firstTries = sum(host.firstTries);
  const retries = sum(host.retries);
  const ended = totalsByOutcome.slice(0, Outcome.open).reduce((a, x) => a + x, 0);
  const staleAge = Float64Array.from(host.staleAge).sort();
  const missMean = mean(host.missLatency);
  const totals: Totals = {
    arrivals: host.arriveTick.length,
    outcomes: totalsByOutcome,
    firstTries,
    retries,
    amplification: firstTries ? (firstTries + retries) / firstTries : Number.NaN,
    goodput: good,
    completions: sum(host.completions),
    lateReplies: host.lateReplies,
    p50Ms: sortedAll.length ? ticksToMs(quantileSorted(sortedAll, 0.5)) : Number.NaN,
    p99Ms: sortedAll.length ? ticksToMs(quantileSorted(sortedAll, 0.99)) : Number.NaN,
    roundTripP999Ms: host.calmRoundTrips.length ? ticksToMs(quantileSorted(Float64Array.from(host.calmRoundTrips).sort(), 0.999)) : Number.NaN,
    errorPct: ended ? (100 * totalsByOutcome[Outcome.error]) / ended : 0,
    recoverMs: recoverMsOf(series, triggerEndMs),
    breakerOpens: host.breakerOpens,
    breakerRejected: host.breakerRejected,
    budgetDenied: host.budgetDenied,
    shed: host.shed,
    throttled: host.throttled,
    dropped: host.dropped,
    queueDone: host.queueDone,
    dlqCount: host.dlqCount,
    queuePeak: Math.max(0, ...host.retryQueue),
    queueOldestMs: Math.max(0, ...host.oldestAgeMs),
    duplicates: host.duplicates,
    staleServed: host.staleAge.length,
    staleAgeP50Ms: staleAge.length ? ticksToMs(quantileSorted(staleAge, 0.5)) : Number.NaN,
    staleAgeMaxMs: staleAge.length ? ticksToMs(staleAge[staleAge.length - 1]) : Number.NaN,
    // Stale answers take no time at the caller: what they save is what a trip downstream costs.
    latencySavedMs: host.staleAge.length && host.missLatency.length ? ticksToMs(missMean) : Number.NaN,
    cacheHits: host.cacheHits,
    localServed: totalsByOutcome[Outcome.local],
    conflicts: host.conflicts,
    lostWrites: host.lostWrites,
    replayed: host.replayed,
  };
  return { strategy: c.strategy, series, totals };
}

/**
 * From the end of the last fault: the first bin b whose window [b, b + RECOVERED_BINS) answered at least
 * RECOVERED_FRACTION of the requests that arrived in it with goodput, its start minus the trigger's end
 * (a window, not single bins, so Poisson noise in one bin does not decide). NaN without a fault, or when
 * goodput never comes back before the run ends.
 */
export function recoverMsOf(series: Series, triggerEndMs: number): number {
  if (Number.isNaN(triggerEndMs)) return Number.NaN;
  const perSec = 1000 / series.binMs;
  const first = Math.ceil(triggerEndMs / series.binMs);
  for (let b = first; b + RECOVERED_BINS <= series.bins; b++) {
    let good = 0;
    let arrived = 0;
    for (let k = b; k < b + RECOVERED_BINS; k++) {
      good += series.goodput[k] / perSec;
      arrived += series.arrivals[k];
    }
    if (arrived > 0 && good >= RECOVERED_FRACTION * arrived) return Math.max(0, b * series.binMs - triggerEndMs);
  }
  return Number.NaN;
}

function sum(xs: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i];
  return total;
}

function mean(xs: readonly number[]): number {
  return xs.length ? sum(xs) / xs.length : Number.NaN;
}
