/**
 * Everything the Panel shows, derived from the result by pure functions (the lesson test reads the same
 * ones): the stage's views, the agreement readout at t, the convergence table, the anomalies, the
 * availability comparison and the duplicates comparison.
 */
import type { CompareRow } from '../../../viz/compareTable/CompareTable';
import { faultLabel, type FaultEventType } from '../../faultEvents';
import type { CrdtsResult, ViewResult } from '../result';
import type { CrdtsEvent } from '../scenario';

/** A view the stage can draw: the gossip run's views, then the consensus log. */
export interface StageView {
  key: string;
  title: string;
}

export function stageViews(r: CrdtsResult): StageView[] {
  return [...r.views.map((v) => ({ key: v.key, title: v.title })), { key: 'log', title: 'Consensus log' }];
}

/** "1,234.5" */
export function msText(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const [whole, frac] = ms.toFixed(1).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** The script in words: "Partition 3,4 at 800 ms · Heal all links at 2,200 ms" (faults named as the menus name them). */
export function scriptText(events: readonly CrdtsEvent[]): string {
  if (events.length === 0) return 'No faults scripted: click a replica or a link to add one.';
  const shown = events.slice(0, 6).map((e) => `${faultLabel(e as { type: FaultEventType } & Record<string, unknown>)} at ${msText(e.t).replace(/\.0$/, '')} ms`);
  return `Faults: ${shown.join(' · ')}${events.length > 6 ? ` and ${events.length - 6} more` : ''}.`;
}

/** Distinct states among the replicas at t (the last change at or before t). */
export function distinctAt(v: ViewResult, t: number): number {
  let lo = 0;
  let hi = v.agreeMs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (v.agreeMs[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return v.distinct[lo];
}

/** The readout over the stage at t: "Now the 5 replicas hold 3 different states." (then the convergence time once they agree for good). */
export function agreementText(r: CrdtsResult, v: ViewResult, t: number): string {
  const d = distinctAt(v, t);
  if (d > 1) return `Now the ${r.replicas} replicas hold ${d} different states.`;
  const isFinal = v.isConverged && t >= v.settledMs;
  if (!isFinal) return `Now all ${r.replicas} replicas hold the same state.`;
  return `All ${r.replicas} replicas agree from ${msText(v.settledMs)} ms: ${msText(v.convergeMs)} ms after the last update or fault.`;
}

/** The convergence verdict of a view in one sentence. */
export function convergenceText(r: CrdtsResult, v: ViewResult): string {
  if (!v.isConverged) return `${v.title}: the replicas still disagree at the end (${v.finalValues.join(', ')}).`;
  const join = v.equalsJoin ? 'each holds the merge of all' : 'but not the merge of all';
  const after = v.convergeMs === 0 ? 'they already agreed at the last update or fault' : `${msText(v.convergeMs)} ms after the last update or fault (${msText(r.quietMs)} ms)`;
  return `${v.title}: all ${r.replicas} replicas agree on ${v.finalValues[0]} from ${msText(v.settledMs)} ms, ${after}; ${join}.`;
}

/** The convergence table: one row per view. */
export function convergenceRows(r: CrdtsResult): string[][] {
  return r.views.map((v) => [
    v.title,
    v.isCrdt ? 'yes' : 'no',
    v.finalValues.every((x) => x === v.finalValues[0]) ? v.finalValues[0] : v.finalValues.join(' · '),
    v.isConverged ? 'yes' : 'no',
    v.equalsJoin ? 'yes' : 'no',
    v.isConverged ? msText(v.settledMs) : '–',
    v.isConverged ? msText(v.convergeMs) : '–',
    String(v.anomalies.length),
  ]);
}

export const CONVERGENCE_COLUMNS = ['type', 'CRDT', 'value at the end', 'converged', 'each = merge of all', 'agree from (ms)', 'after last update or fault (ms)', 'anomalies'];

/** The gossip line: "Gossip every 250 ms (jittered 0.5x..1.5x) to 1 random peer: 94 messages sent, ..." */
export function gossipText(r: CrdtsResult): string {
  return `Gossip every ${r.gossipMs} ms (jittered 0.5x..1.5x) to ${r.fanout} random peer${r.fanout === 1 ? '' : 's'}: ${r.gossipSent} messages sent, ${r.gossipDelivered} deliveries, ${r.duplicated} duplicated by the network.`;
}

/** Every anomaly of every view, in time order. */
export function anomalyRows(r: CrdtsResult): { view: string; tMs: number; text: string }[] {
  const rows = r.views.flatMap((v) => v.anomalies.map((a) => ({ view: v.title, tMs: a.tMs, text: a.text })));
  return rows.sort((a, b) => a.tMs - b.tMs);
}

/** The CRDT against the consensus log, for the same updates as increments. */
export function availabilityRows(r: CrdtsResult): CompareRow[] {
  const [crdt, log] = r.availability;
  const pct = (ok: number, asked: number) => (asked > 0 ? (100 * ok) / asked : NaN);
  return [
    { key: 'ok', label: 'updates accepted, %', help: `of ${crdt.asked} asked`, better: 'higher', values: [pct(crdt.ok, crdt.asked), pct(log.ok, log.asked)], format: (v) => v.toFixed(1) },
    { key: 'cut', label: 'accepted while cut off from n0, %', help: `of ${crdt.askedCutOff} asked on the side without the log's leader`, better: 'higher', values: [pct(crdt.okCutOff, crdt.askedCutOff), pct(log.okCutOff, log.askedCutOff)], format: (v) => v.toFixed(1) },
    { key: 'p50', label: 'latency p50, ms', better: 'lower', values: [crdt.p50Ms, log.p50Ms], format: (v) => v.toFixed(1) },
    { key: 'p99', label: 'latency p99, ms', better: 'lower', values: [crdt.p99Ms, log.p99Ms], format: (v) => v.toFixed(1) },
  ];
}

export const AVAILABILITY_COLUMNS = ['CRDT (applied at the replica)', 'Consensus log (n0 leads)'];

/** The availability comparison in one sentence. */
export function availabilityText(r: CrdtsResult): string {
  const [crdt, log] = r.availability;
  const refused = log.asked - log.ok;
  return `Of the same ${crdt.asked} updates, the CRDT accepted ${crdt.ok} at once (no message before the answer); the consensus log answered ${log.ok} within the timeout and failed ${refused}, ${log.askedCutOff - log.okCutOff} of them asked on a replica cut off from n0.`;
}

/** Counters: the idempotent merge against the counter adding the increments each message carries. */
export function duplicateRows(r: CrdtsResult): string[][] | undefined {
  const g = r.views.find((v) => v.key === 'g');
  const delta = r.views.find((v) => v.key === 'delta');
  if (!g || !delta) return undefined;
  const made = Number(g.finalValues[0]);
  return g.finalValues.map((value, i) => [`n${i}`, value, delta.finalValues[i], String(Number(delta.finalValues[i]) - made)]);
}

export const DUPLICATE_COLUMNS = ['replica', 'G-Counter (merge: max)', 'adding increments', 'counted twice (or missing, if negative)'];

export function duplicateText(r: CrdtsResult): string {
  const g = r.views.find((v) => v.key === 'g')!;
  return `${g.finalValues[0]} increments were made; the network delivers ${r.duplicatePct} % of messages twice (${r.duplicated} in this run). Every replica's G-Counter reads ${g.finalValues[0]}; the counter that adds the increments each message carries reads ${r.views.find((v) => v.key === 'delta')!.finalValues.join(', ')}.`;
}

/** Most buckets of the agreement chart. */
const AGREEMENT_BUCKETS_MAX = 600;

/**
 * Distinct states among the replicas over time, one series per view (the chart's "nodes" are the views):
 * the most distinct states within each bucket, so a brief disagreement still shows. Markers: the script's
 * faults and the moment each view agreed for good.
 */
export function agreementChart(r: CrdtsResult, script: readonly CrdtsEvent[]) {
  const bucketWidth = Math.max(1, Math.ceil(r.endTime / AGREEMENT_BUCKETS_MAX));
  const bucketCount = Math.max(1, Math.ceil(r.endTime / bucketWidth));
  const values = new Float64Array(r.views.length * bucketCount);
  r.views.forEach((v, row) => {
    let i = 0;
    let current = v.distinct[0];
    for (let b = 0; b < bucketCount; b++) {
      const end = (b + 1) * bucketWidth;
      let most = current;
      for (; i < v.agreeMs.length && v.agreeMs[i] < end; i++) {
        current = v.distinct[i];
        if (current > most) most = current;
      }
      values[row * bucketCount + b] = most;
    }
  });
  const markers = [
    ...script.map((e) => ({ t: e.t, label: faultLabel(e as { type: FaultEventType } & Record<string, unknown>) })),
    ...r.views.flatMap((v, node) => (v.isConverged && v.agreeMs.length > 1 ? [{ t: v.settledMs, label: `${v.title} agrees`, node }] : [])),
  ];
  return { matrix: { values, nodeCount: r.views.length, bucketCount, t0: 0, bucketWidth }, labels: r.views.map((v) => v.title), markers };
}
