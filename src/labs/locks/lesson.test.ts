/**
 * Goal: each lesson claim holds in the simulation, and every number a step quotes is on screen at its step.
 * Method: run each step's scenario; check the claims as data; then build the screen's text (narration
 * remarks, the tables' cells, the figures, the script's times and the parameters) and require each number
 * of the step's text in it.
 */
import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { spec } from './index';
import { lesson } from './lesson';
import { program } from './program/program';
import type { LocksResult } from './result';
import { compareRows } from './ui/select';

const cache = new Map<string, LocksResult>();
const run = (id: string): LocksResult => {
  const s = lesson.find((x) => x.id === id)!;
  const key = JSON.stringify(s.scenario);
  if (!cache.has(key)) cache.set(key, program(s.scenario, plainContext()));
  return cache.get(key)!;
};
const f3 = (v: number) => v.toFixed(3);

/** What the page shows for a result: remarks, table cells, figures, script times, parameters. */
function screenText(id: string): string {
  const r = run(id);
  const s = lesson.find((x) => x.id === id)!.scenario;
  const parts: string[] = [...r.stage.remarks, ...r.stage.nodeNames];
  for (const h of r.locks?.holds ?? []) parts.push(f3(h.grantMs), f3(h.releaseMs), `token ${h.token}`, `${h.votes} of 5`);
  for (const w of r.locks?.writes ?? []) parts.push(f3(w.tMs), String(w.token), `v${w.baseVersion}`, `v${w.currentVersion}`);
  for (const x of r.ids?.rows.filter((x) => x.duplicate || x.backwards || x.inverted) ?? []) parts.push(f3(x.replyMs), x.text);
  for (const x of r.broadcast?.replicas ?? []) parts.push(String(x.finalX), x.values.join(' '));
  for (const c of compareRows(r)) parts.push(String(c.left), String(c.right));
  for (const e of s.events) parts.push(String(e.t), 'ms' in e ? String(e.ms) : '');
  parts.push(`${s.ttlMs} ms`, String(s.durationMs));
  return parts.join(' | ');
}

/**
 * The numbers a text quotes (1000, 9.003), skipping node names (c0, r2) and durations in seconds ('1.5 s',
 * '2 s': the script's times, which the screen shows in ms and the claims below check).
 */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/(?<![A-Za-z\d.-])\d+(?:\.\d+)?(?! s\b)/g)].map((m) => m[0]);
}

