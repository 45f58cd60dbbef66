/**
 * What became of each write in each store, and what the lease and the commit stamps promised, judged after
 * the run from the writes' dots and contexts (version vectors: a write w happened before s exactly when s's
 * clock covers w's dot) and from true time, which no replica could read.
 */
import { clockOf, covers } from '../../../core/clocks';
import type { Write } from './messages';
import type { Stores } from './replica';
import type { Holding } from './record';

/** s has seen w (or is w): w is in s's causal past. */
export function hasSeen(s: Write, w: Write): boolean {
  return covers(clockOf(s), w.dot.node, w.dot.counter);
}

export interface StoreOutcome {
  lost: Uint8Array;
  lostTo: Int32Array;
  inverted: Uint8Array;
}

/**
 * Last-writer-wins: a committed write survives when a value the store holds at the end is it, or read it
 * (through `readFrom`, the value the store showed the writing client, and so on back); every other
 * committed write is lost. `lostTo` is the write its first drop kept; `inverted` when it was dropped for a
 * write it had seen (by version vectors): the later write lost.
 */
export function lwwOutcome(
  writes: readonly (Write | undefined)[], count: number, survivors: readonly Write[], readFrom: readonly number[], drops: readonly [number, number][],
): StoreOutcome {
  const out: StoreOutcome = { lost: new Uint8Array(count), lostTo: new Int32Array(count).fill(-1), inverted: new Uint8Array(count) };
  const kept = new Uint8Array(count);
  for (const s of survivors) for (let at = s.index, hops = 0; at >= 0 && hops <= count; hops++, at = readFrom[at] ?? -1) kept[at] = 1;
  for (let i = 0; i < count; i++) if (writes[i] && !kept[i]) out.lost[i] = 1;
  for (const [dropped, winner] of drops) {
    if (!out.lost[dropped]) continue;
    if (out.lostTo[dropped] < 0) out.lostTo[dropped] = winner;
    if (hasSeen(writes[dropped]!, writes[winner]!)) out.inverted[dropped] = 1;
  }
  return out;
}

/**
 * Siblings: a committed write is lost when no value the store holds at any replica has seen it (by
 * version vectors); `lostTo` the first survivor, `inverted` when that survivor happened before it.
 */
export function siblingsOutcome(writes: readonly (Write | undefined)[], count: number, survivors: readonly Write[]): StoreOutcome {
  const out: StoreOutcome = { lost: new Uint8Array(count), lostTo: new Int32Array(count).fill(-1), inverted: new Uint8Array(count) };
  for (let i = 0; i < count; i++) {
    const w = writes[i];
    if (!w || survivors.length === 0 || survivors.some((s) => hasSeen(s, w))) continue;
    out.lost[i] = 1;
    out.lostTo[i] = survivors[0].index;
    if (hasSeen(w, survivors[0])) out.inverted[i] = 1;
  }
  return out;
}

/** The values each store holds at the end, over all replicas (each once, by replica then dot). */
export function survivorsOf(stores: readonly Stores[], store: 'wall' | 'lamport' | 'hlc' | 'siblings'): Write[] {
  const out: Write[] = [];
  for (const st of stores) {
    const held = store === 'siblings' ? st.siblings : st[store] ? [st[store]!] : [];
    for (const w of held) if (!out.includes(w) && !out.some((o) => o.index === w.index)) out.push(w);
  }
  return out;
}

/**
 * Pairs of writes where one committed (true time) before the other started, yet its wall stamp is not
 * smaller: an order the stamps invert. `beforeTick`: only pairs entirely before it are returned as `within`
 * (commit wait promises the order only while every clock stays within ±ε).
 */
export function stampInversions(
  writes: readonly (Write | undefined)[], startTick: readonly number[], commitTick: readonly number[], beforeTick: number,
): { all: [number, number][]; within: [number, number][] } {
  const all: [number, number][] = [];
  const within: [number, number][] = [];
  for (let a = 0; a < writes.length; a++) {
    const wa = writes[a];
    if (!wa) continue;
    for (let b = 0; b < writes.length; b++) {
      const wb = writes[b];
      if (!wb || a === b || !(commitTick[a] < startTick[b]) || wa.wall < wb.wall) continue;
      all.push([a, b]);
      if (commitTick[b] < beforeTick) within.push([a, b]);
    }
  }
  return { all, within };
}

/** Pairs of holdings by different holders that overlap in true time, with the overlap. */
export function leaseOverlaps(holdings: readonly Holding[], endTick: number): { a: number; b: number; start: number; end: number }[] {
  const out: { a: number; b: number; start: number; end: number }[] = [];
  const endOf = (h: Holding) => (h.endTick < 0 ? endTick : h.endTick);
  for (let a = 0; a < holdings.length; a++) {
    for (let b = a + 1; b < holdings.length; b++) {
      if (holdings[a].holder === holdings[b].holder) continue;
      const start = Math.max(holdings[a].startTick, holdings[b].startTick);
      const end = Math.min(endOf(holdings[a]), endOf(holdings[b]));
      if (start < end) out.push({ a, b, start, end });
    }
  }
  return out;
}
