/**
 * What the consensus Panel shows, derived from the result and its scenario by pure functions (tested in
 * Node): the setting in words, the verdict, who led when, the servers to ring at t, and the election-time
 * experiment's curves, the paper's points beside them and the scenario that opens one trial.
 */
import { FINDING_TITLES } from '../../../core/raft/finding';
import type { LinePoint, LineSeries } from '../../../viz/lineChart/layout';
import { experimentOptions, PAPER_MEANS, PAPER_POINTS, trialScenario } from '../experiment';
import { BROKEN_VARIANT_HELP, type ConsensusResult, type ElectionTimesCurve, type ExperimentResult, type StampedFinding } from '../result';
import type { ConsensusScenario } from '../scenario';
import { formatNumber } from '../../../viz/shared/format';

const ms = (v: number) => `${v.toFixed(1)} ms`;

/** The switches and timers of the run in one line: "PreVote off · CheckQuorum on · broken rule: none · ...". */
export function settingWords(s: ConsensusScenario): string {
  const onOff = (b: boolean) => (b ? 'on' : 'off');
  return `PreVote ${onOff(s.preVote)} · CheckQuorum ${onOff(s.checkQuorum)} · broken rule: ${s.broken} · ${s.servers} servers, timeouts ${s.electionMsMin}–${s.electionMsMax} ms, heartbeat ${s.heartbeatMs} ms, hops ${s.latencyMsMin}–${s.latencyMsMax} ms`;
}

/** What the broken rule does, '' when none is on. */
export function brokenWords(s: ConsensusScenario): string {
  return s.broken === 'none' ? '' : `Broken: ${BROKEN_VARIANT_HELP[s.broken]}`;
}

/** The violation's headline: "Leader Completeness broke at 812.345 ms (step 4,321)". */
export function violationTitle(v: StampedFinding): string {
  const rule = FINDING_TITLES[v.kind].split(':')[0];
  return `${rule} broke at ${v.tMs.toFixed(3)} ms (step ${formatNumber(v.step)})`;
}

export function verdictTitle(r: ConsensusResult): string {
  return r.verdict.violation ? `✗ ${violationTitle(r.verdict.violation)}` : '✓ Raft\'s five safety invariants held at every step';
}

/** Servers to ring at t: those the lesson step names, and from the violation's step on, those it involves. */
export function ringedServers(r: ConsensusResult, isPastViolation: boolean, lessonNodes: readonly string[] | undefined): number[] {
  const out = new Set<number>();
  for (const name of lessonNodes ?? []) {
    const i = r.stage.nodeNames.indexOf(name);
    if (i >= 0) out.add(i);
  }
  if (isPastViolation) for (const s of r.verdict.violation?.servers ?? []) out.add(s);
  return [...out].sort((a, b) => a - b);
}

export interface LeadershipRow {
  server: number;
  term: number;
  startMs: number;
  endMs: number;
}

export function leaderships(r: ConsensusResult): LeadershipRow[] {
  const l = r.leaders;
  return Array.from(l.server, (server, i) => ({ server, term: l.term[i], startMs: l.startMs[i], endMs: l.endMs[i] }));
}

/** Times without a leader in words: "s0 (leader of term 1) crashed at 600.0 ms; every server heard the next leader at 812.3 ms: 212.3 ms without a leader." */
export function gapWords(r: ConsensusResult): string[] {
  return r.gaps.map((g) => Number.isNaN(g.endMs)
    ? `s${g.server} (leader of term ${g.term}) crashed at ${ms(g.crashMs)}; no newer leader was heard by every running server before the run ended.`
    : `s${g.server} (leader of term ${g.term}) crashed at ${ms(g.crashMs)}; every running server heard a newer leader at ${ms(g.endMs)}: ${ms(g.endMs - g.crashMs)} without a leader.`);
}

