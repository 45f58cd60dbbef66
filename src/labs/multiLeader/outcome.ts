/**
 * What became of each acknowledged write once the run is over (both resolutions use the same rule):
 *
 *   kept        some region still stores it;
 *   superseded  gone, but a stored write's client had read it (its context covers the write's dot; the
 *               context is downward closed, so "read a write that had read it" counts too): the value was
 *               replaced on purpose, by someone who saw it;
 *   lost        gone, and no stored write's client had read it: acknowledged, then silently dropped.
 *
 * A write whose client timed out is 'unknown' (never counted as lost: its client was not told it happened).
 */
import { ZERO, covers, merge } from '../../core/clocks';
import type { Operation } from '../../sim/index';
import type { Write } from './messages';
import { Fate } from './result';

export interface Outcome {
  fate: Uint8Array;
  lost: { op: number; key: number; winner: number; isAfterWinner: boolean; hops: number }[];
}

/**
 * `states[region][key]`: what each leader holds at the end; `writes[op]`: every write as issued;
 * `drops`: for LWW, what replaced each dropped write first, by being read or by a higher timestamp.
 */
export function outcomeOf(
  history: readonly Operation[],
  writes: readonly (Write | undefined)[],
  states: readonly (readonly (readonly Write[])[])[],
  drops: Drops,
): Outcome {
  const fate = new Uint8Array(history.length);
  const lost: Outcome['lost'] = [];
  const keys = states[0]?.length ?? 0;
  const held = new Set<number>();
  // What the surviving writes' clients had read, per key. Their contexts, not their clocks: a clock adds
  // the write's own dot, and (n0, 3) as a vector entry would wrongly claim (n0, 2) too (see siblings.ts).
  const seen = Array.from({ length: keys }, (_, key) => states.flatMap((region) => region[key]).reduce((acc, w) => merge(acc, w.context), ZERO));
  for (const region of states) for (const key of region) for (const w of key) held.add(w.op);
  for (const op of history) {
    const w = writes[op.index];
    if (op.status === 'timeout') fate[op.index] = Fate.unknown;
    if (!w || op.status !== 'ok') continue;
    if (held.has(w.op)) fate[op.index] = Fate.kept;
    else if (covers(seen[w.key], w.dot.node, w.dot.counter)) fate[op.index] = Fate.superseded;
    else {
      fate[op.index] = Fate.lost;
      const beaten = lostTo(w.op, drops, history.length);
      const survivor = states.map((region) => region[w.key]).find((s) => s.length > 0)?.[0];
      lost.push({ op: op.index, key: w.key, winner: beaten?.winner ?? survivor?.op ?? -1, isAfterWinner: beaten?.isInverted ?? false, hops: beaten?.hops ?? 0 });
    }
  }
  return { fate, lost };
}

/** What LWW did to each write it replaced (see Recorder.discarded). */
export interface Drops {
  beatenBy: ReadonlyMap<number, { winner: number; isInverted: boolean }>;
  replacedBy: ReadonlyMap<number, number>;
}

/**
 * The write whose timestamp ended `op`'s line: `op` itself dropped for a higher timestamp, or replaced by
 * a write that had read it, which was dropped (or replaced, and so on). At most `steps` hops.
 */
function lostTo(op: number, drops: Drops, steps: number): { winner: number; isInverted: boolean; hops: number } | undefined {
  let at = op;
  for (let i = 0; i <= steps; i++) {
    const beaten = drops.beatenBy.get(at);
    if (beaten) return { ...beaten, hops: i };
    const next = drops.replacedBy.get(at);
    if (next === undefined) return undefined;
    at = next;
  }
  return undefined;
}

/** True when every region holds the same writes (by dot) for every key. */
export function isConverged(states: readonly (readonly (readonly Write[])[])[]): boolean {
  const id = (ws: readonly Write[]) => ws.map((w) => `${w.dot.node}:${w.dot.counter}`).join(',');
  return states.every((region) => region.every((ws, key) => id(ws) === id(states[0][key])));
}