describe('locks lesson claims hold in the simulation', () => {
  it('has 7 steps, each valid, 2-3 sentences, t within the run, naming nodes the scene has', () => {
    expect(lesson.length).toBe(7);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok, s.id).toBe(true);
      const sentences = s.text.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect(sentences, s.id).toBeGreaterThanOrEqual(2);
      expect(sentences, s.id).toBeLessThanOrEqual(3);
      expect(s.t!).toBeLessThanOrEqual(run(s.id).endTime);
      for (const n of s.highlight?.nodes ?? []) expect(run(s.id).stage.nodeNames).toContain(n);
    }
  });

  it('every number a step quotes is on its screen', () => {
    for (const s of lesson) {
      const screen = screenText(s.id);
      for (const n of numbersIn(s.text)) expect(screen.includes(n), `${s.id}: ${n}`).toBe(true);
    }
  });

  it('lease: c0 holds Redlock 5 of 5 at 9.003 ms with validity 979.0 ms, and the Raft lock with token 2 at 13.663 ms', () => {
    const h = run('lease').locks!.holds;
    expect(h[0]).toMatchObject({ side: 'redlock', client: 0, votes: 5 });
    expect([f3(h[0].grantMs), h[0].validityMs.toFixed(1)]).toEqual(['9.003', '979.0']);
    expect(h[1]).toMatchObject({ side: 'raft', client: 0, token: 2 });
    expect(f3(h[1].grantMs)).toBe('13.663');
  });

  it('pause: c1 gets Redlock at 1053.064 ms while c0 holds it; d0 takes c0\'s write from v0 over v1 at 1603.927 ms', () => {
    const o = run('pause').locks!;
    const c1 = o.holds.find((h) => h.side === 'redlock' && h.client === 1)!;
    expect(f3(c1.grantMs)).toBe('1053.064');
    expect(o.holds.find((h) => h.side === 'redlock' && h.client === 0)!.releaseMs).toBeGreaterThan(c1.grantMs);
    const w = o.writes.find((x) => x.side === 'redlock' && x.client === 0)!;
    expect([f3(w.tMs), w.baseVersion, w.currentVersion, w.outcome]).toEqual(['1603.927', 0, 1, 'lost-update']);
    expect(o.redlock.twoHolders).toBe(1);
  });

  it('consensus-lease: token 11 to c1 at 1175.260 ms; without fencing d1 takes c0\'s stale write at 1604.382 ms', () => {
    const o = run('consensus-lease').locks!;
    const c1 = o.holds.find((h) => h.side === 'raft' && h.client === 1)!;
    expect([c1.token, f3(c1.grantMs)]).toEqual([11, '1175.260']);
    const w = o.writes.find((x) => x.side === 'raft' && x.client === 0)!;
    expect([f3(w.tMs), w.outcome]).toEqual(['1604.382', 'lost-update']);
    expect(run('consensus-lease').checks.every((c) => c.ok)).toBe(true);
  });

  it('fencing: d1 rejects token 2 at 1604.382 ms; no update is lost on the Raft side', () => {
    const o = run('fencing').locks!;
    const w = o.writes.find((x) => x.side === 'raft' && x.client === 0)!;
    expect([f3(w.tMs), w.token, w.outcome]).toEqual(['1604.382', 2, 'rejected']);
    expect([o.raft.lostUpdates, o.raft.rejected, o.redlock.lostUpdates]).toEqual([0, 1, 1]);
  });

  it('clock-jump: Redlock 3 of 5 to c0 at 20.000 and to c1 at 217.000 ms; c1\'s write at 526.790 ms is a lost update; Raft token 7 at 438.385 ms after c0 released', () => {
    const o = run('clock-jump').locks!;
    const rl = o.holds.filter((h) => h.side === 'redlock');
    expect(rl.slice(0, 2).map((h) => [h.client, f3(h.grantMs), h.votes])).toEqual([[0, '20.000', 3], [1, '217.000', 3]]);
    const w = o.writes.find((x) => x.side === 'redlock' && x.client === 1)!;
    expect([f3(w.tMs), w.outcome]).toEqual(['526.790', 'lost-update']);
    const ra = o.holds.filter((h) => h.side === 'raft');
    expect([ra[1].client, ra[1].token, f3(ra[1].grantMs)]).toEqual([1, 7, '438.385']);
    expect(ra[0].releaseMs).toBeLessThan(ra[1].grantMs);
    expect(o.raft.twoHolders).toBe(0);
  });

  it('ids: 2 Snowflake duplicates (10757-0-0 first at 1261.959 ms), 91 backwards; the log none', () => {
    const o = run('ids').ids!;
    expect([o.snowflake.duplicates, o.snowflake.backwards]).toEqual([2, 91]);
    const dup = o.rows.find((x) => x.duplicate)!;
    expect([dup.text, f3(dup.replyMs)]).toEqual(['10757-0-0', '1261.959']);
    expect(o.raft).toMatchObject({ duplicates: 0, backwards: 0, inverted: 0 });
  });

  it('broadcast: gossip p2 ends at 17, p0 at 18, p1 and p2 invert pairs; every Raft replica ends at 17 in one order', () => {
    const o = run('broadcast').broadcast!;
    const x = (name: string) => o.replicas.find((r) => run('broadcast').stage.nodeNames[r.node] === name)!;
    expect([x('p0').finalX, x('p2').finalX]).toEqual([18, 17]);
    expect(x('p1').inversions).toBeGreaterThan(0);
    expect(x('p2').inversions).toBeGreaterThan(0);
    expect(['s0', 's1', 's2'].map((n) => x(n).finalX)).toEqual([17, 17, 17]);
    expect(new Set(['s0', 's1', 's2'].map((n) => x(n).values.join()))).toHaveLength(1);
  });
});
