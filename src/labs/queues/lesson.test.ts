/**
 * Goal: each lesson claim holds in the simulation, and every number a step quotes is on screen at its step.
 * Method: run each step's scenario; check the claims as data; then build the screen's text (narration
 * remarks, the figures, the tables' cells, the charts' captions, the invariants) and require each number of
 * the step's text in it.
 */
import { describe, expect, it } from 'vitest';
import { REMARK_KIND } from '../../core/stage/types';
import { plainContext } from '../contract';
import { spec } from './index';
import { lesson } from './lesson';
import { program } from './program/program';
import type { QueuesResult } from './result';
import { kafkaFigures, lagMatrix, outputRows, queueRows } from './ui/select';

const cache = new Map<string, QueuesResult>();
const run = (id: string): QueuesResult => {
  const s = lesson.find((x) => x.id === id)!;
  const key = JSON.stringify(s.scenario);
  if (!cache.has(key)) cache.set(key, program(s.scenario, plainContext()));
  return cache.get(key)!;
};

/** When the first remark matching `pattern` is told (ms). */
function remarkAt(r: QueuesResult, pattern: RegExp): number {
  const ev = r.stage.events;
  for (let i = 0; i < ev.count; i++) if (ev.kind[i] === REMARK_KIND && pattern.test(r.stage.remarks[ev.payload[i]])) return ev.time[i];
  return Number.NaN;
}

/** What the page shows for a result: remarks, figures, table cells, chart captions, invariants. */
function screenText(id: string): string {
  const r = run(id);
  const s = lesson.find((x) => x.id === id)!.scenario;
  const parts: string[] = [...r.stage.remarks, ...r.stage.nodeNames, ...r.checks.map((c) => `${c.name} (${c.detail})`)];
  parts.push(`A topic of ${s.partitions} partitions`);
  if (r.kafka) {
    parts.push(...kafkaFigures(r.kafka).flat(), `at most ${lagMatrix(r.kafka).peak.toLocaleString('en-US')}`);
    for (const x of outputRows(r.kafka.outputs)) parts.push(x.left, x.right);
    for (const b of r.kafka.rebalances) parts.push(b.reason, `${(b.endMs - b.startMs).toLocaleString('en-US')} ms`, String(b.generation), String(b.paused), String(b.moved));
  }
  if (r.sqs) {
    for (const x of queueRows(r.sqs)) parts.push(x.left, x.right);
    for (const side of [r.sqs.standard, r.sqs.fifo]) {
      parts.push(`${side.outputs.distinct.toLocaleString('en-US')} distinct`);
      for (const x of outputRows(side.outputs)) parts.push(x.left, x.right);
    }
  }
  return parts.join(' | ');
}

/** The numbers a text quotes (3,000, 67.3), skipping names (c0, p5, m49) and times in seconds ('61 s', '60.050 s'). */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/(?<![A-Za-z\d.,-])\d+(?:,\d{3})*(?:\.\d+)?(?![\d.])(?! ?s\b)(?! minutes)/g)].map((m) => m[0]);
}

