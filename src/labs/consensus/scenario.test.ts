import { describe, expect, it } from 'vitest';
import { presets } from './presets';
import { cost, defaults, nodeCount, validate, type ConsensusScenario } from './scenario';

const messages = (input: unknown) => {
  const v = validate(input);
  return v.ok ? [] : v.issues.map((i) => i.message);
};

describe('consensus scenario', () => {
  it('validate accepts the defaults and every preset as they are', () => {
    expect(validate(defaults)).toEqual({ ok: true, value: defaults });
    for (const p of presets) expect([p.id, validate(p.scenario).ok]).toEqual([p.id, true]);
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
  });

  it('validate refuses values over limits with the range and the value given', () => {
    expect(messages({ ...defaults, servers: 10 })).toEqual(['servers must be 3..9, got 10']);
    expect(messages({ ...defaults, broken: 'votesThrice' })).toEqual(['broken must be one of none, doubleVote, commitOldTerm, keepConflicts, got "votesThrice"']);
    expect(messages({ ...defaults, loss: 0.9 })).toEqual(['loss must be 0..0.5, got 0.9']);
  });

  it('validate refuses timer orders that cannot work, saying why', () => {
    expect(messages({ ...defaults, heartbeatMs: 150 })).toEqual(['heartbeatMs must be below electionMsMin = 150 (followers would time out between heartbeats), got 150']);
    expect(messages({ ...defaults, electionMsMin: 300, electionMsMax: 200, heartbeatMs: 50 })).toEqual(['electionMsMin must be at most electionMsMax = 200, got 300']);
    expect(messages({ ...defaults, bootstrap: 'figure16', servers: 3 })).toEqual(['the figure16 start has 5 servers, got 3; pick 5 or another start']);
  });

  it('events may name only servers that exist; an addServer event brings its server into being', () => {
    const crash6: ConsensusScenario = { ...defaults, events: [{ t: 10, type: 'crash', node: 6 }] };
    expect(messages(crash6)).toEqual(['events[0].node must be a server s0..s4 (a higher one exists once an addServer event names it), got 6']);
    const added: ConsensusScenario = { ...defaults, events: [{ t: 5, type: 'addServer', node: 6 }, { t: 10, type: 'crash', node: 6 }] };
    expect(messages(added)).toEqual([]);
    expect(nodeCount(added)).toBe(7);
    expect(messages({ ...defaults, events: [{ t: 1, type: 'cut', from: 2, to: 2 }] })).toEqual(['events[0] must name a link between two servers, got 2 -> 2']);
    expect(messages({ ...defaults, events: [{ t: 1, type: 'partition', groups: '0,1|1,2' }] })).toEqual(['events[0].groups: partition groups must not share nodes, node 1 is listed twice']);
  });

  it('the engine\'s fault table is the lab\'s fault vocabulary (slow and lossy links, isolation, clock faults), checked with its limits', () => {
    const ok: ConsensusScenario = { ...defaults, events: [
      { t: 10, type: 'isolate', node: 2 }, { t: 20, type: 'slow', from: 0, to: 1, ms: 30 }, { t: 30, type: 'lossy', from: 1, to: 0, loss: 0.5 },
      { t: 40, type: 'healLink', from: 0, to: 1 }, { t: 50, type: 'clockJump', node: 3, ms: -200 }, { t: 60, type: 'heal' },
    ] };
    expect(messages(ok)).toEqual([]);
    expect(messages({ ...defaults, events: [{ t: 1, type: 'slow', from: 0, to: 1, ms: -5 }] })).toEqual(['events[0].ms must be 0..60,000, got -5']);
  });

  it('a request names the server asked first (-1, the default: the last leader heard of); a timeout names a server that exists', () => {
    const v = validate({ ...defaults, events: [{ t: 1, type: 'request' }, { t: 2, type: 'request', node: 3 }, { t: 3, type: 'timeout', node: 2 }] });
    expect(v.ok && v.value.events).toEqual([{ t: 1, type: 'request', node: -1 }, { t: 2, type: 'request', node: 3 }, { t: 3, type: 'timeout', node: 2 }]);
    expect(messages({ ...defaults, events: [{ t: 1, type: 'timeout', node: -1 }] })).toEqual(['events[0].node must be 0..8, got -1']);
    expect(messages({ ...defaults, events: [{ t: 1, type: 'timeout', node: 6 }] })).toEqual(['events[0].node must name a server s0..s4, got 6']);
  });

  it('the experiment is a choice of Figure 16 graph and a trial count, bounded', () => {
    expect(validate({ ...defaults, experiment: 'scale', trials: 200 }).ok).toBe(true);
    expect(messages({ ...defaults, experiment: 'both' })).toEqual(['experiment must be one of none, scale, randomness, got "both"']);
    expect(messages({ ...defaults, trials: 5 })).toEqual(['trials must be 10..2000, got 5']);
    expect(cost({ ...defaults, experiment: 'scale' })).toBeGreaterThan(cost(defaults) + 1_000_000);
  });

  it('cost grows with servers, duration and client load', () => {
    expect(cost({ ...defaults, servers: 9 })).toBeGreaterThan(cost(defaults));
    expect(cost({ ...defaults, durationMs: 6000 })).toBeGreaterThan(cost(defaults));
    expect(cost({ ...defaults, clientRatePerSec: 200 })).toBeGreaterThan(cost(defaults));
  });
});
