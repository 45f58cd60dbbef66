/**
 * Each lesson claim, checked against what the step's run puts on screen at the step's t: the request card
 * (requestAt), the stage's cards and the labels of the dots in flight, the figures and the verdict.
 */
import { describe, expect, it } from 'vitest';
import { showValueAt } from '../../core/quorum';
import { fieldAt, fieldText, inFlightAt } from '../../core/stage/query';
import { plainContext } from '../contract';
import { lesson } from './lesson';
import { program } from './program/program';
import { OpKind, Phase, RequestStatus, type QuorumsResult } from './result';
import { type QuorumsScenario } from './scenario';
import { spec } from './index';
import { requestAt, requestEnds } from './ui/playhead';
import { overlapView, requestView } from './ui/select';

const cache = new Map<string, QuorumsResult>();
const run = (s: QuorumsScenario): QuorumsResult => {
  const key = JSON.stringify(s);
  if (!cache.has(key)) cache.set(key, program(s, plainContext()));
  return cache.get(key)!;
};
const stepOf = (id: string) => lesson.find((x) => x.id === id)!;
const step = (id: string) => run(stepOf(id).scenario);

/** The request card's request at the step's t. */
function shown(id: string): number {
  const r = step(id);
  return requestAt(r.requests, requestEnds(r, stepOf(id).scenario.timeoutMs), stepOf(id).t!);
}

/** A node's card field at the step's t, as the stage shows it ('' before it is set). */
function card(id: string, node: number, field: 'stored' | 'hints'): string {
  const stage = step(id).stage;
  const row = fieldAt(stage.fields, node, stage.fields.names.indexOf(field), stepOf(id).t!);
  return row < 0 ? '' : fieldText(stage.fields, row);
}

/** The dots on the stage at the step's t: "n2->n1 late ack". */
function dots(id: string): string[] {
  const stage = step(id).stage;
  const rows = new Uint32Array(stage.peakInFlight);
  const count = inFlightAt(stage, stepOf(id).t!, rows);
  const m = stage.messages;
  return Array.from(rows.subarray(0, count), (row) => `n${m.from[row]}->n${m.to[row]} ${stage.labels[m.label[row]]}`);
}

/** Op i's contacts in `phase` as "n2 6@1 counted" rows (query replies carry what the node held). */
function contacts(r: QuorumsResult, op: number, phase: number): string[] {
  const c = r.contacts;
  const rows: string[] = [];
  for (let j = r.requests.contactStart[op]; j < r.requests.contactStart[op + 1]; j++) {
    if (c.phase[j] === phase) rows.push(`n${c.node[j]} ${showValueAt(c.value[j], c.version[j])}${c.isCounted[j] ? ' counted' : ''}`);
  }
  return rows;
}

const returned = (r: QuorumsResult, op: number) => showValueAt(r.requests.value[op], r.requests.version[op]);

describe('quorums lesson: every step validates, sets t inside its run, and says one idea in two or three sentences', () => {
  it('has 7 steps, each with a valid scenario, a t, nodes to highlight and at most 3 sentences', () => {
    expect(lesson).toHaveLength(7);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok, s.id).toBe(true);
      expect(s.t, s.id).toBeGreaterThan(0);
      expect(s.t!, s.id).toBeLessThanOrEqual(run(s.scenario).endTime);
      expect(s.highlight?.nodes?.length, s.id).toBeGreaterThan(0);
      expect(s.text.split(/(?<=[.!?])\s+(?=[A-Z])/).length, s.id).toBeLessThanOrEqual(3);
    }
  });
});

