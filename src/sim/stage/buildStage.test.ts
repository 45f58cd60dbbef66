/**
 * Goal: StageData tells each message's story and each node's state exactly as the run went. Method: small
 * hand-made runs on constant 10-tick links (one event per fate, checked row by row) and the golden echo
 * scenario (every fault kind) checked against its script.
 */
import { describe, expect, it } from 'vitest';
import { Fate, REMARK_KIND } from '../../core/stage/types';
import { TraceKind } from '../traceKind';
import { clockOffsetAt, epochAt, fieldAt, fieldText, inFlightAt, isBlocked, isInside } from '../../core/stage/query';
import { applyFault } from '../faults';
import { Simulation } from '../simulation';
import { GOLDEN_CONFIG } from '../testing/golden';
import { runEcho } from '../testing/echoRun';
import { buildStage } from './buildStage';

const names = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);

/** n0 sends 'm<k>' to n1 at each tick in `at`; faults run at their ticks. 10 ticks per link, 1 tick = 1 unit. */
function small(at: number[], faults: [number, Parameters<typeof applyFault>[1]][], loss = 0) {
  const sim = new Simulation<string>({
    seed: 3, nodes: 3, network: { latency: { kind: 'constant', ticks: 10 }, loss },
    stage: { describe: { kind: (m) => m.slice(0, 1), label: (m) => `msg ${m}` } },
    protocol: (ctx) => ({ onMessage() {}, onStart() { if (ctx.id === 0) at.forEach((t, k) => ctx.setTimer(t, k)); }, onTimer(tag) { ctx.send(1, `m${tag}`); } }),
  });
  for (const [t, f] of faults) sim.at(t, () => applyFault(sim, f));
  sim.run(200);
  return buildStage({ trace: sim.trace.columns(), log: sim.stageLog!.columns(), ticksPerUnit: 1, timeUnit: 'tick', horizon: 200, nodeNames: names(3) });
}

describe('buildStage messages', () => {
  it('a delivered message runs send -> arrive = end, with its kind and label', () => {
    const s = small([5], []);
    const m = s.messages;
    expect([m.count, m.send[0], m.arrive[0], m.end[0], m.fate[0], m.dropFrac[0]]).toEqual([1, 5, 15, 15, Fate.delivered, 1]);
    expect([s.kinds[m.kind[0]], s.labels[m.label[0]]]).toEqual(['m', 'msg m0']);
    expect(s.medianLatency).toBe(10);
    expect(s.fade).toBe(5);
  });

  it('a message held by a paused receiver reaches its rim on time and is delivered on resume', () => {
    const m = small([5], [[8, { type: 'pause', node: 1 }], [40, { type: 'resume', node: 1 }]]).messages;
    expect([m.arrive[0], m.end[0], m.visibleEnd[0], m.fate[0]]).toEqual([15, 40, 40, Fate.delivered]);
  });

  it('a message to a crashed node stops at its rim and falls off over the fade', () => {
    const m = small([5, 30], [[2, { type: 'crash', node: 1 }]]).messages;
    expect([m.fate[0], m.arrive[0], m.end[0], m.visibleEnd[0], m.dropFrac[0]]).toEqual([Fate.toCrashed, 15, 15, 20, 1]);
  });

  it('a cut in flight stops the dot where it was when the link went down; a cut at the send stops it midway', () => {
    const m = small([5, 30], [[9, { type: 'cut', from: 0, to: 1 }]]).messages;
    expect([m.fate[0], m.arrive[0], m.end[0], m.dropFrac[0]]).toEqual([Fate.cut, 9, 15, Math.fround(0.4)]);
    expect([m.fate[1], m.send[1], m.arrive[1], m.end[1], m.visibleEnd[1], m.dropFrac[1]]).toEqual([Fate.cut, 30, 35, 35, 40, 0.5]);
  });

  it('a lost message runs half a median latency to mid-link; an unfinished one is open at the horizon', () => {
    const lost = small([5], [], 1).messages;
    expect([lost.fate[0], lost.arrive[0], lost.dropFrac[0]]).toEqual([Fate.lost, 5 + 200 / 20 / 2, 0.5]);
    const open = small([195], []).messages;
    expect([open.fate[0], open.arrive[0], open.end[0], open.visibleEnd[0]]).toEqual([Fate.open, 205, Infinity, Infinity]);
  });

  it('in-flight at t lists exactly the dots on the stage then', () => {
    const s = small([5, 8, 30], []);
    const out = new Uint32Array(s.peakInFlight);
    expect(s.peakInFlight).toBe(2);
    expect([...out.subarray(0, inFlightAt(s, 9, out))]).toEqual([0, 1]);
    expect([...out.subarray(0, inFlightAt(s, 15, out))]).toEqual([1]);
    expect(inFlightAt(s, 25, out)).toBe(0);
  });
});

