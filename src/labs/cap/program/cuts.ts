/**
 * The cuts a script makes, read from its network faults as the engine applies them: a partition or an
 * isolate replaces every earlier cut, a heal restores every link. Between two such events the cluster is
 * split into groups, and each group is a majority side (more than half the nodes) or a minority side.
 *
 *   script: partition "3,4" at 150, heal at 450 (five nodes)
 *   epochs: [0, 150) one group           -> every node on the majority side, nothing cut
 *           [150, 450) {0,1,2} | {3,4}   -> n0..n2 majority, n3 and n4 minority
 *           [450, end) one group
 *
 * A request's side is its coordinator's side when the client asked (an event at exactly that time counts,
 * as the engine runs it first).
 */
import { groupOf, parseGroups } from '../../../sim/partition';
import type { CapEvent } from '../scenario';

export const Side = {
  /** The whole cluster, nothing cut. */
  whole: 0,
  /** A group holding more than half the nodes, during a cut. */
  majority: 1,
  /** A group holding at most half the nodes, during a cut. */
  minority: 2,
} as const;
export type SideCode = (typeof Side)[keyof typeof Side];

export interface CutEpochs {
  nodes: number;
  /** Epoch e starts at start[e] (ms); epoch 0 starts at 0 with nothing cut. */
  start: number[];
  /** Group of each node per epoch. */
  groups: Int32Array[];
}

export function cutEpochs(events: readonly CapEvent[], nodes: number): CutEpochs {
  const epochs: CutEpochs = { nodes, start: [0], groups: [new Int32Array(nodes)] };
  for (const e of events) {
    let groups: Int32Array | undefined;
    if (e.type === 'partition') groups = groupOf(parseGroups(e.groups, nodes), nodes);
    else if (e.type === 'isolate') groups = groupOf([[e.node]], nodes);
    else if (e.type === 'heal') groups = new Int32Array(nodes);
    if (!groups) continue;
    if (epochs.start[epochs.start.length - 1] === e.t) {
      epochs.groups[epochs.groups.length - 1] = groups;
    } else {
      epochs.start.push(e.t);
      epochs.groups.push(groups);
    }
  }
  return epochs;
}

/** The epoch in force at t: the last one starting at or before it. */
export function epochAt(epochs: CutEpochs, t: number): number {
  let lo = 0;
  let hi = epochs.start.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (epochs.start[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The groups of epoch `e` as sorted node lists, in order of their first node. */
export function groupLists(epochs: CutEpochs, e: number): number[][] {
  const byGroup = new Map<number, number[]>();
  epochs.groups[e].forEach((g, node) => {
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push(node);
  });
  return [...byGroup.values()];
}

/** Side of `node` at t. */
export function sideAt(epochs: CutEpochs, node: number, t: number): SideCode {
  const groups = epochs.groups[epochAt(epochs, t)];
  let size = 0;
  let isCut = false;
  for (let i = 0; i < epochs.nodes; i++) {
    if (groups[i] === groups[node]) size++;
    else isCut = true;
  }
  if (!isCut) return Side.whole;
  return 2 * size > epochs.nodes ? Side.majority : Side.minority;
}

/** The spans during which something is cut: [fromMs, toMs) and the groups (toMs = endMs when never healed). */
export function cutSpans(epochs: CutEpochs, endMs: number): { fromMs: number; toMs: number; groups: number[][] }[] {
  const spans: { fromMs: number; toMs: number; groups: number[][] }[] = [];
  for (let e = 0; e < epochs.start.length; e++) {
    const groups = groupLists(epochs, e);
    if (groups.length < 2) continue;
    const toMs = e + 1 < epochs.start.length ? epochs.start[e + 1] : Math.max(endMs, epochs.start[e]);
    spans.push({ fromMs: epochs.start[e], toMs, groups });
  }
  return spans;
}
