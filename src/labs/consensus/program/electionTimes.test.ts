/**
 * The election-time experiment against the Raft paper's Figure 16 (Ongaro & Ousterhout 2014, §9.3; the
 * same benchmark is §9.4 of Ongaro's dissertation). The paper's numbers below come from its text and
 * from the figure's own plot data (ongardie/dissertation, leaderelection/benchmarks-scale.svg and
 * benchmarks-randomness.svg: the step curves read back into milliseconds; the text's 287, 513, 35 and
 * 152 ms are recovered to within 1 ms, which checks the reading).
 *
 * The paper's points and means are ../experiment.ts's PAPER_POINTS and PAPER_MEANS (the UI draws the same).
 *
 * Method: 400 trials per range (the paper ran 1,000; 100 for 150-150), hop 2-5 ms (FIGURE16_OPTIONS),
 * one experiment shared by the tests below. Where we match and how closely (our values at 400 trials):
 *
 *   range     paper median / mean      ours median / mean     tolerance asserted
 *   12-24     30.0 / 35 (max 152)      32.8 / 39.3 (max 120)  median +-20%, mean +-25%, max <= 152 x 1.5
 *   50-100    66.7 / 71.3              70.2 / 77.4            median +-15%, mean +-15%
 *   150-300   171.3 / 180.6 (p90 244)  178.6 / 190.7 (p90 253) median +-10%, mean +-10%, p90 +-10%
 *   150-155   287 / 345                308.5 / 470            median +-20%
 *   150-200   146.5 / 155.9            148.8 / 166.6          median +-10%, mean +-15%
 *
 * Where we do not match: our split votes are more frequent in narrow ranges, so tails are heavier
 * (150-200: p90 293 ms against 193.5; 150-155: p90 912 against 609); 150-151 takes longer (median
 * 3.6 s against 1.2 s); and 150-150 is bimodal: a few trials elect in the first round (the heartbeat's
 * arrival spread the timers by more than a hop), the rest never do, because simulated timers have no
 * jitter to break the symmetry (the paper: every trial over 10 s, median 41 s). Both are asserted below.
 */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { PAPER_MEANS, paperPoint } from '../experiment';
import { electionTimes, FIGURE16_OPTIONS, trialScenario, type ElectionTimesCurve, type ElectionTimesOptions } from './electionTimes';
import { program } from './program';

const options: ElectionTimesOptions = {
  ...FIGURE16_OPTIONS,
  trials: 400,
  capMs: 20_000,
  ranges: [
    { minMs: 12, maxMs: 24 }, { minMs: 50, maxMs: 100 }, { minMs: 150, maxMs: 300 },
    { minMs: 150, maxMs: 155 }, { minMs: 150, maxMs: 200 }, { minMs: 150, maxMs: 151, trials: 100 }, { minMs: 150, maxMs: 150, trials: 40 },
  ],
};
const progress: number[] = [];
let work = 0;
const result = electionTimes(options, { progress: (f) => progress.push(f), work: (u) => (work += u) });
const curve = (min: number, max: number): ElectionTimesCurve => result.curves.find((c) => c.minMs === min && c.maxMs === max)!;
/** The p-quantile (nearest rank) of a curve's downtimes, Infinity for censored trials. */
const q = (c: ElectionTimesCurve, p: number) => c.downtimeMs[Math.min(c.downtimeMs.length - 1, Math.ceil(p * c.downtimeMs.length) - 1)];
const mean = (min: number, max: number) => PAPER_MEANS.find((m) => m.minMs === min && m.maxMs === max)!.ms;
const within = (ours: number, paper: number, share: number) => expect(Math.abs(ours - paper) / paper, `${ours} vs the paper's ${paper}`).toBeLessThanOrEqual(share);

describe('election-time experiment (Figure 16)', () => {
  it('bottom graph, minimum timeout scaled: medians and means as the paper\'s', () => {
    within(q(curve(12, 24), 0.5), paperPoint(12, 24, 0.5), 0.2);
    within(curve(12, 24).meanMs, mean(12, 24), 0.25);
    expect(q(curve(12, 24), 1)).toBeLessThanOrEqual(paperPoint(12, 24, 1) * 1.5);
    within(q(curve(50, 100), 0.5), paperPoint(50, 100, 0.5), 0.15);
    within(curve(50, 100).meanMs, mean(50, 100), 0.15);
    within(q(curve(150, 300), 0.5), paperPoint(150, 300, 0.5), 0.1);
    within(curve(150, 300).meanMs, mean(150, 300), 0.1);
    within(q(curve(150, 300), 0.9), paperPoint(150, 300, 0.9), 0.1);
  });

  it('no downtime is below half the minimum timeout (the crash falls within a heartbeat interval) plus a vote round trip', () => {
    for (const c of result.curves) expect(c.downtimeMs[0]).toBeGreaterThanOrEqual(c.minMs / 2 + 3 * options.latencyMsMin);
  });

  it('top graph, randomness: 5 ms of it gives a median near the paper\'s 287 ms; 50 ms a median near 146.5 ms', () => {
    within(q(curve(150, 155), 0.5), paperPoint(150, 155, 0.5), 0.2);
    within(q(curve(150, 200), 0.5), paperPoint(150, 200, 0.5), 0.1);
    within(curve(150, 200).meanMs, mean(150, 200), 0.15);
    expect(q(curve(150, 151), 0.5)).toBeGreaterThan(q(curve(150, 155), 0.5));
    expect(q(curve(150, 155), 0.5)).toBeGreaterThan(q(curve(150, 200), 0.5));
  });

  it('where we differ: heavier split-vote tails in narrow ranges, a slower 150-151, and a 150-150 that mostly never elects', () => {
    expect(q(curve(150, 200), 0.9)).toBeGreaterThan(paperPoint(150, 200, 0.9) * 1.2);
    expect(q(curve(150, 155), 0.9)).toBeGreaterThan(paperPoint(150, 155, 0.9));
    const median151 = q(curve(150, 151), 0.5);
    expect(median151).toBeGreaterThan(paperPoint(150, 151, 0.5));
    expect(median151).toBeLessThan(3 * paperPoint(150, 151, 0.5) * 1.5);
    const fixed = curve(150, 150);
    expect(fixed.censored / fixed.downtimeMs.length).toBeGreaterThanOrEqual(0.7);
  });

  it('a trial opens as a single run: its scenario replays the same downtime', () => {
    const range = options.ranges.findIndex((r) => r.minMs === 150 && r.maxMs === 155);
    const c = result.curves[range];
    for (const k of [0, 199, 399]) {
      const trial = c.trialOf[k];
      const r = program(trialScenario(options, range, trial), plainContext());
      expect(r.metrics.downtimeMs).toBe(c.downtimeMs[k]);
      expect(r.verdict.ok).toBe(true);
    }
  });

  it('reports progress up to 1 and counts its engine events as work', () => {
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(work).toBe(result.events);
  });

  it('refuses ranges and trial counts it cannot run', () => {
    expect(() => electionTimes({ ...options, trials: 0 })).toThrow(/trials must be/);
    expect(() => electionTimes({ ...options, ranges: [{ minMs: 200, maxMs: 100 }] })).toThrow(/200-100/);
  });
});