describe('buildStage on the golden scenario', () => {
  const run = runEcho({ ...GOLDEN_CONFIG, stage: true });
  const s = buildStage({ trace: run.columns, log: run.sim.stageLog!.columns(), ticksPerUnit: 1, timeUnit: 'tick', nodeNames: names(5) });

  it('crash and pause intervals follow the script', () => {
    expect([isInside(s.crashes, 4, 499), isInside(s.crashes, 4, 500), isInside(s.crashes, 4, 1099), isInside(s.crashes, 4, 1100)]).toEqual([false, true, true, false]);
    expect([isInside(s.pauses, 2, 1300), isInside(s.pauses, 2, 1400), isInside(s.pauses, 1, 1300)]).toEqual([true, false, false]);
  });

  it('partition epochs: groups from the log, heal restores all, a one-way cut blocks one direction', () => {
    const at = (t: number) => epochAt(s.epochs, t);
    expect([isBlocked(s.epochs, at(299), 0, 2, 5), isBlocked(s.epochs, at(300), 0, 2, 5), isBlocked(s.epochs, at(300), 0, 1, 5)]).toEqual([false, true, false]);
    expect(isBlocked(s.epochs, at(300), 4, 0, 5)).toBe(true);
    expect(isBlocked(s.epochs, at(900), 0, 2, 5)).toBe(false);
    expect([isBlocked(s.epochs, at(1500), 0, 3, 5), isBlocked(s.epochs, at(1500), 3, 0, 5)]).toEqual([true, false]);
  });

  it('clock segments: drift grows the offset, a jump steps it', () => {
    expect(clockOffsetAt(s.clocks, 1, 700)).toBe(0);
    expect(clockOffsetAt(s.clocks, 1, 800)).toBeCloseTo(15, 9);
    expect([clockOffsetAt(s.clocks, 3, 1599), clockOffsetAt(s.clocks, 3, 1600)]).toEqual([0, -250]);
  });

  it('narrates every row but notes, and every copy has exactly one fate', () => {
    expect(s.narrated.length).toBe(s.events.count);
    expect(s.messages.count).toBe(s.messages.originals + s.messages.dupOf.filter((d) => d >= 0).length);
  });
});

describe('buildStage remarks', () => {
  it('merges the lab\'s remarks into the events by time, each after the trace rows of its tick, and narrates them', () => {
    const sim = new Simulation<string>({
      seed: 3, nodes: 2, network: { latency: { kind: 'constant', ticks: 10 } }, stage: {},
      protocol: (ctx) => ({ onMessage() {}, onStart() { if (ctx.id === 0) ctx.setTimer(5, 0); }, onTimer() { ctx.send(1, 'm'); } }),
    });
    sim.run(100);
    const trace = sim.trace.columns();
    const remarks = { tick: [0, 15, 15, 90], node: [0, 1, 1, 0], text: ['a', 'b', 'c', 'd'] };
    const s = buildStage({ trace, log: sim.stageLog!.columns(), ticksPerUnit: 1, timeUnit: 'tick', nodeNames: names(2), remarks });
    expect(s.events.count).toBe(trace.length + 4);
    expect(s.remarks).toEqual(['a', 'b', 'c', 'd']);
    const rows = Array.from({ length: s.events.count }, (_, i) => i);
    const remarkRows = rows.filter((i) => s.events.kind[i] === REMARK_KIND);
    expect(remarkRows.map((i) => [s.events.time[i], s.events.from[i], s.events.payload[i]])).toEqual([[0, 0, 0], [15, 1, 1], [15, 1, 2], [90, 0, 3]]);
    // Times stay sorted, and the delivery at 15 comes before the remarks of tick 15.
    for (let i = 1; i < s.events.count; i++) expect(s.events.time[i]).toBeGreaterThanOrEqual(s.events.time[i - 1]);
    expect(s.events.kind[remarkRows[1] - 1]).toBe(TraceKind.deliver);
    expect(Array.from(s.narrated)).toEqual(rows);
  });

  it('refuses remarks out of time order', () => {
    const sim = new Simulation<string>({ seed: 3, nodes: 2, stage: {}, protocol: () => ({ onMessage() {} }) });
    sim.run(10);
    const remarks = { tick: [5, 4], node: [0, 0], text: ['a', 'b'] };
    expect(() => buildStage({ trace: sim.trace.columns(), ticksPerUnit: 1, timeUnit: 'tick', nodeNames: names(2), remarks })).toThrow(/invalid remarks/);
  });
});

describe('buildStage card fields', () => {
  it('fieldAt finds the change in force per (node, field)', () => {
    const sim = new Simulation<number>({
      seed: 1, nodes: 2, stage: {},
      protocol: (ctx) => ({ onStart() { ctx.card('role', 'follower'); ctx.setTimer(10 + ctx.id); }, onTimer() { ctx.card('role', 'leader'); ctx.card('term', 2); }, onMessage() {} }),
    });
    sim.run();
    const s = buildStage({ trace: sim.trace.columns(), log: sim.stageLog!.columns(), ticksPerUnit: 2, timeUnit: 'ms', nodeNames: names(2) });
    const role = s.fields.names.indexOf('role');
    const term = s.fields.names.indexOf('term');
    expect(fieldText(s.fields, fieldAt(s.fields, 1, role, 5.4))).toBe('follower');
    expect(fieldText(s.fields, fieldAt(s.fields, 1, role, 5.5))).toBe('leader');
    expect(fieldAt(s.fields, 0, term, 4)).toBe(-1);
    expect(fieldText(s.fields, fieldAt(s.fields, 0, term, 5))).toBe('2');
  });
});
