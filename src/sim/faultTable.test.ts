/**
 * The fault table and the node state machine. Goal: the table is the whole story of a fault (rows keyed by
 * their type, every field with a limit the checks enforce), and what a menu greys out (`isNoOp`) is exactly
 * what the engine ignores. Method: every (status, verb) pair is run on a real simulation.
 */
import { describe, expect, it } from 'vitest';
import { faultEventIssue } from './faultCheck';
import { faultLabel, linkFaultMenu, nodeFaultMenu } from './faultMenu';
import { FAULT_EVENT_TYPES, FAULT_TABLE, isNoOp } from './faultTable';
import { applyFault } from './faults';
import { NodeStatus, type NodeStatusCode, type NodeVerb, nodeTransition } from './nodeLifecycle';
import { Simulation } from './simulation';
import { traceRows } from './testing/traceRows';

const VERBS: readonly NodeVerb[] = ['crash', 'recover', 'pause', 'resume'];
const STATUSES: readonly NodeStatusCode[] = [NodeStatus.up, NodeStatus.crashed, NodeStatus.paused];

/** A quiet 2-node simulation with node 0 brought to `status` (through the engine's own verbs). */
function nodeIn(status: NodeStatusCode): Simulation {
  const s = new Simulation({ seed: 1, nodes: 2, protocol: () => ({ onMessage() {} }) });
  if (status === NodeStatus.crashed) applyFault(s, { type: 'crash', node: 0 });
  if (status === NodeStatus.paused) applyFault(s, { type: 'pause', node: 0 });
  return s;
}