/** Quantile p of a curve (nearest rank over all trials; Infinity when it falls on a censored trial). */
export function quantile(c: ElectionTimesCurve, p: number): number {
  const n = c.downtimeMs.length;
  return c.downtimeMs[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
}

/**
 * Points sampled along a curve's CDF: at most `count`, at even steps of rank, censored trials left out;
 * with the rank (into downtimeMs) each point stands for.
 */
export function cdfPoints(c: ElectionTimesCurve, count = 60): { points: LinePoint[]; ranks: number[] } {
  const n = c.downtimeMs.length;
  const points: LinePoint[] = [];
  const ranks: number[] = [];
  const shown = Math.min(count, n);
  for (let k = 1; k <= shown; k++) {
    const rank = Math.ceil((k * n) / shown) - 1;
    const x = c.downtimeMs[rank];
    if (!Number.isFinite(x)) break;
    points.push({ x, y: (100 * (rank + 1)) / n, title: `${rangeName(c)}: ${formatPercent((rank + 1) / n)} of trials had a leader within ${ms(x)} (click: open trial ${c.trialOf[rank]})` });
    ranks.push(rank);
  }
  return { points, ranks };
}

const formatPercent = (f: number) => `${(100 * f).toFixed(1)}%`;

export function rangeName(c: { minMs: number; maxMs: number }): string {
  return `${c.minMs}–${c.maxMs} ms`;
}

/** One line per range: its CDF (percent of trials with a leader against ms since the crash), and each point's trial rank. */
export function curveSeries(e: ExperimentResult): { series: LineSeries[]; ranks: number[][] } {
  const sampled = e.curves.map((c) => cdfPoints(c));
  return { series: e.curves.map((c, i) => ({ name: rangeName(c), points: sampled[i].points })), ranks: sampled.map((x) => x.ranks) };
}

/** The paper's points of each range drawn (index into e.curves), in percent. */
export function paperMarks(e: ExperimentResult): { curve: number; x: number; y: number; title: string }[] {
  return PAPER_POINTS.flatMap((p) => {
    const curve = e.curves.findIndex((c) => c.minMs === p.minMs && c.maxMs === p.maxMs);
    if (curve < 0) return [];
    const what = p.p === 0.5 ? 'median' : p.p === 1 ? 'slowest trial' : `${Math.round(p.p * 100)}th percentile`;
    return [{ curve, x: p.ms, y: 100 * p.p, title: `The paper, ${rangeName(p)}: ${what} ${ms(p.ms)}` }];
  });
}

export interface CurveRow {
  range: number;
  name: string;
  trials: number;
  censored: number;
  median: number;
  p90: number;
  mean: number;
  paperMedian: number | undefined;
  paperP90: number | undefined;
  paperMean: number | undefined;
  /** Ranks (into downtimeMs) of the trials offered to open: the median and the slowest uncensored. */
  medianRank: number;
  slowestRank: number;
}

export function curveRows(e: ExperimentResult): CurveRow[] {
  return e.curves.map((c, range) => {
    const paper = (p: number) => PAPER_POINTS.find((x) => x.minMs === c.minMs && x.maxMs === c.maxMs && x.p === p)?.ms;
    const n = c.downtimeMs.length;
    return {
      range, name: rangeName(c), trials: n, censored: c.censored,
      median: quantile(c, 0.5), p90: quantile(c, 0.9), mean: c.meanMs,
      paperMedian: paper(0.5), paperP90: paper(0.9),
      paperMean: PAPER_MEANS.find((m) => m.minMs === c.minMs && m.maxMs === c.maxMs)?.ms,
      medianRank: Math.min(n - 1, Math.ceil(0.5 * n) - 1),
      slowestRank: n - c.censored - 1,
    };
  });
}

/**
 * The single run of one trial (rank `rank` of range `range`) of the experiment `s` asked for: the trial's
 * scenario, ended a few election timeouts after its leader came back so the scrubber spans what matters
 * (the run up to there is the trial's, step for step). Also the crash's time, where the playhead goes.
 */
export function openTrial(s: ConsensusScenario, e: ExperimentResult, range: number, rank: number): { scenario: ConsensusScenario; crashMs: number } {
  const c = e.curves[range];
  const trial = trialScenario(experimentOptions(s), range, c.trialOf[rank]);
  const crashMs = trial.events.at(-1)!.t;
  const downtime = c.downtimeMs[rank];
  const durationMs = Number.isFinite(downtime) ? Math.min(trial.durationMs, Math.ceil(crashMs + downtime + 2 * c.maxMs)) : trial.durationMs;
  return { scenario: { ...trial, durationMs }, crashMs };
}
