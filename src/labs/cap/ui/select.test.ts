import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import type { RunSummary } from '../result';
import { defaults } from '../scenario';
import {
  availabilitySeries, capChartEnd, cdfSeries, CDF_PERCENTILES, cutFigures, cutHeadline, cutsText, cutSpanText, latencyAt, minorityLine, pacelcRows, percent,
  settingsText,
} from './select';

const result = program(defaults, plainContext());

describe('cap selectors', () => {
  it('cutSpanText names the side cut off, the rest and the span; without a majority it says so; three groups are listed', () => {
    expect(cutSpanText({ fromMs: 150, toMs: 450, groups: [[0, 1, 2], [3, 4]] }, 5)).toBe('n3, n4 cut off from n0, n1, n2, 150–450 ms');
    expect(cutSpanText({ fromMs: 10, toMs: 20.25, groups: [[0, 1], [2, 3]] }, 4)).toBe('n2, n3 cut off from n0, n1, 10–20.3 ms (no majority on either side)');
    expect(cutSpanText({ fromMs: 0, toMs: 5, groups: [[0], [1], [2, 3, 4]] }, 5)).toBe('{n0} | {n1} | {n2, n3, n4}, 0–5 ms');
    expect(cutsText({ cuts: [], nodeCount: 5 })).toBe('nothing is cut');
  });

  it('minorityLine: the cut and what CP and AP served of the minority side', () => {
    const [cp, ap] = result.cap;
    expect(minorityLine(result)).toBe(`Cut: n3, n4 cut off from n0, n1, n2, 150–450 ms. Minority side served: CP 0 of ${cp.sides[1].requests}, AP ${ap.sides[1].requests} of ${ap.sides[1].requests}.`);
    expect(minorityLine({ ...result, cuts: [] })).toBe('Nothing is cut.');
  });

  it('percent never shows 0% or 100% for a fraction strictly between', () => {
    expect([percent(0, 5), percent(5, 5), percent(1, 200), percent(199, 200), percent(10, 11), percent(1, 0)]).toEqual(['0%', '100%', '<1%', '>99%', '91%', '–']);
  });

  it('CP and AP on the defaults: settings, headline and figures in words', () => {
    const [cp, ap] = result.cap;
    expect(settingsText(cp)).toBe('N = 5, W = R = 3, ABD write-back');
    expect(settingsText(ap)).toBe('N = 5, W = R = 1, no write-back');
    expect(cutHeadline(cp)).toBe("CP refused every request the minority side asked during the cut and served all of the majority side's.");
    expect(cutHeadline(ap)).toBe('AP served every request on both sides during the cut, accepting writes on both sides.');
    expect(cutFigures(cp).find((f) => f.label === 'minority side served')!.value).toBe(`0% of ${cp.sides[1].requests}`);
    expect(cutFigures(ap).find((f) => f.label === 'lost writes')!.value).toBe(String(ap.lostWrites));
  });

  it('cutHeadline says when no request was asked on a minority side, or none during a cut', () => {
    const [cp] = program({ ...defaults, clients: 2 }, plainContext()).cap;
    expect(cutHeadline(cp)).toBe('CP served 100% of the requests asked during the cut; none was asked on a minority side.');
    const [uncut] = program({ ...defaults, ops: 20, events: [] }, plainContext()).cap;
    expect(cutHeadline(uncut)).toBe('No request was asked during a cut: drag across the stage to cut the cluster.');
  });

  it('cutHeadline with no majority anywhere (2 | 2): CP refuses every request during the cut', () => {
    const [cp] = program({ ...defaults, nodes: 4, clients: 4, ops: 60, events: [{ t: 50, type: 'partition', groups: '0,1|2,3' }, { t: 200, type: 'heal' }] }, plainContext()).cap;
    expect(cutHeadline(cp)).toBe('CP refused every request during the cut: no side held a majority.');
  });

  it('availabilitySeries: one series per side, bins without requests left out, values in percent', () => {
    const [cp] = result.cap;
    const [a, b] = availabilitySeries(cp, result.binMs);
    expect([a.name, b.name, b.isDashed]).toEqual(['majority side', 'minority side', true]);
    for (const p of [...a.points, ...b.points]) expect(p.y >= 0 && p.y <= 100).toBe(true);
    expect(b.points.some((p) => p.y === 0 && p.x > 150 && p.x < 450)).toBe(true);
    expect(a.points.length).toBe(Array.from(cp.availabilityMajority).filter((v) => !Number.isNaN(v)).length);
  });

  it('latencyAt is the nearest rank; cdfSeries gives one line per run, x ascending, y the percentiles', () => {
    const sorted = Float64Array.from([1, 2, 3, 4]);
    expect([latencyAt(sorted, 0), latencyAt(sorted, 50), latencyAt(sorted, 51), latencyAt(sorted, 100), latencyAt(new Float64Array(0), 50)]).toEqual([1, 2, 3, 4, NaN]);
    const series = cdfSeries(result.pacelc, 'read');
    expect(series.map((s) => s.name)).toEqual(['PA/EL', 'PC/EC', 'PA/EC']);
    for (const s of series) {
      expect(s.points.map((p) => p.y)).toEqual([...CDF_PERCENTILES]);
      for (let i = 1; i < s.points.length; i++) expect(s.points[i].x).toBeGreaterThanOrEqual(s.points[i - 1].x);
    }
  });

  it('pacelcRows: one row per preset with the cut columns from the matching cut run', () => {
    const rows = pacelcRows(result.pacelc, result.pacelcCut);
    expect(rows.map((r) => [r.mode, r.settings, r.cutServed, r.verdict])).toEqual([
      ['PA/EL', 'W = R = 1, no write-back, sloppy quorum', '100% / 100%', '✗ not linearizable'],
      ['PC/EC', 'W = R = 2, ABD write-back', '100% / 0%', '✓ linearizable'],
      ['PA/EC', 'W = R = 2, ABD write-back, sloppy quorum', '100% / 91%', '✓ linearizable'],
    ]);
    expect(rows[0].reads).toMatch(/^\d+(\.\d)? \/ \d+(\.\d)? ms$/);
    const empty = { ...result.pacelc[0], readLatencyMs: new Float64Array(0) } as RunSummary;
    expect(pacelcRows([empty], [result.pacelcCut[0]])[0].reads).toBe('–');
  });
});

describe('cap chart span', () => {
  it("capChartEnd: the shorter CAP run's end, at least the last cut's end", () => {
    expect(capChartEnd(result)).toBe(Math.max(450, Math.min(...result.cap.map((r) => r.endMs))));
    expect(capChartEnd({ cap: result.cap, cuts: [{ fromMs: 0, toMs: 1e6, groups: [[0], [1]] }] })).toBe(1e6);
  });

  it('availabilitySeries(run, binMs, untilMs) keeps only bins that start before untilMs', () => {
    const [, ap] = result.cap;
    const [a] = availabilitySeries(ap, result.binMs, 3 * result.binMs);
    expect(a.points.every((p) => p.x < 3 * result.binMs)).toBe(true);
  });
});
