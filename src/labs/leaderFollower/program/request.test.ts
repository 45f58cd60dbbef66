/**
 * Goal: a client request (the script's 'request' event) is one operation beyond the budget, by that
 * client, starting at t when it thinks or when its current operation ends when it is busy; the run stays
 * deterministic. Method: find both moments in a run without requests, rerun with a request there, and
 * compare the histories (src/sim/testing/clientRequests.ts).
 */
import { describe, expect, it } from 'vitest';
import { busyMoment, expectOneRequest, thinkingMoment } from '../../../sim/testing/clientRequests';
import { TraceKind } from '../../../sim/traceKind';
import { plainContext } from '../../contract';
import { defaults, validate, type LeaderFollowerScenario } from '../scenario';
import { program, simulate } from './program';

const base: LeaderFollowerScenario = { ...defaults, replication: 'sync', ops: 60 };
const withRequest = (s: LeaderFollowerScenario, client: number, t: number, op: 'write' | 'read'): LeaderFollowerScenario => ({
  ...s, events: [{ t, type: 'request', client, op }],
});

describe('leader-follower client request', () => {
  it('a request while c1 thinks adds one write by c1 starting at t; the same scenario gives the same hash', () => {
    const before = simulate(base);
    const moment = thinkingMoment(before, base.clients, 1)!;
    const s = withRequest(base, 1, moment.tMs, 'write');
    expectOneRequest(before, simulate(s), base.clients, 1, moment, ['write']);
    const [a, b] = [program(s, plainContext()), program(structuredClone(s), plainContext())];
    expect(b.traceHash).toBe(a.traceHash);
    expect(a.traceHash).not.toBe(program(base, plainContext()).traceHash);
    expect(a.metrics.ops).toBe(base.ops + 1);
    // The request's row is marked for the history timeline; it is client c1's.
    const marked = [...a.requests.isRequest].flatMap((x, i) => (x ? [i] : []));
    expect(marked).toHaveLength(1);
    expect(a.requests.client[marked[0]]).toBe(1);
  });

  it('a request while c2 is busy starts when its current operation ends (a read here)', () => {
    const before = simulate(base);
    const moment = busyMoment(before, base.clients, 2)!;
    expectOneRequest(before, simulate(withRequest(base, 2, moment.tMs, 'read')), base.clients, 2, moment, ['read']);
  });

  it('the narration tells the request: "c1 writes <value> (your request)" at its start', () => {
    const before = simulate(base);
    const moment = thinkingMoment(before, base.clients, 1)!;
    const r = program(withRequest(base, 1, moment.tMs, 'write'), plainContext());
    const said = r.stage.remarks.filter((text) => text.includes('your request'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^c1 writes \d+ \(your request\)$/);
    // The engine's "scripted event 0" row is in the trace but not narrated: the remark tells it.
    const kinds = (rows: ArrayLike<number>) => Array.from(rows, (row) => r.stage.events.kind[row]);
    expect(kinds(Array.from({ length: r.stage.events.count }, (_, i) => i))).toContain(TraceKind.script);
    expect(kinds(r.stage.narrated)).not.toContain(TraceKind.script);
  });

  it('the schema names its limits: a client of the scenario, write or read, t within the script limit', () => {
    const check = (e: object) => validate({ ...defaults, events: [{ t: 10, type: 'request', client: 0, op: 'write', ...e }] });
    expect(check({}).ok).toBe(true);
    const issues = (e: object) => { const v = check(e); return v.ok ? [] : v.issues.map((i) => i.message); };
    expect(issues({ client: 3 })).toEqual(['events[0].client must name a client c0..c2, got 3']);
    expect(issues({ client: 8 })[0]).toMatch(/events\[0\]\.client must be 0\.\.7/);
    expect(issues({ op: 'delete' })[0]).toMatch(/events\[0\]\.op must be one of write, read/);
    expect(issues({ t: 700_000 })[0]).toMatch(/events\[0\]\.t must be 0\.\.600,000/);
  });
});
