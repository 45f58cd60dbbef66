/**
 * The topic's logs as the producer fills them, built up front (struct of arrays): each record is an
 * "entry" (message id, partition, offset), appended at its produce tick, partition by murmur2(key) mod N.
 *
 * A retried send (its acknowledgement was lost, `retryShare`) goes out again `retryDelayMs` later, at the
 * next produce tick. Without the idempotent producer the broker appends it once more: the same message at
 * a second offset, which consumers will process twice. With it (Kafka's default: producer id plus a
 * sequence number per partition) the broker recognises the sequence and drops the retry; that removes
 * producer-side duplicates only, not the redeliveries a consumer crash causes.
 */
import { kafkaPartition } from '../../../core/hash/murmur2';
import type { QueuesScenario } from '../scenario';
import type { Workload } from './workload';

export interface ProducerLog {
  /** Entries of produce tick k: entryFirst[k]..entryFirst[k+1]-1, in append order. */
  entryFirst: Int32Array;
  entryMsg: Int32Array;
  entryPart: Uint16Array;
  entryOffset: Int32Array;
  /** Records each partition holds at the end, and partition p's records by offset: logMsg[logStart[p] + offset]. */
  perPartition: Int32Array;
  logStart: Int32Array;
  logMsg: Int32Array;
  /** Retries appended as second records (no idempotent producer), and retries the broker dropped (idempotent producer). */
  duplicates: number;
  dropped: number;
}

export function producerLog(s: QueuesScenario, w: Workload): ProducerLog {
  const n = s.partitions;
  const keyPart = new Uint16Array(s.keys);
  for (let k = 0; k < s.keys; k++) keyPart[k] = kafkaPartition(`k${k}`, n);
  // Retries per tick (counting sort by the tick they go out at).
  const retriesAt = new Int32Array(w.ticks + 1);
  const retryTick = new Int32Array(w.count).fill(-1);
  let dropped = 0;
  for (let k = 0; k < w.ticks; k++) {
    for (let m = w.tickFirst[k]; m < w.tickFirst[k + 1]; m++) {
      if (!w.retried[m]) continue;
      const at = (k + 1) * w.tickMs + s.retryDelayMs;
      const kr = Math.max(k + 1, Math.ceil(at / w.tickMs - 1e-9) - 1);
      if (kr >= w.ticks) continue;
      if (s.idempotentProducer) {
        dropped++;
        continue;
      }
      retryTick[m] = kr;
      retriesAt[kr + 1]++;
    }
  }
  for (let k = 0; k < w.ticks; k++) retriesAt[k + 1] += retriesAt[k];
  const duplicates = retriesAt[w.ticks];
  const retryList = new Int32Array(duplicates);
  const fill = retriesAt.slice(0, w.ticks);
  for (let m = 0; m < w.count; m++) if (retryTick[m] >= 0) retryList[fill[retryTick[m]]++] = m;
  const total = w.count + duplicates;
  const entryFirst = new Int32Array(w.ticks + 1);
  const entryMsg = new Int32Array(total);
  let e = 0;
  for (let k = 0; k < w.ticks; k++) {
    entryFirst[k] = e;
    for (let m = w.tickFirst[k]; m < w.tickFirst[k + 1]; m++) entryMsg[e++] = m;
    for (let i = retriesAt[k]; i < retriesAt[k + 1]; i++) entryMsg[e++] = retryList[i];
  }
  entryFirst[w.ticks] = e;
  const entryPart = new Uint16Array(total);
  const entryOffset = new Int32Array(total);
  const perPartition = new Int32Array(n);
  for (let i = 0; i < total; i++) {
    const p = keyPart[w.key[entryMsg[i]]];
    entryPart[i] = p;
    entryOffset[i] = perPartition[p]++;
  }
  const logStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) logStart[p + 1] = logStart[p] + perPartition[p];
  const logMsg = new Int32Array(total);
  for (let i = 0; i < total; i++) logMsg[logStart[entryPart[i]] + entryOffset[i]] = entryMsg[i];
  return { entryFirst, entryMsg, entryPart, entryOffset, perPartition, logStart, logMsg, duplicates, dropped };
}
