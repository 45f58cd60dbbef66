/**
 * Goal: a client request (the script's 'request' event) is one operation beyond the budget in every
 * mode's run, by that client, starting at t when it thinks or when its current operation ends when it is
 * busy; the run stays deterministic. Method: find both moments in CP's run without requests, rerun with a
 * request there, and compare the histories (src/sim/testing/clientRequests.ts).
 */
import { describe, expect, it } from 'vitest';
import { runStore } from '../../../sim/kit/leaderless/store';
import { busyMoment, expectOneRequest, thinkingMoment } from '../../../sim/testing/clientRequests';
import { plainContext } from '../../contract';
import { defaults, validate, type CapScenario } from '../scenario';
import { modeScenario } from './modes';
import { program } from './program';

const base: CapScenario = { ...defaults, ops: 60 };
const withRequest = (s: CapScenario, client: number, t: number, op: 'write' | 'read'): CapScenario => ({
  ...s, events: [...s.events, { t, type: 'request' as const, client, op }].sort((a, b) => a.t - b.t),
});
const cpRun = (s: CapScenario) => runStore(modeScenario(s, 'CP', true));

describe('CAP client request', () => {
  it('a request while c1 thinks adds one write by c1 starting at t; the same scenario gives the same hash', () => {
    const before = cpRun(base);
    const moment = thinkingMoment(before, base.clients, 1)!;
    const s = withRequest(base, 1, moment.tMs, 'write');
    expectOneRequest(before, cpRun(s), base.clients, 1, moment, ['write']);
    const [a, b] = [program(s, plainContext()), program(structuredClone(s), plainContext())];
    expect(b.traceHash).toBe(a.traceHash);
    expect(a.traceHash).not.toBe(program(base, plainContext()).traceHash);
    for (const { stage } of a.stages) expect(stage.remarks.filter((r) => r.endsWith('(your request)'))).toEqual([expect.stringMatching(/^c1 writes \d+ \(your request\)$/)]);
  });

  it('a request while c3 is busy starts when its current operation ends (a read here)', () => {
    const before = cpRun(base);
    const moment = busyMoment(before, base.clients, 3)!;
    expectOneRequest(before, cpRun(withRequest(base, 3, moment.tMs, 'read')), base.clients, 3, moment, ['read']);
  });

  it('the schema names its limits: a client of the scenario, write or read', () => {
    const issues = (e: object) => {
      const v = validate({ ...defaults, events: [{ t: 10, type: 'request', client: 0, op: 'write', ...e }] });
      return v.ok ? [] : v.issues.map((i) => i.message);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ client: 5 })).toEqual([`events[0].client must name a client c0..c${defaults.clients - 1}, got 5`]);
    expect(issues({ client: 8 })[0]).toMatch(/events\[0\]\.client must be 0\.\.7/);
  });
});
