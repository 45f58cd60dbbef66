/**
 * Partition epochs from the trace: every partition, heal or cut starts a new epoch (several at one time
 * make one). The state replays the engine's rules (./network.ts): a partition replaces every cut with its
 * groups, a heal without endpoints restores everything, a heal of one link and a one-way cut are directed
 * pair overrides on top of the groups. A partition's groups come from the stage log (in order); without a
 * log they are unknown and the epoch shows every node in one group.
 */
import type { PartitionEpochs } from '../../core/stage/types';
import type { StageLogColumns } from '../stageLog';
import type { TraceColumns } from '../trace';
import { TraceKind } from '../traceKind';

interface Epoch {
  start: number;
  groups: Int32Array;
  pairs: Map<number, number>;
}

export function buildEpochs(trace: TraceColumns, log: StageLogColumns | undefined, nodes: number, ticksPerUnit: number): PartitionEpochs {
  const list: Epoch[] = [{ start: 0, groups: new Int32Array(nodes), pairs: new Map() }];
  let partitions = 0;
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kind[i];
    if (kind !== TraceKind.partition && kind !== TraceKind.heal && kind !== TraceKind.cut) continue;
    const t = trace.time[i] / ticksPerUnit;
    const prev = list[list.length - 1];
    const next: Epoch = { start: t, groups: prev.groups.slice(), pairs: new Map(prev.pairs) };
    const from = trace.from[i];
    const to = trace.to[i];
    if (kind === TraceKind.partition) {
      const groups = log?.partitions[partitions];
      next.groups = groups && groups.length === nodes ? groups.slice() : new Int32Array(nodes);
      next.pairs.clear();
      partitions++;
    } else if (kind === TraceKind.heal && from < 0) {
      next.groups.fill(0);
      next.pairs.clear();
    } else if (from >= 0 && from < nodes && to >= 0 && to < nodes) {
      next.pairs.set(from * nodes + to, kind === TraceKind.cut ? 1 : 0);
    }
    if (prev.start === t && list.length > 1) list[list.length - 1] = next;
    else list.push(next);
  }
  return pack(list, nodes);
}

function pack(list: Epoch[], nodes: number): PartitionEpochs {
  const count = list.length;
  const groups = new Int32Array(count * nodes);
  const pairOffsets = new Uint32Array(count + 1);
  list.forEach((e, k) => {
    groups.set(e.groups, k * nodes);
    pairOffsets[k + 1] = pairOffsets[k] + e.pairs.size;
  });
  const total = pairOffsets[count];
  const pairFrom = new Int32Array(total);
  const pairTo = new Int32Array(total);
  const pairCut = new Uint8Array(total);
  list.forEach((e, k) => {
    let at = pairOffsets[k];
    for (const key of [...e.pairs.keys()].sort((a, b) => a - b)) {
      pairFrom[at] = Math.floor(key / nodes);
      pairTo[at] = key % nodes;
      pairCut[at] = e.pairs.get(key)!;
      at++;
    }
  });
  return { count, start: Float64Array.from(list, (e) => e.start), groups, pairOffsets, pairFrom, pairTo, pairCut };
}
