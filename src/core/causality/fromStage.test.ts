/**
 * Goal: a lab's StageData becomes the causal graph its trace describes: lanes for nodes and clients, sends
 * and deliveries joined by edges, faults and client calls on their lanes, undelivered messages and downtime
 * as marks, and clocks that agree with the trace's own order. Method: a synthetic stage with known stories,
 * then a real leader-follower run (with a partition) whose every delivery must come after its send in the
 * clocks; the trace kind codes copied into core are checked against the engine's.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../labs/leaderFollower/scenario';
import { program } from '../../labs/leaderFollower/program/program';
import { plainContext } from '../../labs/contract';
import { TraceKind } from '../../sim/traceKind';
import { syntheticStage } from '../../viz/stage/testing/synthetic';
import { Fate } from '../stage/types';
import { causalRunFromStageJob, CausalityLimitError, TRACE } from './fromStage';
import { runJob } from './job';
import { eventName } from './prose';
import { compareEvents, happenedBefore } from './query';
import { CausalKind } from './types';

describe('causalRunFromStageJob', () => {
  it('TRACE holds the engine trace kind codes', () => {
    for (const [name, code] of Object.entries(TRACE)) expect(TraceKind[name as keyof typeof TraceKind]).toBe(code);
  });

  it('puts sends, deliveries and crashes on node lanes, joins each delivery to its send, and marks what was lost', () => {
    const stage = syntheticStage({
      nodes: 3, horizon: 100, kinds: ['append'], labels: ['append w1'],
      messages: [
        { from: 0, to: 1, send: 2, end: 12, kind: 0, label: 0 },
        { from: 1, to: 2, send: 13, end: 22 },
        { from: 0, to: 2, send: 30, arrive: 35, end: 35, fate: Fate.lost, dropFrac: 0.5 },
      ],
      crashes: [[2, 40, 60]],
      clients: { names: ['c0'], home: [0] },
    });
    const run = runJob(causalRunFromStageJob(stage));
    const g = run.graph;
    expect(g.lanes).toEqual(['n0', 'n1', 'n2', 'c0']);
    const words = Array.from({ length: g.count }, (_, e) => `${eventName(g, e)} ${g.texts[g.text[e]]}`);
    expect(words).toEqual([
      'n0:1 send append w1 to n1', 'n1:1 receive append w1 from n0', 'n1:2 send message 1 to n2', 'n2:1 receive message 1 from n1',
      'n0:2 send message 2 to n2', 'n2:2 crash', 'n2:3 recover',
    ]);
    expect(g.edgeCount).toBe(2);
    expect(compareEvents(g, run.clocks, 0, 3).relation).toBe('before');
    expect(happenedBefore(g, run.clocks, 4, 5)).toBe(false);
    expect(g.kind[5]).toBe(CausalKind.fault);
    expect(run.marks.dropped.count).toBe(1);
    expect([run.marks.dropped.from[0], run.marks.dropped.to[0], run.marks.dropped.stop[0], run.marks.dropped.frac[0]]).toEqual([0, 2, 35, 0.5]);
    expect([...run.marks.crashes.offsets]).toEqual([0, 0, 0, 1, 1]);
    expect([run.marks.crashes.start[0], run.marks.crashes.end[0]]).toEqual([40, 60]);
    expect(run.timeUnit).toBe('ms');
  });

  it('keeps the first eventsMax events and says so; refuses more lanes than lanesMax', () => {
    const stage = syntheticStage({ nodes: 2, horizon: 50, messages: Array.from({ length: 10 }, (_, i) => ({ from: 0, to: 1, send: i, end: i + 3 })) });
    const run = runJob(causalRunFromStageJob(stage, 5));
    expect(run.graph.count).toBe(5);
    expect(run.stoppedAtLimit).toBe('the run has 20 events; the diagram shows the first 5 (eventsMax)');
    const big = syntheticStage({ nodes: 300, horizon: 10, messages: [] });
    expect(() => runJob(causalRunFromStageJob(big))).toThrow(CausalityLimitError);
    expect(() => runJob(causalRunFromStageJob(big))).toThrow(/at most 256 lanes \(lanesMax\)/);
  });

  it('a leader-follower run with a partition: every delivery comes after its send, clients get lanes, the split is marked', () => {
    const scenario = { ...defaults, events: [{ t: 300, type: 'partition', groups: '0|1,2' }, { t: 900, type: 'heal' }] };
    const result = program(scenario as typeof defaults, plainContext());
    const run = runJob(causalRunFromStageJob(result.stage));
    const g = run.graph;
    expect(g.lanes.slice(0, defaults.nodes)).toEqual(Array.from({ length: defaults.nodes }, (_, i) => `n${i}`));
    expect(g.lanes.length).toBe(defaults.nodes + defaults.clients);
    expect(g.edgeCount).toBeGreaterThan(100);
    for (let k = 0; k < g.edgeCount; k += 7) {
      expect(happenedBefore(g, run.clocks, g.edgeFrom[k], g.edgeTo[k])).toBe(true);
      expect(run.clocks.lamport[g.edgeFrom[k]]).toBeLessThan(run.clocks.lamport[g.edgeTo[k]]);
    }
    const split = Array.from({ length: run.marks.partitions.count }, (_, k) => [...run.marks.partitions.groups.subarray(k * g.lanes.length, k * g.lanes.length + defaults.nodes)]);
    expect(split).toContainEqual([0, 1, 1]);
    let ops = 0;
    for (let e = 0; e < g.count; e++) if (g.kind[e] === CausalKind.op) ops++;
    expect(ops).toBeGreaterThan(0);
  });
});
