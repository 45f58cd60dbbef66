/** Each lesson claim, checked against the program's numbers for the step's scenario. */
import { describe, expect, it } from 'vitest';
import { showVersion } from '../../core/quorum';
import { plainContext } from '../contract';
import { lesson } from './lesson';
import { program } from './program/program';
import { OpKind, Phase, RequestStatus, type QuorumsResult } from './result';
import { type QuorumsScenario } from './scenario';
import { spec } from './index';
import { behindReplies, overlapView } from './ui/select';

const cache = new Map<string, QuorumsResult>();
const run = (s: QuorumsScenario): QuorumsResult => {
  const key = JSON.stringify(s);
  if (!cache.has(key)) cache.set(key, program(s, plainContext()));
  return cache.get(key)!;
};
const scenarioOf = (id: string) => lesson.find((x) => x.id === id)!.scenario;
const step = (id: string) => run(scenarioOf(id));
const valueOf = (r: QuorumsResult, op: number) => r.requests.value[op];

describe('quorums lesson claims hold in the simulation', () => {
  it('has 5-7 steps, each with a valid scenario and 2-3 sentences', () => {
    expect(lesson.length).toBeGreaterThanOrEqual(5);
    expect(lesson.length).toBeLessThanOrEqual(7);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok).toBe(true);
      expect(s.text.split(/(?<=[.!?])\s+(?=[A-Z])/).length).toBeLessThanOrEqual(3);
    }
  });

  it('overlap: N=3 W=2 R=2; each of the 29 reads after a completed write meets its set; 60 operations linearizable', () => {
    const r = step('overlap');
    expect([r.n, r.w, r.r]).toEqual([3, 2, 2]);
    expect(r.metrics.reads).toBe(30);
    expect(r.metrics.ops).toBe(60);
    expect(r.check.verdict).toBe('linearizable');
    let paired = 0;
    r.requests.kind.forEach((kind, i) => {
      if (kind !== OpKind.read) return;
      const v = overlapView(r, i);
      if ('reason' in v) return;
      paired++;
      expect(v.both.length).toBeGreaterThanOrEqual(1);
    });
    expect(paired).toBe(29);
  });

  it('w1-r1: 1 of 22 reads one completed write behind; not linearizable', () => {
    const r = step('w1-r1');
    expect([r.w, r.r]).toEqual([1, 1]);
    const s = scenarioOf('w1-r1');
    expect([s.latencyMsMin, s.latencyMsMax]).toEqual([1, 100]);
    expect(r.metrics.reads).toBe(22);
    expect(r.metrics.staleReads).toBe(1);
    expect(r.metrics.kStalenessMax).toBe(1);
    expect(r.check.verdict).toBe('not linearizable');
  });

  it('not-enough: write 12 (op 11) timed out; client 7 read 12 (op 13) then 6 (op 15) from n2; op 15 cannot be placed after op 13', () => {
    const r = step('not-enough');
    const s = scenarioOf('not-enough');
    expect([r.n, r.w, r.r, s.writeBack]).toEqual([3, 3, 1, false]);
    expect(r.requests.kind[11]).toBe(OpKind.write);
    expect(valueOf(r, 11)).toBe(12);
    expect(r.requests.status[11]).toBe(RequestStatus.timeout);
    expect([r.requests.process[13], valueOf(r, 13)]).toEqual([7, 12]);
    expect([r.requests.process[15], valueOf(r, 15)]).toEqual([7, 6]);
    // The next read of client 7 after op 13 is op 15, and its one counted reply came from n2.
    expect(r.history.filter((op) => op.process === 7 && op.index > 13)[0].index).toBe(15);
    const c = r.contacts;
    const counted = [];
    for (let j = r.requests.contactStart[15]; j < r.requests.contactStart[16]; j++) if (c.isCounted[j]) counted.push(c.node[j]);
    expect(counted).toEqual([2]);
    expect(r.check.explanation?.cannotPlace).toBe(15);
    expect(r.check.explanation?.precededBy).toBe(13);
  });

  it('write-back: the same scenario with the write-back is linearizable', () => {
    expect(scenarioOf('write-back')).toEqual({ ...scenarioOf('not-enough'), writeBack: true });
    expect(step('write-back').check.verdict).toBe('linearizable');
  });

  it('sloppy: n3, n4 stand in (for n0 and n1 among others); 3 of 41 reads stale; 5 hints all handed over; without it linearizable with 4 failures', () => {
    const r = step('sloppy');
    const s = scenarioOf('sloppy');
    expect(s.events[0]).toMatchObject({ type: 'partition', groups: '0,1|2,3,4' });
    const fallbacks = new Set<number>();
    const stoodFor = new Set<number>();
    r.contacts.hintFor.forEach((f, j) => {
      if (f < 0) return;
      fallbacks.add(r.contacts.node[j]);
      stoodFor.add(f);
    });
    expect([...fallbacks].sort()).toEqual([3, 4]);
    expect(stoodFor.has(0) && stoodFor.has(1)).toBe(true);
    expect(r.metrics.staleReads).toBe(3);
    expect(r.metrics.reads).toBe(41);
    expect(r.check.verdict).toBe('not linearizable');
    expect(r.metrics.hintsStored).toBe(5);
    expect(r.metrics.hintsDelivered).toBe(5);
    const strict = run({ ...s, sloppyQuorum: false });
    expect(strict.check.verdict).toBe('linearizable');
    expect(strict.metrics.failed).toBe(4);
  });

  it('read-repair: n2 down 40..140 ms; 6 repairs; behind replies 24 with read repair, 37 without', () => {
    const s = scenarioOf('read-repair');
    expect(s.events).toEqual([{ t: 40, type: 'crash', node: 2 }, { t: 140, type: 'recover', node: 2 }]);
    const r = step('read-repair');
    expect(r.metrics.readRepairs).toBe(6);
    expect(behindReplies(r)).toBe(24);
    expect(behindReplies(run({ ...s, readRepair: false }))).toBe(37);
  });

  it('broken: op 55 read 53 after its client\'s write 54 (op 53) returned; the sets meet at n2, which returned (16, w54); caught; fine without the bug', () => {
    const r = step('broken');
    expect(r.check.verdict).toBe('not linearizable');
    expect(r.check.explanation?.cannotPlace).toBe(55);
    expect(valueOf(r, 55)).toBe(53);
    expect([r.requests.kind[53], valueOf(r, 53), r.requests.process[53]]).toEqual([OpKind.write, 54, r.requests.process[55]]);
    expect(r.requests.retMs[53]).toBeLessThan(r.requests.callMs[55]);
    const v = overlapView(r, 55);
    if ('reason' in v) throw new Error(v.reason);
    expect(v.both).toEqual([2]);
    expect(v.explanation).toContain('yet the read returned the older version');
    const c = r.contacts;
    let n2 = -1;
    for (let j = r.requests.contactStart[55]; j < r.requests.contactStart[56]; j++) if (c.node[j] === 2 && c.phase[j] === Phase.query) n2 = c.version[j];
    expect(showVersion(n2)).toBe('(16, w54)');
    expect(run({ ...scenarioOf('broken'), bug: 'none' }).check.verdict).toBe('linearizable');
  });
});

describe('quorums lesson moments', () => {
  const t = (id: string) => lesson.find((x) => x.id === id)!.t!;
  it('"Show this step" stops the playhead just after the read the text speaks of has returned', () => {
    const notEnough = step('not-enough');
    expect(notEnough.requests.retMs[15]).toBeLessThanOrEqual(t('not-enough'));
    expect(notEnough.requests.retMs[15]).toBeGreaterThan(t('not-enough') - 1);
    const broken = step('broken');
    expect(broken.requests.retMs[55]).toBeLessThanOrEqual(t('broken'));
    expect(broken.requests.retMs[55]).toBeGreaterThan(t('broken') - 1);
  });
});