describe('FAULT_TABLE', () => {
  it('has one row per type, keyed by it, with a doc line, a menu label naming its fields, and a known undo', () => {
    for (const type of FAULT_EVENT_TYPES) {
      const kind = FAULT_TABLE[type];
      expect(kind.type).toBe(type);
      expect(kind.doc).toMatch(/^[A-Z].*\.$/);
      for (const [, key] of kind.menu.matchAll(/\{(\w+)\}/g)) expect(kind.fields.map((f) => f.key)).toContain(key);
      if (kind.undo) expect(FAULT_EVENT_TYPES).toContain(kind.undo);
    }
    expect(FAULT_EVENT_TYPES).toEqual(['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'slow', 'lossy', 'duplicating', 'clockJump', 'skew', 'drift']);
  });

  it('faultEventIssue refuses each amount just past its limit, naming the limit', () => {
    for (const type of FAULT_EVENT_TYPES) {
      for (const field of FAULT_TABLE[type].fields) {
        if (field.kind !== 'int' && field.kind !== 'number') continue;
        const event = { type, node: 0, from: 0, to: 1, groups: '0', [field.key]: field.max + 1 };
        expect(faultEventIssue(event, 2, 2)?.message).toBe(`events[2].${field.key} must be ${field.kind === 'int' ? 'an integer' : 'a number'} in ${field.min}..${field.max}${field.unit ? ` ${field.unit}` : ''}, got ${field.max + 1}`);
        expect(faultEventIssue({ ...event, [field.key]: field.max }, 2, 2)).toBeUndefined();
      }
    }
  });
});

describe('the node state machine', () => {
  it('nodeTransition(status, verb) is the documented table: crash from up or paused, recover from crashed, pause from up, resume from paused', () => {
    const table = STATUSES.map((status) => VERBS.map((verb) => nodeTransition(status, verb)));
    expect(table).toEqual([
      [NodeStatus.crashed, undefined, NodeStatus.paused, undefined],
      [undefined, NodeStatus.up, undefined, undefined],
      [NodeStatus.crashed, undefined, undefined, NodeStatus.up],
    ]);
  });

  it('isNoOp(type, status) is true exactly when the engine ignores the fault and traces nothing', () => {
    for (const status of STATUSES) {
      for (const verb of VERBS) {
        const s = nodeIn(status);
        const before = s.trace.length;
        const changed = applyFault(s, { type: verb, node: 0 });
        expect({ status, verb, changed, traced: s.trace.length - before }).toEqual({ status, verb, changed: !isNoOp(verb, status), traced: changed ? 1 : 0 });
        expect(s.node(0).status).toBe(nodeTransition(status, verb) ?? status);
      }
      for (const type of FAULT_EVENT_TYPES.filter((t) => !FAULT_TABLE[t].verb)) expect(isNoOp(type, status)).toBe(false);
    }
  });
});

describe('fault menus', () => {
  it('nodeFaultMenu(types, node, status) offers the node faults of the lab, greying out what would change nothing', () => {
    const menu = nodeFaultMenu(['crash', 'recover', 'pause', 'resume', 'partition', 'heal', 'skew'], 1, NodeStatus.up);
    expect(menu.map((i) => [i.label, i.isNoOp, i.ask.map((f) => f.key)])).toEqual([
      ['Crash n1', false, []], ['Recover n1', true, []], ['Pause n1', false, []], ['Resume n1', true, []], ['Set n1 clock offset to … ms', false, ['ms']],
    ]);
    expect(menu[0].draft).toEqual({ type: 'crash', node: 1 });
    expect(nodeFaultMenu(['crash', 'recover'], 2, NodeStatus.crashed, (id) => `region ${id}`).map((i) => [i.label, i.isNoOp])).toEqual([['Crash region 2', true], ['Recover region 2', false]]);
  });

  it('linkFaultMenu(types, from, to) offers the link faults; faultLabel fills a complete event', () => {
    expect(linkFaultMenu(['crash', 'cut', 'healLink', 'slow'], 0, 2).map((i) => i.label)).toEqual(['Cut n0 → n2', 'Heal n0 → n2', 'Slow n0 → n2 by … ms']);
    expect(faultLabel({ type: 'slow', from: 0, to: 2, ms: 20 })).toBe('Slow n0 → n2 by 20 ms');
    expect(faultLabel({ type: 'partition', groups: '0,1|2' })).toBe('Partition 0,1|2');
    expect(faultLabel({ type: 'isolate', node: 3 })).toBe('Isolate n3');
  });
});

describe('link faults', () => {
  /** Node 0 sends one message to node 1 every 10 ticks, 200 times; returns (send id -> first arrival), copies delivered per id and the trace kinds. */
  function run(faults: [number, Parameters<typeof applyFault>[1]][]) {
    const arrivals: number[] = [];
    const copies: number[] = [];
    const s = new Simulation<number>({
      seed: 7,
      nodes: 2,
      network: { latency: { kind: 'uniform', minTicks: 1, maxTicks: 5 } },
      protocol: (ctx) => ({
        onStart: () => ctx.id === 0 && ctx.setTimer(10, 0),
        onTimer: (tag) => {
          ctx.send(1, tag);
          if (tag < 199) ctx.setTimer(10, tag + 1);
        },
        onMessage: (_from, msg) => {
          arrivals[msg] ??= ctx.now() - 10 * (msg + 1);
          copies[msg] = (copies[msg] ?? 0) + 1;
        },
      }),
    });
    for (const [t, fault] of faults) s.at(t, () => applyFault(s, fault));
    s.run();
    const kinds = traceRows(s.trace.columns()).map((r) => r.kind).filter((k) => ['slow', 'lossy', 'lose', 'duplicating', 'duplicate'].includes(k));
    return { arrivals, copies, kinds };
  }

  it('slow adds its delay to every later message of the link, 0 ends it; the latency draws stay the same', () => {
    const plain = run([]).arrivals;
    const slowed = run([[1000, { type: 'slow', from: 0, to: 1, ticks: 40 }], [1500, { type: 'slow', from: 0, to: 1, ticks: 0 }]]);
    expect(slowed.arrivals.map((d, i) => d - plain[i])).toEqual(plain.map((_, i) => (i >= 99 && i < 149 ? 40 : 0)));
    expect(slowed.kinds).toEqual(['slow', 'slow']);
  });

  it('lossy loses about its share of later messages (traced as lose), 0 ends it; lossy 0 draws nothing', () => {
    const plain = run([]).arrivals;
    const lossy = run([[0, { type: 'lossy', from: 0, to: 1, ppm: 500_000 }], [1000, { type: 'lossy', from: 0, to: 1, ppm: 0 }]]);
    const lost = plain.map((_, i) => i).filter((i) => lossy.arrivals[i] === undefined);
    expect(lost.length).toBeGreaterThan(30);
    expect(lost.length).toBeLessThan(70);
    expect(Math.max(...lost)).toBeLessThan(99);
    expect(lossy.kinds).toEqual(['lossy', ...lost.map(() => 'lose'), 'lossy']);
    expect(run([[0, { type: 'lossy', from: 0, to: 1, ppm: 0 }]]).arrivals).toEqual(plain);
  });

  it('duplicating delivers about its share of later messages twice (traced as duplicate), 0 ends it; duplicating 0 draws nothing', () => {
    const plain = run([]);
    const dup = run([[0, { type: 'duplicating', from: 0, to: 1, ppm: 500_000 }], [1000, { type: 'duplicating', from: 0, to: 1, ppm: 0 }]]);
    const twice = dup.copies.map((c, i) => (c === 2 ? i : -1)).filter((i) => i >= 0);
    expect(twice.length).toBeGreaterThan(30);
    expect(twice.length).toBeLessThan(70);
    expect(Math.max(...twice)).toBeLessThan(99);
    expect(dup.copies.every((c) => c === 1 || c === 2)).toBe(true);
    expect(dup.kinds).toEqual(['duplicating', ...twice.map(() => 'duplicate'), 'duplicating']);
    expect(plain.copies.every((c) => c === 1)).toBe(true);
    expect(run([[0, { type: 'duplicating', from: 0, to: 1, ppm: 0 }]]).arrivals).toEqual(plain.arrivals);
  });

});
