/**
 * Goal: a client request (the script's 'request' event) is one operation beyond the budget, by that
 * client, starting at t when it thinks or when its current operation ends when it is busy; the checker
 * judges it and the run stays deterministic. Method: find both moments in a run without requests, rerun
 * with a request there, and compare the histories (src/sim/testing/clientRequests.ts).
 */
import { describe, expect, it } from 'vitest';
import { runStore } from '../../../sim/kit/leaderless/store';
import { busyMoment, expectOneRequest, thinkingMoment } from '../../../sim/testing/clientRequests';
import { plainContext } from '../../contract';
import { defaults, validate, type QuorumsScenario } from '../scenario';
import { program } from './program';

const base: QuorumsScenario = { ...defaults, ops: 40 };
const withRequest = (s: QuorumsScenario, client: number, t: number, op: 'write' | 'read'): QuorumsScenario => ({
  ...s, events: [{ t, type: 'request', client, op }],
});

describe('quorums client request', () => {
  it('a request while c1 thinks adds one write by c1 starting at t, judged by the checker; the same scenario gives the same hash', () => {
    const before = runStore(base);
    const moment = thinkingMoment(before, base.clients, 1)!;
    const s = withRequest(base, 1, moment.tMs, 'write');
    const after = runStore(s);
    expectOneRequest(before, after, base.clients, 1, moment, ['write']);
    const [a, b] = [program(s, plainContext()), program(structuredClone(s), plainContext())];
    expect(b.traceHash).toBe(a.traceHash);
    expect(a.traceHash).not.toBe(program(base, plainContext()).traceHash);
    expect(a.metrics.ops).toBe(base.ops + 1);
    expect(a.clientHistories![0].operations.count).toBe(base.ops + 1); // the history the checker judged holds it
    const marked = [...a.requests.isRequest].flatMap((x, i) => (x ? [i] : []));
    expect(marked).toEqual([after.requests[0].op]);
  });

  it('a request while c0 is busy starts when its current operation ends (a read here)', () => {
    const before = runStore(base);
    const moment = busyMoment(before, base.clients, 0)!;
    expectOneRequest(before, runStore(withRequest(base, 0, moment.tMs, 'read')), base.clients, 0, moment, ['read']);
  });

  it('the narration tells the request: "c1 writes <value> (your request)"; a busy client\'s wait is told when asked', () => {
    const before = runStore(base);
    const thinking = thinkingMoment(before, base.clients, 1)!;
    const said = (s: QuorumsScenario) => program(s, plainContext()).stage.remarks;
    expect(said(withRequest(base, 1, thinking.tMs, 'write'))).toEqual([expect.stringMatching(/^c1 writes \d+ \(your request\)$/)]);
    const busy = busyMoment(before, base.clients, 0)!;
    expect(said(withRequest(base, 0, busy.tMs, 'read'))).toEqual(['c0 is busy: your request waits', 'c0 reads (your request)']);
  });

  it('the schema names its limits: a client of the scenario, write or read', () => {
    const issues = (e: object) => {
      const v = validate({ ...defaults, events: [{ t: 10, type: 'request', client: 0, op: 'write', ...e }] });
      return v.ok ? [] : v.issues.map((i) => i.message);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ client: 3 })).toEqual(['events[0].client must name a client c0..c2, got 3']);
    expect(issues({ client: -1 })[0]).toMatch(/events\[0\]\.client must be 0\.\.7/);
    expect(issues({ op: 'cas' })[0]).toMatch(/events\[0\]\.op must be one of write, read/);
  });
});
