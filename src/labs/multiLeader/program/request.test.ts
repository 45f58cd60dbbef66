/**
 * Goal: a client request (the script's 'request' event) is one operation on k0 beyond the budget, by that
 * client, starting at t when it thinks or when its current operation ends when it is busy; the run stays
 * deterministic. Method: find both moments in a run without requests (reads only, so each action is one
 * operation and the totals compare), rerun with a request there, and compare the histories
 * (src/sim/testing/clientRequests.ts).
 */
import { describe, expect, it } from 'vitest';
import { busyMoment, expectOneRequest, thinkingMoment } from '../../../sim/testing/clientRequests';
import { plainContext } from '../../contract';
import { defaults, validate, type MultiLeaderScenario } from '../scenario';
import { program, simulate } from './program';

const base: MultiLeaderScenario = { ...defaults, updatePct: 0, ops: 40 };
const clients = base.regions * base.clientsPerRegion;
const withRequest = (s: MultiLeaderScenario, client: number, t: number, op: 'write' | 'read'): MultiLeaderScenario => ({
  ...s, events: [{ t, type: 'request', client, op }],
});
const runOf = (s: MultiLeaderScenario) => {
  const r = simulate(s, 'lww');
  return { history: r.history, requests: r.clients.loop.requests };
};

describe('multi-leader client request', () => {
  it('a request while c1 thinks adds one put of k0 by c1 starting at t; the same scenario gives the same hash', () => {
    const before = runOf(base);
    const moment = thinkingMoment(before, clients, 1)!;
    const s = withRequest(base, 1, moment.tMs, 'write');
    const after = runOf(s);
    expectOneRequest(before, after, clients, 1, moment, ['put']);
    expect(after.history[after.requests[0].op].input).toMatchObject({ f: 'put', key: 'k0' });
    const [a, b] = [program(s, plainContext()), program(structuredClone(s), plainContext())];
    expect(b.traceHash).toBe(a.traceHash);
    expect(a.traceHash).not.toBe(program(base, plainContext()).traceHash);
  });

  it('a request while c2 is busy starts when its current operation ends (a read of k0 here)', () => {
    const before = runOf(base);
    const moment = busyMoment(before, clients, 2)!;
    const after = runOf(withRequest(base, 2, moment.tMs, 'read'));
    expectOneRequest(before, after, clients, 2, moment, ['get']);
  });

  it('the narration tells the request in both runs: "c1 writes <value> to k0 (your request)"', () => {
    const moment = thinkingMoment(runOf(base), clients, 1)!;
    const r = program(withRequest(base, 1, moment.tMs, 'write'), plainContext());
    for (const run of r.runs) {
      const said = run.stage!.remarks.filter((text) => text.includes('your request'));
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/^c1 writes \d+ to k0 \(your request\)$/);
    }
  });

  it('the schema names its limits: a client of the scenario (regions x clients per region), write or read', () => {
    const issues = (e: object) => {
      const v = validate({ ...defaults, events: [{ t: 10, type: 'request', client: 0, op: 'write', ...e }] });
      return v.ok ? [] : v.issues.map((i) => i.message);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ client: 4 })).toEqual(['events[0].client must name a client c0..c3, got 4']);
    expect(issues({ client: 8 })[0]).toMatch(/events\[0\]\.client must be 0\.\.7/);
    expect(issues({ op: 'update' })[0]).toMatch(/events\[0\]\.op must be one of write, read/);
  });
});
