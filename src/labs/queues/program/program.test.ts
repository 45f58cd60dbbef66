import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { consumerNode, defaults, LIMITS, presets, validate, type QueuesScenario } from '../scenario';
import { rangeAssign, stickyAssign } from './assignors';
import { program } from './program';
import { FIELDS_MAX, MESSAGES_MAX } from './recorder';

const run = (s: QueuesScenario) => program(s, plainContext());

describe('assignors', () => {
  it('rangeAssign(members, 6) gives contiguous runs, the first members one more', () => {
    expect([...rangeAssign([0, 1, 2, 3], 6)]).toEqual([0, 0, 1, 1, 2, 3]);
    expect([...rangeAssign([], 3)]).toEqual([-1, -1, -1]);
  });

  it('stickyAssign keeps what members own up to quota and gives the rest to newcomers', () => {
    const current = [0, 0, 1, 1, 2, 2];
    const target = [...stickyAssign([0, 1, 2, 3], current, 6)];
    expect(target.filter((c, p) => c !== current[p])).toHaveLength(1);
    expect(target.filter((c) => c === 3)).toHaveLength(1);
    expect([...stickyAssign([1, 2], [0, 0, 1, 1, 2, 2], 6)].sort()).toEqual([1, 1, 1, 2, 2, 2]);
  });
});

describe('queues program', () => {
  it('commit before processing (at-most-once) skips the records of a batch cut by a crash, and its check says so', () => {
    const crash = presets.find((p) => p.id === 'crash-before-commit')!.scenario;
    const r = run({ ...crash, commit: 'before' });
    expect(r.kafka!.skipped).toBeGreaterThan(0);
    expect(r.checks.find((c) => c.id === 'commit-bound')!.ok).toBe(false);
    expect(run(crash).kafka!.skipped).toBe(0);
  });

  it('a crash is noticed a session timeout after the last heartbeat, not at once', () => {
    const s = { ...defaults, sessionTimeoutMs: 10_000, events: [{ t: 40_000, type: 'crash' as const, node: consumerNode(defaults, 1) }] };
    const r = run(s);
    const second = r.kafka!.rebalances[1];
    expect(second.startMs).toBeGreaterThan(40_000 + 10_000 - 3000);
    expect(second.startMs).toBeLessThanOrEqual(40_000 + 10_000);
  });

  it('SQS with maxReceiveCount 1 moves each poison message to the DLQ on its second receive', () => {
    const s: QueuesScenario = { ...defaults, mode: 'sqs', consumers: 2, messages: 300, keys: 3, poisonShare: 0.05, maxReceiveCount: 1, visibilityMs: 2000, redeliverShare: 0, durationMs: 120_000 };
    const r = run(s);
    expect(r.sqs!.standard.dlq).toBeGreaterThan(0);
    expect(r.sqs!.standard.receiveHistogram[1]).toBeGreaterThanOrEqual(r.sqs!.standard.dlq);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  it('at 100 partitions and 2 x 10^5 records the stage stays bounded (sampled dots, capped card rows)', { timeout: 60_000 }, () => {
    const s: QueuesScenario = { ...defaults, partitions: 100, consumers: 16, messages: 200_000, keys: 10_000, processMs: 40, batchMax: 500, durationMs: 720_000 };
    const r = run(s);
    expect(r.kafka!.outputs.distinct).toBeGreaterThan(0.95 * 200_000);
    expect(r.stage.messages.count).toBeLessThanOrEqual(MESSAGES_MAX);
    expect(r.stage.fields.time.length).toBeLessThanOrEqual(FIELDS_MAX + 400 * (100 + 18) * 4 + 1000);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  it('a second group reads every record with its own offsets and leaves the first group\'s run unchanged', () => {
    const s: QueuesScenario = { ...defaults, processMs: 10, durationMs: 120_000, messages: 1200 };
    const one = run(s);
    const two = run({ ...s, secondGroup: true });
    expect([...two.kafka!.committed]).toEqual([...one.kafka!.committed]);
    expect(two.kafka!.outputs).toEqual(one.kafka!.outputs);
    const second = two.kafka!.second!;
    // Its member starts at the log end (auto.offset.reset = latest) when the log is empty, so it reads nearly all.
    expect(second.outputs.distinct).toBeGreaterThan(0.98 * two.kafka!.produced);
    expect(second.outputs.plainDuplicates).toBe(0);
    expect(two.stage.nodeNames.at(-1)).toBe('a0');
    expect(two.traceHash).not.toBe(one.traceHash);
  });

  it('producer retries: without the idempotent producer the broker appends them and consumers process them twice; with it the broker drops them', () => {
    const s: QueuesScenario = { ...defaults, retryShare: 0.05, processMs: 20, durationMs: 120_000, messages: 1200 };
    const off = run({ ...s, idempotentProducer: false }).kafka!;
    expect(off.producerDuplicates).toBeGreaterThan(0);
    expect(off.outputs.plainDuplicates).toBeGreaterThan(0.9 * off.producerDuplicates);
    expect(off.outputs.idempotentRows).toBe(off.outputs.distinct);
    const on = run(s).kafka!;
    expect([on.producerDuplicates, on.outputs.plainDuplicates]).toEqual([0, 0]);
    expect(on.producerRetriesDropped).toBe(off.producerDuplicates);
  });

  it('validate refuses links over a limit, naming it', () => {
    const tooMany = validate({ ...defaults, messages: 2_000_000 });
    expect(!tooMany.ok && tooMany.issues[0].message).toBe(`messages must be 1..${LIMITS.messagesMax.toLocaleString('en-US')}, got 2,000,000`);
    const partitions = validate({ ...defaults, partitions: 101 });
    expect(!partitions.ok && partitions.issues[0].message).toMatch(/partitions must be 1\.\.100, got 101/);
    const notConsumer = validate({ ...defaults, events: [{ t: 10, type: 'crash', node: 6 }] });
    expect(!notConsumer.ok && notConsumer.issues[0].message).toMatch(/must be a consumer of the kafka scene, 0\.\.4 \(c0\.\.c4\)/);
    // The largest scenario every limit allows is accepted: the limits above are what bounds a run.
    expect(validate({ ...defaults, partitions: 100, messages: 1_000_000, consumers: 16, keys: 100_000, durationMs: 7_200_000 }).ok).toBe(true);
  });
});
