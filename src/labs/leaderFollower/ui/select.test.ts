import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { splitIntervals } from '../program/analysis';
import { program } from '../program/program';
import { layoutRoles, roleLayoutHeight } from './roleLayout';
import { spec } from '../index';
import { compareTable, describeRequest, fencingText, firstInteresting, lagCharts, leadershipRows, leaseWarning, lostRows, promotionText, settingText, splitBrainText } from './select';

const cache = new Map<string, ReturnType<typeof program>>();
const run = (id: string) => {
  if (!cache.has(id)) cache.set(id, program(spec.presets.find((p) => p.id === id)!.scenario, plainContext()));
  return cache.get(id)!;
};

describe('leader-follower selectors', () => {
  it('settingText and fencingText say the mode, the read source and what fencing does', () => {
    const r = run('split-brain');
    expect(settingText(r)).toBe('3 nodes, async replication (a write is acknowledged once the leader wrote it), reads from the leader, fencing off.');
    expect(fencingText(false)).toMatch(/never doubts itself/);
    expect(fencingText(true)).toMatch(/leaseMs < detectMs/);
  });

  it('leaseWarning speaks only when fencing\'s lease cannot be renewed in time', () => {
    expect(leaseWarning({ fencing: true, leaseMs: 40, heartbeatMs: 10, latencyMsMax: 10 })).toBe('');
    expect(leaseWarning({ fencing: false, leaseMs: 5, heartbeatMs: 10, latencyMsMax: 500 })).toBe('');
    expect(leaseWarning({ fencing: true, leaseMs: 40, heartbeatMs: 10, latencyMsMax: 500 })).toMatch(/^The lease \(40 ms\) is not longer than a heartbeat plus a round trip \(10 \+ 2 × 500 = 1010 ms\)/);
  });

  it('splitBrainText counts the split brain, or says there was none', () => {
    expect(splitBrainText(run('split-brain'))).toMatch(/^Split brain: two nodes could take writes at the same time for 665\.6 ms in 1 span/);
    expect(splitBrainText(run('split-brain-fenced'))).toMatch(/^Never two nodes serving/);
    expect(splitBrainText(run('async-stale-reads'))).toBe('One leader all along.');
  });

  it('promotionText names the winner, its epoch, its log and each voter\'s', () => {
    const r = run('async-failover');
    expect(promotionText(r.promotions[0])).toMatch(/^At 186\.0 ms n2 became leader of epoch 3\. .* index 109 \(epoch 1\), at least as far as each voter's \(n1: 104\)/);
  });

  it('lostRows lists each lost write with who acknowledged it and why it is gone', () => {
    const rows = lostRows(run('split-brain'));
    expect(rows).toHaveLength(45);
    expect(rows[0].acknowledged).toMatch(/^by n0 \(epoch 1\) at 91\.8 ms, log index 20$/);
    expect(rows.filter((row) => row.lost.startsWith('taken by a deposed leader'))).toHaveLength(36);
  });

  it('compareTable has the three modes as columns, the one in use marked, and yes/no for the verdict', () => {
    const t = compareTable(run('async-failover'));
    expect(t.columns).toEqual(['sync', 'semi-sync', 'async']);
    expect(t.current).toBe(2);
    const lin = t.rows.find((row) => row.key === 'lin')!;
    expect(lin.values).toEqual([1, 1, 0]);
    expect(lin.format!(0)).toBe('no');
  });

  it('lagCharts gives node-major matrices the size of the samples, with faults and promotions as markers', () => {
    const r = run('async-failover');
    const c = lagCharts(r);
    expect(c.entries.nodeCount * c.entries.bucketCount).toBe(r.lag.entries.length);
    expect(c.markers.map((m) => m.label)).toEqual(['crash n0', 'n2 leads e3', 'recover n0']);
  });

  it('describeRequest and firstInteresting point at the operation the checker could not place', () => {
    const r = run('async-failover');
    expect(firstInteresting(r)).toBe(216);
    expect(describeRequest(r, 216)).toMatch(/^client process \d+ read via n2 \(epoch 3\), 211\.1 ms → 211\.1 ms: returned 173/);
    expect(describeRequest(r, r.requests.kind.length)).toBe('');
  });

  it('leadershipRows list every leadership with how it began and ended', () => {
    const rows = leadershipRows(run('split-brain-fenced'));
    expect(rows.map((row) => [row.node, row.epoch, row.how, row.ended])).toEqual([
      ['n0', 1, 'bootstrap', 'stepped down'],
      ['n1', 2, 'promoted', 'still leading at the end'],
    ]);
  });

  it('layoutRoles puts one row per node, bars inside the plot, split brain shaded where two served', () => {
    const r = run('split-brain');
    const l = layoutRoles(r, 600, 150);
    expect(l.rows).toHaveLength(3);
    expect(l.frame.height).toBe(roleLayoutHeight(3));
    for (const b of [...l.leaders, ...l.serving]) {
      expect(b.x).toBeGreaterThanOrEqual(l.frame.left);
      expect(b.x + b.width).toBeLessThanOrEqual(l.frame.left + l.frame.innerWidth + 1);
    }
    expect(l.splits).toHaveLength(1);
    // The playhead (placed without a relayout) agrees with the axis: at a tick's time it sits on the tick.
    const tick = l.xTicks[1];
    expect(layoutRoles(r, 600, tick.value).playheadX).toBeCloseTo(tick.offset, 6);
    expect(l.playheadX).toBeGreaterThan(l.frame.left);
    expect(layoutRoles(r, 600, r.endTime + 1).playheadX).toBeNull();
    expect(layoutRoles(r, 0, 0).leaders.length).toBe(l.leaders.length); // a zero width lays out without failing
  });

  it('splitIntervals merges the times two or more nodes serve; touching intervals do not overlap', () => {
    const row = (node: number, start: number, end: number) => ({ node, epoch: 1, start, end, cause: 0, endCause: 0 });
    expect(splitIntervals([row(0, 0, 10), row(1, 10, 20)])).toEqual([]);
    expect(splitIntervals([row(0, 0, 10), row(1, 5, 20), row(2, 8, 30)])).toEqual([[5, 20]]);
    expect(splitIntervals([row(0, 0, 10), row(1, 5, 7), row(2, 9, 12)])).toEqual([[5, 7], [9, 10]]);
  });
});
