/**
 * Goal: the stage log records what the stage needs (message kinds, labels, arrival ticks, card fields,
 * clock readings, partition groups) without touching the trace. Method: the golden echo scenario run with
 * and without a stage log; its columns checked against the trace of the same run.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { StageLog } from './stageLog';
import { GOLDEN_CONFIG, GOLDEN_HASH, GOLDEN_LENGTH } from './testing/golden';
import { runEcho } from './testing/echoRun';
import { TraceKind } from './traceKind';

describe('StageLog', () => {
  it('a run with a stage log keeps the golden trace hash and length', () => {
    const { columns, sim } = runEcho({ ...GOLDEN_CONFIG, stage: true });
    expect({ hash: columns.hash, length: columns.length }).toEqual({ hash: GOLDEN_HASH, length: GOLDEN_LENGTH });
    expect(sim.stageLog).toBeDefined();
  });

  it('columns() describes every sent message by id, with the kind and label the describer gave', () => {
    const { columns, sim } = runEcho({ ...GOLDEN_CONFIG, stage: true });
    const log = sim.stageLog!.columns();
    let sends = 0;
    for (let i = 0; i < columns.length; i++) {
      if (columns.kind[i] !== TraceKind.send) continue;
      const id = columns.payload[i];
      expect(id).toBe(sends++);
      expect(log.kinds[log.messageKind[id]]).toMatch(/^(ping|pong)$/);
      expect(log.labels[log.messageLabel[id]]).toMatch(/^(ping|pong) r\d+$/);
    }
    expect(log.messageCount).toBe(sends);
    expect(log.kinds).toEqual(['ping', 'pong']);
  });

  it('columns() holds an arrival tick for each scheduled copy and NaN for messages lost at the send', () => {
    const { columns, sim } = runEcho({ ...GOLDEN_CONFIG, stage: true });
    const log = sim.stageLog!.columns();
    for (let i = 0; i < columns.length; i++) {
      const id = columns.payload[i];
      const kind = columns.kind[i];
      if (kind === TraceKind.lose) expect(log.arrive[id]).toBeNaN();
      // A duplicate may overtake its original: either copy can be the first delivered.
      if (kind === TraceKind.deliver) expect(Math.min(log.arrive[id], log.arriveDup[id] || Infinity)).toBeLessThanOrEqual(columns.time[i]);
      if (kind === TraceKind.duplicate) expect(log.arriveDup[id]).toBeGreaterThanOrEqual(columns.time[i]);
    }
    expect(log.arriveDup.some((t) => !Number.isNaN(t))).toBe(true);
  });

  it('records clock readings after clock faults and the group vector of each partition', () => {
    const { sim } = runEcho({ ...GOLDEN_CONFIG, stage: true });
    const log = sim.stageLog!.columns();
    // drift n1 +150000 ppm at 700; clockJump n3 by -250 at 1600.
    expect([...log.clockTime]).toEqual([700, 1600]);
    expect([...log.clockNode]).toEqual([1, 3]);
    expect([...log.clockOffset]).toEqual([0, -250]);
    expect([...log.clockDrift]).toEqual([150_000, 0]);
    expect(log.partitions.map((g) => [...g])).toEqual([[0, 0, 1, 1, 2]]);
  });

  it('ctx.card records field changes, numbers and interned texts, and is a no-op without a stage log', () => {
    const run = (stage: boolean) => {
      const sim = new Simulation<number>({
        seed: 1, nodes: 2, ...(stage ? { stage: {} } : {}),
        protocol: (ctx) => ({ onStart() { ctx.card('role', ctx.id === 0 ? 'leader' : 'follower'); ctx.card('term', 1); }, onMessage() {} }),
      });
      sim.run();
      return sim;
    };
    expect(run(false).stageLog).toBeUndefined();
    const log = run(true).stageLog!.columns();
    expect(log.fields).toEqual(['role', 'term']);
    expect(log.texts).toEqual(['leader', 'follower']);
    expect([...log.fieldNode]).toEqual([0, 0, 1, 1]);
    expect([...log.fieldText]).toEqual([0, -1, 1, -1]);
    expect([...log.fieldValue].map((v) => (Number.isNaN(v) ? 'text' : v))).toEqual(['text', 1, 'text', 1]);
  });

  it('a card probe records a field after start, deliveries, timers and scripted calls, only when it changed', () => {
    const sim = new Simulation<number>({
      seed: 1, nodes: 2, network: { latency: { kind: 'constant', ticks: 10 } },
      stage: { probe: { fields: ['count', 'parity'], read: (node, f) => { const c = (node.storage.count as number) ?? 0; return f === 0 ? c : c % 2 ? 'odd' : 'even'; } } },
      protocol: (ctx) => ({
        onStart() { if (ctx.id === 0) ctx.setTimer(5); },
        onTimer() { ctx.storage.count = 1; ctx.send(1, 0); },
        onMessage() { ctx.storage.count = 2; },
      }),
    });
    sim.at(30, () => { sim.node(0).storage.count = 3; });
    sim.at(40, () => {});
    sim.run();
    const log = sim.stageLog!.columns();
    const rows = Array.from({ length: log.fieldCount }, (_, i) => `${log.fieldTime[i]} n${log.fieldNode[i]} ${log.fields[log.fieldName[i]]}=${log.fieldText[i] >= 0 ? log.texts[log.fieldText[i]] : log.fieldValue[i]}`);
    expect(rows).toEqual([
      '0 n0 count=0', '0 n0 parity=even', '0 n1 count=0', '0 n1 parity=even',
      '5 n0 count=1', '5 n0 parity=odd', '15 n1 count=2', '30 n0 count=3',
    ]);
  });

  it('sent() refuses an id out of sequence (the engine numbers messages from 0)', () => {
    const log = new StageLog<number>();
    log.sent(0, 1);
    expect(() => log.sent(2, 1)).toThrow('invalid message id: 2');
  });
});