describe('quorums lesson claims hold at each step\'s moment', () => {
  it('overlap: op 3 (c1 via n1) counted R = 2 replies 2@1, wrote 2@1 back to W = 2 and answered at 53.33 ms; n2\'s late ack is in flight; 60 ops linearizable', () => {
    const r = step('overlap');
    expect(shown('overlap')).toBe(3);
    expect(requestView(r, 3)!.title).toBe('Op 3: c1 read via n1');
    expect([r.n, r.w, r.r]).toEqual([3, 2, 2]);
    expect(contacts(r, 3, Phase.query).filter((c) => c.endsWith('counted'))).toEqual(['n1 2@1 counted', 'n2 2@1 counted']);
    expect(contacts(r, 3, Phase.writeBack).filter((c) => c.endsWith('counted'))).toHaveLength(2);
    expect(r.requests.retMs[3].toFixed(2)).toBe('53.33');
    expect(dots('overlap')).toContain('n2->n1 late ack');
    expect([r.metrics.ops, r.check.verdict]).toEqual([60, 'linearizable']);
  });

  it('w1-r1: op 21 (c3 via n2) counted n0\'s 16@5 while n1 and n2 store 21@6 and answer late; stale by 1; rejected', () => {
    const r = step('w1-r1');
    expect([r.w, r.r, stepOf('w1-r1').scenario.latencyMsMin, stepOf('w1-r1').scenario.latencyMsMax]).toEqual([1, 1, 1, 100]);
    expect(shown('w1-r1')).toBe(21);
    expect(requestView(r, 21)!.title).toBe('Op 21: c3 read via n2');
    expect(contacts(r, 21, Phase.query)).toEqual(['n0 16@5 counted', 'n1 21@6', 'n2 21@6']);
    expect([card('w1-r1', 1, 'stored'), card('w1-r1', 2, 'stored')]).toEqual(['21@6', '21@6']);
    expect([returned(r, 21), r.requests.isStale[21], r.requests.staleK[21], r.metrics.staleReads]).toEqual(['16@5', 1, 1, 1]);
    expect(r.check.verdict).toBe('not linearizable');
  });

  it('not-enough: write 12 (op 11) timed out; n0, n1 store 12@2 and n2 6@1; c7 read 12@2 (op 13) then 6@1 (op 15) from n2 alone; op 15 cannot be placed after op 13', () => {
    const r = step('not-enough');
    expect([r.n, r.w, r.r, stepOf('not-enough').scenario.writeBack]).toEqual([3, 3, 1, false]);
    expect([r.requests.kind[11], r.requests.value[11], r.requests.status[11]]).toEqual([OpKind.write, 12, RequestStatus.timeout]);
    expect([0, 1, 2].map((node) => card('not-enough', node, 'stored'))).toEqual(['12@2', '12@2', '6@1']);
    expect([r.requests.process[13], returned(r, 13), r.requests.process[15], returned(r, 15)]).toEqual([7, '12@2', 7, '6@1']);
    expect(r.requests.process.findIndex((p, op) => op > 13 && p === 7)).toBe(15);
    expect(contacts(r, 15, Phase.query).filter((c) => c.endsWith('counted'))).toEqual(['n2 6@1 counted']);
    expect(shown('not-enough')).toBe(15);
    expect([r.check.explanation?.cannotPlace, r.check.explanation?.precededBy]).toEqual([15, 13]);
    expect(r.requests.retMs[13]).toBeLessThan(r.requests.callMs[15]);
  });

  it('write-back: the same faults with the write-back; at 230 ms op 14 (c7 via n2) writes 7@3 back to W = 3 before answering; linearizable', () => {
    const r = step('write-back');
    expect(stepOf('write-back').scenario).toEqual({ ...stepOf('not-enough').scenario, writeBack: true });
    expect(shown('write-back')).toBe(14);
    expect(requestView(r, 14)!.title).toBe('Op 14: c7 read via n2');
    expect(returned(r, 14)).toBe('7@3');
    expect(dots('write-back').filter((d) => d.startsWith('n2->') && d.endsWith('write-back 7@3')).length).toBeGreaterThan(0);
    expect(contacts(r, 14, Phase.writeBack).filter((c) => c.endsWith('counted'))).toHaveLength(3);
    expect(r.check.verdict).toBe('linearizable');
  });

  it('read-repair: n2 down 40..140 ms holds 1@1; op 20 (c1 via n3) heard 18@4 from n1, 1@1 from n2, answered 18@4 and sends repair 18@4 to n2; 6 repairs', () => {
    const r = step('read-repair');
    expect(stepOf('read-repair').scenario.events).toEqual([{ t: 40, type: 'crash', node: 2 }, { t: 140, type: 'recover', node: 2 }]);
    expect(shown('read-repair')).toBe(20);
    expect(requestView(r, 20)!.title).toBe('Op 20: c1 read via n3');
    expect(contacts(r, 20, Phase.query)).toEqual(expect.arrayContaining(['n1 18@4 counted', 'n2 1@1 counted']));
    expect(returned(r, 20)).toBe('18@4');
    expect(card('read-repair', 2, 'stored')).toBe('1@1');
    expect(dots('read-repair')).toContain('n3->n2 repair 18@4');
    expect(r.metrics.readRepairs).toBe(6);
  });

  it('sloppy: split at 40 ms; n0, n1 store 22@6, n2 21@2, n3 and n4 hold it as hints for n0 and n1; 3 of 41 reads stale; 5 of 5 hints handed over after the heal at 200 ms', () => {
    const r = step('sloppy');
    expect(stepOf('sloppy').scenario.events).toEqual([{ t: 40, type: 'partition', groups: '0,1|2,3,4' }, { t: 200, type: 'heal' }]);
    expect([0, 1, 2].map((node) => card('sloppy', node, 'stored'))).toEqual(['22@6', '22@6', '21@2']);
    expect([card('sloppy', 3, 'hints'), card('sloppy', 4, 'hints')]).toEqual(['n0 21@2', 'n1 21@2']);
    expect([r.metrics.staleReads, r.metrics.reads, r.check.verdict]).toEqual([3, 41, 'not linearizable']);
    expect([r.metrics.hintsStored, r.metrics.hintsDelivered]).toEqual([5, 5]);
    expect(Math.min(...r.handoffs.deliveredMs)).toBeGreaterThan(200);
  });

  it('broken: op 55 (c1 via n3) took n0\'s 53@16 though n2 answered 54@16, c1\'s own write 54 (op 53), returned before; every card 54@16; caught; fine without the bug', () => {
    const r = step('broken');
    expect(shown('broken')).toBe(55);
    expect(requestView(r, 55)!.title).toBe('Op 55: c1 read via n3');
    expect(contacts(r, 55, Phase.query)).toEqual(['n0 53@16 counted', 'n1 54@16', 'n2 54@16 counted']);
    expect([r.requests.kind[53], r.requests.value[53], r.requests.process[53]]).toEqual([OpKind.write, 54, 1]);
    expect(r.requests.retMs[53]).toBeLessThan(r.requests.callMs[55]);
    expect(returned(r, 55)).toBe('53@16');
    expect([0, 1, 2].map((node) => card('broken', node, 'stored'))).toEqual(['54@16', '54@16', '54@16']);
    expect(r.check.explanation?.cannotPlace).toBe(55);
    const v = overlapView(r, 55);
    if ('reason' in v) throw new Error(v.reason);
    expect(v.explanation).toContain('yet the read returned the older 53@16');
    expect(run({ ...stepOf('broken').scenario, bug: 'none' }).check.verdict).toBe('linearizable');
  });
});
