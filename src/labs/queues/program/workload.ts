/**
 * The producer's messages, drawn up front from the seed (struct of arrays, one entry per message): when
 * each is sent (evenly over the run, in produce ticks), its key (the hot key k0 with `hotKeyShare`, else
 * uniform), its per-key sequence number, and whether it is poison or retried (SQS). Everything later reads
 * these columns; nothing allocates an object per message.
 */
import { rng } from '../../../core/random/rng';
import type { QueuesScenario } from '../scenario';

/** Produce ticks per run at most (a tick sends what fell due since the last one). */
export const PRODUCE_TICKS_MAX = 5000;

export interface Workload {
  count: number;
  /** Length of a produce tick, ms, and the first message of tick k: tickFirst[k] (tickFirst[ticks] = count). */
  tickMs: number;
  ticks: number;
  tickFirst: Int32Array;
  key: Int32Array;
  /** n-th message of its key (0-based). */
  keySeq: Int32Array;
  /** 1 when the message always fails processing. */
  poison: Uint8Array;
  /** 1 when the producer sends it a second time (same id) after retryDelayMs. */
  retried: Uint8Array;
}

export function makeWorkload(s: QueuesScenario): Workload {
  const root = rng(s.seed);
  const keys = root.fork('keys');
  const faults = root.fork('poison');
  const retries = root.fork('retries');
  const count = s.messages;
  const ticks = Math.max(1, Math.min(PRODUCE_TICKS_MAX, Math.floor(s.durationMs / 100)));
  const tickMs = s.durationMs / ticks;
  const tickFirst = new Int32Array(ticks + 1);
  for (let k = 0; k <= ticks; k++) tickFirst[k] = Math.floor((k * count) / ticks);
  const key = new Int32Array(count);
  const keySeq = new Int32Array(count);
  const seen = new Int32Array(s.keys);
  const poison = new Uint8Array(count);
  const retried = new Uint8Array(count);
  const hot = Math.round(s.hotKeyShare * 1_000_000);
  const poisonPpm = Math.round(s.poisonShare * 1_000_000);
  const retryPpm = Math.round(s.retryShare * 1_000_000);
  for (let m = 0; m < count; m++) {
    const k = hot > 0 && keys.int(1_000_000) < hot ? 0 : keys.int(s.keys);
    key[m] = k;
    keySeq[m] = seen[k]++;
    poison[m] = poisonPpm > 0 && faults.int(1_000_000) < poisonPpm ? 1 : 0;
    retried[m] = retryPpm > 0 && retries.int(1_000_000) < retryPpm ? 1 : 0;
  }
  return { count, tickMs, ticks, tickFirst, key, keySeq, poison, retried };
}

/** When message m is sent, ms: the end of its produce tick. */
export function sendMs(w: Workload, tick: number): number {
  return (tick + 1) * w.tickMs;
}
