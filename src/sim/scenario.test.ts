import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from './scenario';
import { faultOf } from './faultCheck';
import type { FaultEventType } from './faultTable';
import { scheduleScenario } from './scenario';
import { Simulation } from './simulation';
import { traceRows } from './testing/traceRows';

function quiet(nodes = 3) {
  return new Simulation({ seed: 1, nodes, protocol: () => ({ onMessage() {} }) });
}

describe('scheduleScenario', () => {
  it('schedules faults at t x ticksPerUnit and hands other events to onEvent, in script order at equal times', () => {
    const s = quiet();
    const calls: string[] = [];
    const events: ScenarioEvent[] = [
      { t: 1, type: 'put', key: 'x' },
      { t: 1, type: 'crash', node: 2 },
      { t: 2.5, type: 'partition', groups: '0|1,2' },
      { t: 3, type: 'heal' },
    ];
    scheduleScenario(s, events, { ticksPerUnit: 1000, onEvent: (e, i) => calls.push(`${s.now} ${e.type} ${i}`) });
    s.run();
    expect(calls).toEqual(['1000 put 0']);
    expect(traceRows(s.trace.columns()).map((r) => `${r.t} ${r.kind} ${r.from} ${r.payload}`)).toEqual([
      '1000 script -1 0',
      '1000 crash 2 1',
      '2500 partition -1 2',
      '3000 heal -1 3',
    ]);
    expect(s.network.isCut(0, 1)).toBe(false);
  });

  it('refuses a bad event with its path, range and value, and schedules nothing then', () => {
    const s = quiet();
    const bad = (event: ScenarioEvent) => () => scheduleScenario(s, [{ t: 0, type: 'crash', node: 0 }, event]);
    expect(bad({ t: 1, type: 'crash', node: 3 })).toThrow('events[1].node must be a node n0..n2, got 3');
    expect(bad({ t: 1, type: 'cut', from: 0 })).toThrow('events[1].to must be a node n0..n2, got undefined');
    expect(bad({ t: 1, type: 'partition', groups: '0,0' })).toThrow('events[1].groups: partition groups must not share nodes');
    expect(bad({ t: 1, type: 'partition', groups: '0x1' })).toThrow('events[1].groups must be node ids like "0,1|2,3" (at most 64 characters), got "0x1"');
    expect(bad({ t: 1, type: 'drift', node: 0, ppm: 10 ** 6 })).toThrow('events[1].ppm must be an integer in -500000..500000 ppm, got 1000000');
    expect(bad({ t: 1, type: 'skew', node: 0, ms: 1e6 })).toThrow('events[1].ms must be a number in -100000..100000 ms, got 1000000');
    expect(bad({ t: -1, type: 'crash', node: 0 })).toThrow('events[1].t must be a time from 0 on, got -1');
    expect(bad({ t: 1, type: 'put' })).toThrow('events[1].type "put" is not a fault and no onEvent was given');
    s.run();
    expect(s.trace.length).toBe(0);
  });

  it('faultOf(event, i, nodes, ticksPerUnit) gives the engine fault: amounts of time x ticksPerUnit, isolate as a partition of one', () => {
    const cases: [ScenarioEvent, object][] = [
      [{ t: 0, type: 'recover', node: 1 }, { type: 'recover', node: 1 }],
      [{ t: 0, type: 'isolate', node: 2 }, { type: 'partition', groups: [[2]] }],
      [{ t: 0, type: 'partition', groups: '0|2' }, { type: 'partition', groups: '0|2' }],
      [{ t: 0, type: 'heal' }, { type: 'heal' }],
      [{ t: 0, type: 'healLink', from: 0, to: 1 }, { type: 'heal', from: 0, to: 1 }],
      [{ t: 0, type: 'slow', from: 2, to: 0, ms: 1.5 }, { type: 'slow', from: 2, to: 0, ticks: 1500 }],
      [{ t: 0, type: 'lossy', from: 2, to: 0, loss: 0.25 }, { type: 'lossy', from: 2, to: 0, ppm: 250_000 }],
      [{ t: 0, type: 'clockJump', node: 0, ms: -5 }, { type: 'clockJump', node: 0, ticks: -5000 }],
      [{ t: 0, type: 'skew', node: 2, ms: 0.0094 }, { type: 'skew', node: 2, ticks: 9 }],
      [{ t: 0, type: 'drift', node: 1, ppm: 300 }, { type: 'drift', node: 1, ppm: 300 }],
    ];
    for (const [event, fault] of cases) expect(faultOf(event as ScenarioEvent & { type: FaultEventType }, 0, 3, 1000)).toEqual(fault);
  });
});