describe('queues lesson claims hold in the simulation', () => {
  it('has 12 steps, each valid, 2-3 sentences, t within the run, naming nodes the scene has', () => {
    expect(lesson.length).toBe(12);
    for (const s of lesson) {
      expect(spec.validate(s.scenario).ok, s.id).toBe(true);
      const sentences = s.text.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect(sentences, s.id).toBeGreaterThanOrEqual(2);
      expect(sentences, s.id).toBeLessThanOrEqual(3);
      expect(s.t!).toBeLessThanOrEqual(run(s.id).endTime);
      for (const n of s.highlight?.nodes ?? []) expect(run(s.id).stage.nodeNames).toContain(n);
    }
  });

  it('every number a step quotes is on its screen', () => {
    for (const s of lesson) {
      const screen = screenText(s.id);
      for (const n of numbersIn(s.text)) expect(screen.includes(n), `${s.id}: ${n}`).toBe(true);
    }
  });

  it('decouple and order: 3,000 sent, lag at most 18, no key out of order, 1,900 across partitions', () => {
    const k = run('decouple').kafka!;
    expect(k.produced).toBe(3000);
    expect(lagMatrix(k).peak).toBe(18);
    expect([k.keyOutOfOrder, k.globalOutOfOrder]).toEqual([0, 1900]);
    expect(run('decouple').checks.every((c) => c.ok)).toBe(true);
  });

  it('hot-key: p5 holds 67.3 % of the records, owned by c2, and the topic ends 1,791 behind', () => {
    const k = run('hot-key').kafka!;
    expect(k.hotPartition).toBe(5);
    expect(((100 * k.perPartition[5]) / k.produced).toFixed(1)).toBe('67.3');
    const endLag = k.logEnd.reduce((a, v, p) => a + v - k.committed[p], 0);
    expect(endLag).toBe(1791);
    expect(k.logEnd[5] - k.committed[5]).toBeGreaterThan(0.9 * endLag);
  });

  it('crash: 15 of 27 processed at the crash, detected at 105.050 s (heartbeat 60.050 s + 45 s), 15 records run twice from offset 128', () => {
    const r = run('crash');
    expect(r.stage.remarks).toContain('c0 crashes mid-batch: 15 of its 27 records of p0 processed, none committed; its last heartbeat was at 60.050 s, so the group learns of it at 105.050 s');
    expect(remarkAt(r, /session times out/)).toBe(105_050);
    expect(r.kafka!.rebalances[1]).toMatchObject({ startMs: 105_050, reason: "c0's session timed out" });
    expect(r.stage.remarks).toContain('c1 fetches p0 from the committed offset 128: 15 of these 50 records were processed before and run again');
    expect(r.kafka!.outputs).toMatchObject({ plainDuplicates: 15 });
    expect(r.kafka!.outputs.idempotentRows).toBe(r.kafka!.outputs.distinct);
  });

  it('eager: all 6 partitions pause for 900 ms; cooperative: only p5 moves, in generation 3, 1,200 partition-ms', () => {
    const e = run('eager').kafka!.rebalances[1];
    expect(e).toMatchObject({ startMs: 60_050, endMs: 60_950, generation: 2, paused: 6 });
    const c = run('cooperative').kafka!;
    expect(c.rebalances[1]).toMatchObject({ generation: 3, paused: 1, moved: 1 });
    expect(run('cooperative').stage.remarks).toContain('generation 3: c3 gets p5');
    expect(c.pausedMs).toBe(1200);
  });

  it('slow: c1 leaves at 356.200 s, its commit fails, 31 records are processed twice', () => {
    const r = run('slow');
    expect(remarkAt(r, /c1 has not polled/)).toBe(356_200);
    expect(r.kafka!.commitsFailed).toBeGreaterThan(0);
    expect(r.kafka!.outputs.plainDuplicates).toBe(31);
  });

  it('producer-retries: 156 retries appended as second records, 154 duplicate rows; the idempotent output holds each once', () => {
    const k = run('producer-retries').kafka!;
    expect([k.producerDuplicates, k.producerRetriesDropped, k.outputs.plainDuplicates]).toEqual([156, 0, 154]);
    expect(k.outputs.idempotentRows).toBe(k.outputs.distinct);
  });

  it('visibility: c1 receives m49 again (#2) and c0\'s delete at 70.050 s is stale', () => {
    const r = run('visibility');
    expect(remarkAt(r, /c1 receives m49 from q0 again \(receive #2\)/)).toBeLessThan(70_050);
    expect(remarkAt(r, /c0 deletes m49 from q0 with the receipt handle of receive #1/)).toBe(70_050);
  });

  it('dlq: m34 received 5 times, moved at 168.400 s; FIFO ends with 296 waiting', () => {
    const r = run('dlq');
    expect(remarkAt(r, /c0 receives m34 from q0 again \(receive #5\)/)).toBeLessThan(168_400);
    expect(remarkAt(r, /q0 moves m34 to d0/)).toBe(168_400);
    expect(r.sqs!.fifo.leftVisible + r.sqs!.fifo.leftInFlight).toBe(296);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  it('dedup and idempotence: FIFO drops 36 retries in its window, not after; plain outputs count duplicates, idempotent ones hold 599', () => {
    const d = run('dedup').sqs!;
    expect([d.fifo.deduplicated, d.standard.deduplicated, d.standard.outputs.plainDuplicates, d.fifo.outputs.plainDuplicates]).toEqual([36, 0, 52, 0]);
    const late = run('idempotence').sqs!;
    expect([late.fifo.deduplicated, late.fifo.outputs.plainDuplicates, late.standard.outputs.plainDuplicates]).toEqual([0, 21, 37]);
    expect([late.fifo.outputs.idempotentRows, late.standard.outputs.idempotentRows]).toEqual([599, 599]);
  });
});
