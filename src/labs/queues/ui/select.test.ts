import { describe, expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import { defaults } from '../scenario';
import { lagMatrix, queueRows, stagePositions } from './select';

describe('queues select', () => {
  const kafka = program({ ...defaults, durationMs: 30_000, messages: 300 }, plainContext());
  const sqs = program({ ...defaults, mode: 'sqs', durationMs: 30_000, messages: 100, keys: 3 }, plainContext());

  it('stagePositions(result) places every node inside the box, the producer left of the partitions and the consumers right', () => {
    for (const r of [kafka, sqs]) {
      for (const isNarrow of [false, true]) {
        const { x, y } = stagePositions(r, isNarrow);
        expect(x).toHaveLength(r.stage.nodeNames.length);
        for (let i = 0; i < x.length; i++) {
          expect(x[i]).toBeGreaterThanOrEqual(0);
          expect(x[i]).toBeLessThanOrEqual(1);
          expect(y[i]).toBeGreaterThanOrEqual(0);
          expect(y[i]).toBeLessThanOrEqual(1);
        }
      }
    }
    const { x } = stagePositions(kafka, false);
    const at = (name: string) => x[kafka.stage.nodeNames.indexOf(name)];
    expect(at('w0')).toBeLessThan(at('p0'));
    expect(at('p0')).toBeLessThan(at('c0'));
  });

  it('lagMatrix(k) transposes samples to one row per partition and finds the peak', () => {
    const k = kafka.kafka!;
    const { matrix, peak } = lagMatrix(k);
    expect(matrix.nodeCount).toBe(6);
    expect(matrix.bucketCount).toBe(k.samples);
    const s = 123, p = 4;
    expect(matrix.values[p * k.samples + s]).toBe(k.lag[s * 6 + p]);
    expect(peak).toBe(Math.max(...k.lag));
  });

  it('queueRows(q) lists standard beside FIFO, sends first', () => {
    const rows = queueRows(sqs.sqs!);
    expect(rows[0]).toMatchObject({ label: 'sends (retries included)', left: '100', right: '100' });
  });
});
