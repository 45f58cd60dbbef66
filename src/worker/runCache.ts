/**
 * The worker's run cache (RunCache of ../labs/contract.ts): pieces a run computed that the next run can
 * reuse, keyed by the inputs that produced each one, least recently used dropped first once the entries'
 * bytes pass the bound. It also knows which ArrayBuffers its entries hold, so the worker copies those into
 * a reply instead of moving them (a moved buffer would be detached here, and the next run would read an
 * empty array). Beside the pieces, the bin of spare working memory (../sim/bufferBin.ts), bounded on its
 * own: it keeps, between runs, what a run would allocate anyway.
 */
import type { RunCache } from '../labs/contract';
import { BufferBin } from '../sim/bufferBin';
import { collectTransferables } from './transferables';

/** What the worker keeps by default: a few maximum-scale pieces (a 10^6-point ring is ~6 MB). */
export const RUN_CACHE_BYTES = 192 * 1024 * 1024;

export interface WorkerRunCache extends RunCache {
  /** True when a cached entry holds this buffer (the reply must copy it, not transfer it). */
  holds(buffer: ArrayBuffer): boolean;
  /** Bytes held now (the sum of the entries' declared sizes). */
  readonly bytes: number;
  readonly size: number;
  clear(): void;
}

interface Entry {
  value: unknown;
  bytes: number;
  buffers: ArrayBuffer[];
}

/** A cache of at most `maxBytes` of pieces, with `bin` for the runs' spare working memory. */
export function createRunCache(maxBytes = RUN_CACHE_BYTES, bin = new BufferBin()): WorkerRunCache {
  // A Map iterates in insertion order: re-inserting on get() keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const held = new Map<ArrayBuffer, number>();
  let bytes = 0;

  function drop(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
    for (const b of entry.buffers) {
      const n = (held.get(b) ?? 0) - 1;
      if (n <= 0) held.delete(b);
      else held.set(b, n);
    }
  }

  return {
    get<T>(key: string): T | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value as T;
    },
    set(key, value, size) {
      drop(key);
      if (!(size >= 0) || size > maxBytes) return;
      const buffers = collectTransferables(value);
      entries.set(key, { value, bytes: size, buffers });
      bytes += size;
      for (const b of buffers) held.set(b, (held.get(b) ?? 0) + 1);
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
    },
    holds: (buffer) => held.has(buffer),
    bin,
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
      held.clear();
      bytes = 0;
      bin.clear();
    },
  };
}
