import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import type { RunSummary } from '../result';
import { defaults } from '../scenario';
import {
  availabilitySeries, cdfSeries, CDF_PERCENTILES, cutFigures, cutLine, cutHeadline, cutText, latencyAt, nodeSpots, pacelcRows, percent,
  settingsText, sideBFromLine, toggledSideB,
} from './select';

const result = program(defaults, plainContext());

describe('cap selectors', () => {
  it('nodeSpots(nodes, sideB, size) puts n0 at the top, on a circle inside the box, sides from sideB', () => {
    const spots = nodeSpots(5, '3,4', 200);
    expect(spots.map((s) => s.side)).toEqual([0, 0, 0, 1, 1]);
    expect(spots[0].x).toBeCloseTo(100);
    expect(spots[0].y).toBeLessThan(100);
    for (const s of spots) expect(Math.hypot(s.x - 100, s.y - 100)).toBeCloseTo(72);
    expect(nodeSpots(3, 'junk', 200).map((s) => s.side)).toEqual([0, 0, 0]);
  });

  it('toggledSideB moves one node across, and refuses to empty a side', () => {
    expect(toggledSideB(5, '3,4', 2)).toBe('2,3,4');
    expect(toggledSideB(5, '3,4', 3)).toBe('4');
    expect(toggledSideB(5, '4', 4)).toBeNull();
    expect(toggledSideB(3, '0,1', 2)).toBeNull();
  });

  it('sideBFromLine puts the nodes right of the drawn direction on side B; a dot or a miss is null', () => {
    const spots = nodeSpots(4, '3', 200); // n0 top, n1 right, n2 bottom, n3 left
    expect(sideBFromLine(spots, 100, 0, 100, 200)).toBe('3'); // drawn downwards: the left side (n3) is on its right
    expect(sideBFromLine(spots, 100, 200, 100, 0)).toBe('1'); // drawn upwards: n1 is on its right
    expect(sideBFromLine(spots, 0, 120, 200, 120)).toBe('2'); // drawn rightwards below the centre: n2 below
    expect(sideBFromLine(spots, 10, 10, 11, 11)).toBeNull();
    expect(sideBFromLine(spots, 0, 199, 200, 199)).toBeNull();
  });

  it('cutText names both sides', () => {
    expect(cutText(5, '3,4')).toBe('Side A: n0, n1, n2 · side B: n3, n4');
  });

  it('percent never shows 0% or 100% for a fraction strictly between', () => {
    expect([percent(0, 5), percent(5, 5), percent(1, 200), percent(199, 200), percent(10, 11), percent(1, 0)]).toEqual(['0%', '100%', '<1%', '>99%', '91%', '–']);
  });

  it('CP and AP on the defaults: settings, headline and figures in words', () => {
    const [cp, ap] = result.cap;
    expect(settingsText(cp)).toBe('N = 5, W = R = 3, ABD write-back');
    expect(settingsText(ap)).toBe('N = 5, W = R = 1, no write-back');
    expect(cutHeadline(cp)).toBe('CP refused every request side B asked during the cut and served all of side A\'s.');
    expect(cutHeadline(ap)).toBe('AP served every request on both sides during the cut, accepting writes on both sides.');
    expect(cutFigures(cp).find((f) => f.label === 'side B served')!.value).toBe(`0% of ${cp.sides[1].requests}`);
    expect(cutFigures(ap).find((f) => f.label === 'lost writes')!.value).toBe(String(ap.lostWrites));
  });

  it('cutHeadline says when a side had no client during the cut', () => {
    const [cp] = program({ ...defaults, clients: 2 }, plainContext()).cap;
    expect(cutHeadline(cp)).toBe('Side B asked nothing during the cut: no client asks its nodes (client c asks node c mod nodes), so CP is not tested there; add clients or move nodes.');
  });

  it('availabilitySeries: one series per side, bins without requests left out, values in percent', () => {
    const [cp] = result.cap;
    const [a, b] = availabilitySeries(cp, result.binMs);
    expect([a.name, b.name, b.isDashed]).toEqual(['side A', 'side B', true]);
    for (const p of [...a.points, ...b.points]) expect(p.y >= 0 && p.y <= 100).toBe(true);
    expect(b.points.some((p) => p.y === 0 && p.x > result.partitionMs && p.x < result.healMs)).toBe(true);
    expect(a.points.length).toBe(Array.from(cp.availabilityA).filter((v) => !Number.isNaN(v)).length);
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

describe('cap cut line', () => {
  it('cutLine(spots) separates the two sides: each side lies on its own side of the segment', () => {
    const spots = nodeSpots(5, '3,4', 200);
    const line = cutLine(spots, 200)!;
    const sideOf = (x: number, y: number) => Math.sign((line.x2 - line.x1) * (y - line.y1) - (line.y2 - line.y1) * (x - line.x1));
    const a = spots.filter((s) => s.side === 0).map((s) => sideOf(s.x, s.y));
    const b = spots.filter((s) => s.side === 1).map((s) => sideOf(s.x, s.y));
    expect(new Set(a).size).toBe(1);
    expect(new Set(b).size).toBe(1);
    expect(a[0]).toBe(-b[0]);
    expect(cutLine(nodeSpots(3, 'junk', 200), 200)).toBeNull();
  });

  it('availabilitySeries(run, binMs, untilMs) keeps only bins that start before untilMs', () => {
    const [, ap] = result.cap;
    const [a] = availabilitySeries(ap, result.binMs, 3 * result.binMs);
    expect(a.points.every((p) => p.x < 3 * result.binMs)).toBe(true);
  });
});
