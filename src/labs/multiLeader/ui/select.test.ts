import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import { Fate } from '../result';
import { spec } from '../index';
import type { MultiLeaderResult } from '../result';
import { compareRows, conflictRows, describeOp, pendingChart, finalRows, latencyText, lostRows, processLabel, timelineColumns, verdictLead, verdictTexts } from './select';

const run = (id: string) => program(spec.presets.find((p) => p.id === id)!.scenario, plainContext());

/** pending[from * n + to]: writes made at `from` by time t that `to` has not applied yet, by a plain scan of the replication rows. */
function pendingAt(result: MultiLeaderResult, t: number): Uint32Array {
  const n = result.regions;
  const r = result.runs[0].replication;
  const pending = new Uint32Array(n * n);
  for (let i = 0; i < r.op.length; i++) if (r.writtenMs[i] <= t && !(r.appliedMs[i] <= t)) pending[r.from[i] * n + r.to[i]]++;
  return pending;
}

describe('multi-leader selectors', () => {
  it('compareRows puts LWW then siblings in each row, straight from the metrics', () => {
    const r = run('partition');
    const lost = compareRows(r).find((row) => row.key === 'lostUpdates')!;
    expect(lost.values).toEqual([r.runs[0].metrics.lostUpdates, 0]);
    expect(compareRows(r).find((row) => row.key === 'converged')!.format!(1)).toBe('yes');
  });

  it('conflictRows and lostRows list at most `limit` rows and report the total', () => {
    const r = run('partition');
    const c = conflictRows(r, 5);
    expect(c.rows).toHaveLength(5);
    expect(c.total).toBe(r.runs[1].conflicts.a.length);
    expect(c.rows[0].siblings).toMatch(/^\d+ (kept|superseded|not acknowledged), \d+ (kept|superseded|not acknowledged)$/);
    const l = lostRows(r, 100);
    expect(l.rows).toHaveLength(r.runs[0].metrics.lostUpdates);
    for (const row of l.rows) expect(r.runs[0].ops.fate[row.value - 1]).toBe(Fate.lost);
  });

  it('latencyText quotes the median write latency and the measured round trip; verdictTexts and finalRows cover both runs', () => {
    const r = run('two-regions');
    expect(latencyText(r)).toContain(`${r.runs[0].metrics.writeP50Ms.toFixed(1)} ms`);
    expect(latencyText(r)).toContain(`${r.runs[0].metrics.roundTripP50Ms.toFixed(1)} ms`);
    expect(verdictTexts(r)).toHaveLength(2);
    expect(verdictTexts(r)[0]).toContain('not linearizable');
    expect(finalRows(r)).toHaveLength(2 * r.regions);
  });

  it('timelineColumns hands the timeline the run\'s operations; processLabel names the region; describeOp says what each did', () => {
    const r = run('partition');
    const [lww, siblings] = r.runs;
    const cols = timelineColumns(lww);
    expect(cols.call).toBe(lww.ops.callMs);
    expect(cols.process.length).toBe(lww.ops.kind.length);
    expect(processLabel(lww, lww.ops.process[0])).toBe(`r${lww.ops.region[0]} c${lww.ops.process[0]}`);
    const sib = Array.from(siblings.ops.returned).findIndex((n) => n >= 2);
    expect(describeOp(siblings, sib)).toMatch(/read k\d returned \d siblings$/);
    const lost = lww.lost.op[0];
    expect(describeOp(lww, lost)).toMatch(new RegExp(`write k\\d = ${lost + 1}, ok, lost at the end$`));
    expect(describeOp(lww, 10_000)).toBe('');
    expect(verdictLead(r)).toContain('Neither is linearizable');
  });

  it('pendingAt (the oracle below) counts the writes still on their way: they pile up during the partition and drain after the heal', () => {
    const r = run('partition');
    const early = pendingAt(r, 290);
    const late = pendingAt(r, 1490);
    expect(late[1]).toBeGreaterThan(early[1] + 5); // 0 -> 1
    expect(late[2]).toBeGreaterThan(early[2] + 5); // 1 -> 0
    expect(Array.from(pendingAt(r, r.endTime))).toEqual([0, 0, 0, 0]);
  });

  it('pendingChart(result, events) samples what pendingAt counts at each bucket end, per region, with the faults as markers', () => {
    const s = spec.presets.find((p) => p.id === 'partition')!.scenario;
    const r = program(s, plainContext());
    const chart = pendingChart(r, s.events, 50);
    const { values, bucketWidth, bucketCount } = chart.matrix;
    for (let b = 0; b < bucketCount; b++) {
      const p = pendingAt(r, (b + 1) * bucketWidth);
      expect([values[b], values[bucketCount + b]]).toEqual([p[2], p[1]]); // into region 0: 1 -> 0; into region 1: 0 -> 1
    }
    expect(chart.peak).toBe(Math.max(...Array.from(values)));
    expect(chart.markers).toEqual([{ t: 300, label: 'partition' }, { t: 1500, label: 'heal' }]);
  });

  it('conflict rows name each write by value, dot and context, and neither context covers the other write\'s dot (as the text claims)', () => {
    const r = run('four-regions');
    const { rows } = conflictRows(r, 200);
    const parse = (text: string) => {
      const m = text.match(/^(\d+) \(r(\d)#(\d+), saw \[([\d,]*)\]\)$/)!;
      return { value: Number(m[1]), node: Number(m[2]), counter: Number(m[3]), seen: m[4] === '' ? [] : m[4].split(',').map(Number) };
    };
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      const [a, b] = row.writes.split(' · ').map(parse);
      expect([a.value, b.value]).toEqual([row.a + 1, row.b + 1]);
      expect((b.seen[a.node] ?? 0) >= a.counter).toBe(false);
      expect((a.seen[b.node] ?? 0) >= b.counter).toBe(false);
    }
    expect(finalRows(r).find((cells) => cells[1].startsWith('siblings'))![2]).toMatch(/^\d+ \(r\d#\d+, saw \[[\d,]+\]\)( \| \d+ \(r\d#\d+, saw \[[\d,]+\]\))*$/);
  });
});
