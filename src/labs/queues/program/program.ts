/**
 * The queues program: scenario -> one run of its scene (./kafka.ts or ./sqs.ts), its invariants checked
 * as it runs, and the stage's data (./recorder.ts, outside the hash). The trace hash covers what the scene
 * measured (offsets, lag samples, rebalances, queue counters, outputs). Pure and deterministic: every draw
 * comes from the seed, time is simulated.
 */
import type { LabProgram } from '../../contract';
import type { QueuesResult } from '../result';
import type { QueuesScenario } from '../scenario';
import { runKafka } from './kafka';
import { runSqs } from './sqs';

export type * from '../result';

export const program: LabProgram<QueuesScenario, QueuesResult> = (s, context) => {
  const run = s.mode === 'kafka' ? runKafka(s, context) : runSqs(s, context);
  const metrics: Record<string, number> = { events: run.events };
  let kafka: QueuesResult['kafka'];
  let sqs: QueuesResult['sqs'];
  if ('rebalances' in run.outcome) {
    const k = run.outcome;
    kafka = k;
    let maxLag = 0;
    for (let i = 0; i < k.lag.length; i++) if (k.lag[i] > maxLag) maxLag = k.lag[i];
    Object.assign(metrics, {
      produced: k.produced, processings: k.outputs.processings, distinct: k.outputs.distinct, duplicates: k.outputs.plainDuplicates,
      idempotentRows: k.outputs.idempotentRows, rebalances: k.rebalances.length, pausedMs: k.pausedMs, commits: k.commits,
      commitsFailed: k.commitsFailed, keyOutOfOrder: k.keyOutOfOrder, globalOutOfOrder: k.globalOutOfOrder, skipped: k.skipped,
      maxLag, endLag: k.logEnd.reduce((a, v, p) => a + v - k.committed[p], 0), hotPartition: k.hotPartition,
    });
    Object.assign(metrics, { producerDuplicates: k.producerDuplicates, producerRetriesDropped: k.producerRetriesDropped });
    if (k.second) Object.assign(metrics, { secondGroupDistinct: k.second.outputs.distinct, secondGroupEndLag: k.second.endLag });
  } else {
    const q = run.outcome;
    sqs = q;
    for (const [name, x] of [['standard', q.standard], ['fifo', q.fifo]] as const) {
      Object.assign(metrics, {
        [`${name}Receives`]: x.receives, [`${name}Redeliveries`]: x.redeliveries, [`${name}OutOfOrder`]: x.outOfOrder,
        [`${name}Dlq`]: x.dlq, [`${name}Deduplicated`]: x.deduplicated, [`${name}StaleDeletes`]: x.staleDeletes,
        [`${name}Duplicates`]: x.outputs.plainDuplicates, [`${name}IdempotentRows`]: x.outputs.idempotentRows,
      });
    }
  }
  metrics.checksBroken = run.checks.filter((c) => !c.ok).length;
  const stage = run.stage.build(run.names, s.durationMs);
  context.progress(1);
  return {
    lab: 'queues',
    mode: s.mode,
    traceHash: run.hash,
    metrics,
    endTime: s.durationMs,
    marks: marksOf(run.marksMs, s),
    stage,
    checks: run.checks,
    ...(kafka ? { kafka } : {}),
    ...(sqs ? { sqs } : {}),
  };
};

/** Step targets: the run's remarkable moments and scripted events, and every 1/100 of the run. */
function marksOf(times: number[], s: QueuesScenario): Float64Array {
  const all = [...times, ...s.events.map((e) => e.t)];
  for (let i = 1; i <= 100; i++) all.push((s.durationMs * i) / 100);
  all.sort((a, b) => a - b);
  return Float64Array.from(all.filter((t, i) => i === 0 || t !== all[i - 1]));
}
