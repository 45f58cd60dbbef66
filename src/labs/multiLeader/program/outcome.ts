/**
 * What became of each acknowledged write once the run is over (both resolutions use the same rule):
 *
 *   kept        some region still stores it;
 *   superseded  gone, but a stored write's client had read it, directly or through writes that had read
 *               it (the read graph below): the value was replaced on purpose, by someone who saw it;
 *   lost        gone, and no stored write had read it: acknowledged, then silently dropped.
 *
 * A write whose client timed out is 'unknown' (never counted as lost: its client was not told it happened).
 *
 * "Had read" is taken from what clients were actually shown (`readFrom`: the values an update's read
 * returned), not from version vectors: a vector is a per-region prefix, and after LWW dropped r0#2 for
 * r0#3 a reader of r0#3 gets the context [3], which covers r0#2 though nobody ever read it.
 */
import type { Operation } from '../../../sim/index';
import type { Write } from './messages';
import { Fate } from '../result';

export interface LostWrite {
  op: number;
  key: number;
  /** The write whose timestamp ended its line (or, failing that, the key's survivor). */
  winner: number;
  /** The end of its line had read that winner: the kept write is causally the earlier one (clock skew). */
  isAfterWinner: boolean;
  /** Later writes that had read it before its line was dropped (0: it was dropped itself). */
  hops: number;
}

export interface Outcome {
  fate: Uint8Array;
  lost: LostWrite[];
}

/** Which writes each write's client had read, transitively: pastOf(op) = every op its value stands on. */
export class ReadGraph {
  private readonly memo = new Map<number, Set<number>>();

  /** `readFrom[op]`: the values (op + 1) the write's client had read before writing. */
  constructor(private readonly readFrom: readonly (readonly number[] | undefined)[]) {}

  pastOf(op: number): Set<number> {
    const cached = this.memo.get(op);
    if (cached) return cached;
    const past = new Set<number>();
    const stack = (this.readFrom[op] ?? []).map((v) => v - 1);
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (past.has(at)) continue;
      past.add(at);
      for (const v of this.readFrom[at] ?? []) stack.push(v - 1);
    }
    this.memo.set(op, past);
    return past;
  }

  /** True when `a`'s client had read `b` (directly or through writes that had). */
  hasRead(a: number, b: number): boolean {
    return this.pastOf(a).has(b);
  }
}

/**
 * `states[region][key]`: what each leader holds at the end; `writes[op]`: every write as issued;
 * `droppedFor`: for LWW, the write that first replaced each replaced write; `readFrom`: see ReadGraph.
 */
export function outcomeOf(
  history: readonly Operation[],
  writes: readonly (Write | undefined)[],
  states: readonly (readonly (readonly Write[])[])[],
  droppedFor: ReadonlyMap<number, number>,
  readFrom: readonly (readonly number[] | undefined)[],
): Outcome {
  const graph = new ReadGraph(readFrom);
  const fate = new Uint8Array(history.length);
  const lost: LostWrite[] = [];
  const held = new Set<number>();
  for (const region of states) for (const key of region) for (const w of key) held.add(w.op);
  const seen = new Set<number>();
  for (const op of held) for (const past of graph.pastOf(op)) seen.add(past);
  for (const op of history) {
    const w = writes[op.index];
    if (op.status === 'timeout') fate[op.index] = Fate.unknown;
    if (!w || op.status !== 'ok') continue;
    if (held.has(w.op)) fate[op.index] = Fate.kept;
    else if (seen.has(w.op)) fate[op.index] = Fate.superseded;
    else {
      fate[op.index] = Fate.lost;
      const survivor = states.map((region) => region[w.key]).find((s) => s.length > 0)?.[0];
      const line = lineEnd(w.op, droppedFor, graph, history.length);
      lost.push({ op: op.index, key: w.key, winner: line?.winner ?? survivor?.op ?? -1, isAfterWinner: line?.isInverted ?? false, hops: line?.hops ?? 0 });
    }
  }
  return { fate, lost };
}

/**
 * Follows `op`'s line: while the write that replaced it had read it, go on to that write; the first
 * replacement by a write that had not read it is what dropped the line. At most `steps` hops.
 */
function lineEnd(op: number, droppedFor: ReadonlyMap<number, number>, graph: ReadGraph, steps: number): { winner: number; isInverted: boolean; hops: number } | undefined {
  let at = op;
  for (let hops = 0; hops <= steps; hops++) {
    const winner = droppedFor.get(at);
    if (winner === undefined) return undefined;
    if (!graph.hasRead(winner, at)) return { winner, isInverted: graph.hasRead(at, winner), hops };
    at = winner;
  }
  return undefined;
}

/** True when every region holds the same writes (by dot) for every key. */
export function isConverged(states: readonly (readonly (readonly Write[])[])[]): boolean {
  const id = (ws: readonly Write[]) => ws.map((w) => `${w.dot.node}:${w.dot.counter}`).join(',');
  return states.every((region) => region.every((ws, key) => id(ws) === id(states[0][key])));
}
