/**
 * Goal: the lab's invariants hold under any schedule of consumer crashes, restarts, joins and slowdowns:
 * each member reads a partition in offset order (from the committed offset after an assignment); a commit
 * never passes the last processed record + 1 (commit after); at most one member fetches a partition per
 * generation; the idempotent outputs hold each message once; a message moves to a DLQ once, on the receive
 * after maxReceiveCount; FIFO keeps group order; every record committed past was processed (at-least-once).
 * Method: seeded swarm scenarios (sizes, assignor, poison, retries, receive batches drawn from the seed) with
 * random consumer events, both scenes. `npm test` runs a small share; QUEUES_SWARM=500 runs more.
 */
import { describe, expect, it } from 'vitest';
import { rng } from '../../../core/random/rng';
import { plainContext } from '../../contract';
import type { Mode } from '../result';
import { consumerNode, consumerSlots, defaults, validate, type QueuesEvent, type QueuesScenario } from '../scenario';
import { program } from './program';

const RUNS = Number(process.env.QUEUES_SWARM ?? 10);

function swarm(mode: Mode, seed: number): QueuesScenario {
  const r = rng(seed).fork('swarm');
  const durationMs = 60_000 + r.int(240_000);
  const base: QueuesScenario = {
    ...defaults, mode, seed, durationMs,
    partitions: 1 + r.int(12), consumers: 1 + r.int(5), messages: 100 + r.int(3000), keys: 1 + r.int(50),
    hotKeyShare: r.int(3) === 0 ? 0.5 : 0, processMs: 20 + r.int(400), batchMax: 1 + r.int(100),
    sessionTimeoutMs: 5000 + r.int(60_000), maxPollIntervalMs: 20_000 + r.int(100_000),
    assignor: r.int(2) === 0 ? 'eager' : 'cooperative', visibilityMs: 1000 + r.int(40_000), maxReceiveCount: 1 + r.int(6),
    receiveMax: 1 + r.int(10), poisonShare: r.int(2) === 0 ? 0.05 : 0, retryShare: r.int(2) === 0 ? 0.1 : 0,
    retryDelayMs: r.int(400_000), redeliverShare: r.int(2) === 0 ? 0.05 : 0, secondGroup: r.int(2) === 0, idempotentProducer: r.int(2) === 0,
  };
  const events: QueuesEvent[] = [];
  const slots = consumerSlots(base);
  let t = 0;
  for (let i = 0, n = r.int(8); i < n; i++) {
    t += 1 + r.int(Math.floor(durationMs / 8));
    if (t >= durationMs) break;
    const node = consumerNode(base, r.int(slots));
    const kind = r.int(4);
    events.push(kind === 0 ? { t, type: 'crash', node } : kind === 1 ? { t, type: 'recover', node } : kind === 2 ? { t, type: 'join', node } : { t, type: 'slowdown', node, factor: 1 + r.int(300) });
  }
  return { ...base, events };
}

describe('the queues invariants hold under random consumer faults', () => {
  for (const mode of ['kafka', 'sqs'] as const) {
    it(`${mode}: ${RUNS} seeded schedules, every check holds and nothing committed is skipped`, { timeout: 30_000 + RUNS * 2000 }, () => {
      for (let i = 0; i < RUNS; i++) {
        const s = swarm(mode, 1000 + i);
        const v = validate(s);
        expect(v.ok, `seed ${1000 + i}: ${JSON.stringify(!v.ok && v.issues)}`).toBe(true);
        const r = program(s, plainContext());
        for (const c of r.checks) expect(c.ok, `seed ${1000 + i} (${mode}): ${c.id}: ${c.detail}`).toBe(true);
        if (r.kafka) {
          expect(r.kafka.skipped, `seed ${1000 + i}`).toBe(0);
          for (let p = 0; p < s.partitions; p++) expect(r.kafka.committed[p]).toBeLessThanOrEqual(r.kafka.logEnd[p]);
        }
        if (r.sqs) {
          // Receives count, not failures: a queue never moves more messages than those received maxReceiveCount times.
          for (const side of [r.sqs.standard, r.sqs.fifo]) expect(side.dlq).toBeLessThanOrEqual(side.receiveHistogram.slice(Math.min(10, s.maxReceiveCount)).reduce((a, b) => a + b, 0));
          expect(r.sqs.fifo.outOfOrder).toBe(0);
        }
      }
    });
  }

  it('the same scenario gives the same trace hash', () => {
    for (const mode of ['kafka', 'sqs'] as const) {
      const s = swarm(mode, 7);
      expect(program(s, plainContext()).traceHash).toBe(program(s, plainContext()).traceHash);
    }
  });
});
