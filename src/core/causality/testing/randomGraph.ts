/**
 * Test support: random causal graphs as fast-check arbitraries, and the naive oracle (reachability by
 * search over lane and message edges) the clocks are checked against.
 */
import fc from 'fast-check';
import { makeGraph, type GraphColumns } from '../graph';
import { CausalKind, type CausalGraph } from '../types';

export interface GraphSpec {
  lanes: number;
  /** Per event: its lane, and the earlier events it receives from (any lane; same-lane ones are dropped). */
  events: { lane: number; parents: number[]; text: string }[];
}

/** Up to `maxEvents` events on 1..`maxLanes` lanes; each receives from up to 3 earlier events. */
export function graphSpec(maxLanes = 6, maxEvents = 120, text: fc.Arbitrary<string> = fc.constant('e')): fc.Arbitrary<GraphSpec> {
  return fc.integer({ min: 1, max: maxLanes }).chain((lanes) =>
    fc.array(fc.record({ lane: fc.nat(lanes - 1), parents: fc.array(fc.nat(), { maxLength: 3 }), text, p: fc.nat(99) }), { maxLength: maxEvents, size: 'max' }).map((raw) => ({
      lanes,
      events: raw.map((r, i) => ({ lane: r.lane, text: r.text, parents: r.p < 60 || i === 0 ? [] : r.parents.map((x) => x % i) })),
    })),
  );
}

export function graphOf(spec: GraphSpec): CausalGraph {
  const n = spec.events.length;
  const from: number[] = [];
  const to: number[] = [];
  spec.events.forEach((e, i) => {
    for (const p of e.parents) if (spec.events[p].lane !== e.lane) {
      from.push(p);
      to.push(i);
    }
  });
  const hasOut = new Set(from);
  const columns: GraphColumns = {
    lanes: Array.from({ length: spec.lanes }, (_, l) => `p${l}`), count: n,
    lane: Uint16Array.from(spec.events, (e) => e.lane), time: Float64Array.from(spec.events, (_, i) => i),
    kind: Uint8Array.from(spec.events, (_, i) => (to.includes(i) ? CausalKind.receive : hasOut.has(i) ? CausalKind.send : CausalKind.local)),
    text: Int32Array.from(spec.events, (_, i) => i), texts: spec.events.map((e) => e.text), source: new Int32Array(n).fill(-1),
    edgeCount: from.length, edgeFrom: Uint32Array.from(from), edgeTo: Uint32Array.from(to),
  };
  return makeGraph(columns);
}

/** reach[a][b]: b is reachable from a by lane successors and message edges (a itself excluded). */
export function reachability(g: CausalGraph): Uint8Array[] {
  const n = g.count;
  const next: number[][] = Array.from({ length: n }, () => []);
  for (let l = 0; l < g.lanes.length; l++) {
    for (let i = g.laneOffsets[l]; i + 1 < g.laneOffsets[l + 1]; i++) next[g.laneEvents[i]].push(g.laneEvents[i + 1]);
  }
  for (let k = 0; k < g.edgeCount; k++) next[g.edgeFrom[k]].push(g.edgeTo[k]);
  return Array.from({ length: n }, (_, a) => {
    const seen = new Uint8Array(n);
    const stack = [...next[a]];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (seen[x]) continue;
      seen[x] = 1;
      stack.push(...next[x]);
    }
    return seen;
  });
}
