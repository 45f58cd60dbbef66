/**
 * Per-node state over time from the trace and the stage log: crash and pause intervals, clock segments.
 * A crash ends a pause (the engine drops a crashed node's paused state: no resume follows).
 */
import type { ClockSegments, NodeIntervals } from '../../core/stage/types';
import type { StageLogColumns } from '../stageLog';
import type { TraceColumns } from '../trace';
import { TraceKind } from '../traceKind';

/** Rows grouped by node into CSR (rows given in time order stay in time order). */
function csr(nodes: number, node: ArrayLike<number>, count: number): { offsets: Uint32Array; order: Uint32Array } {
  const offsets = new Uint32Array(nodes + 1);
  for (let i = 0; i < count; i++) offsets[node[i] + 1]++;
  for (let n = 0; n < nodes; n++) offsets[n + 1] += offsets[n];
  const fill = offsets.slice(0, nodes);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[fill[node[i]]++] = i;
  return { offsets, order };
}

function intervals(nodes: number, list: { node: number; start: number; end: number }[]): NodeIntervals {
  const { offsets, order } = csr(nodes, list.map((x) => x.node), list.length);
  const start = new Float64Array(list.length);
  const end = new Float64Array(list.length);
  order.forEach((i, k) => {
    start[k] = list[i].start;
    end[k] = list[i].end;
  });
  return { offsets, start, end };
}

/** Crash and pause intervals per node, in the lab's unit. */
export function buildDowntime(trace: TraceColumns, nodes: number, ticksPerUnit: number): { crashes: NodeIntervals; pauses: NodeIntervals } {
  const crashes: { node: number; start: number; end: number }[] = [];
  const pauses: { node: number; start: number; end: number }[] = [];
  const openCrash = new Int32Array(nodes).fill(-1);
  const openPause = new Int32Array(nodes).fill(-1);
  const close = (list: typeof crashes, open: Int32Array, node: number, t: number) => {
    if (open[node] >= 0) list[open[node]].end = t;
    open[node] = -1;
  };
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kind[i];
    const node = trace.from[i];
    const t = trace.time[i] / ticksPerUnit;
    if (!(node >= 0 && node < nodes)) continue;
    if (kind === TraceKind.crash) {
      close(pauses, openPause, node, t);
      if (openCrash[node] < 0) openCrash[node] = crashes.push({ node, start: t, end: Infinity }) - 1;
    } else if (kind === TraceKind.recover) close(crashes, openCrash, node, t);
    else if (kind === TraceKind.pause) {
      if (openPause[node] < 0) openPause[node] = pauses.push({ node, start: t, end: Infinity }) - 1;
    } else if (kind === TraceKind.resume) close(pauses, openPause, node, t);
  }
  return { crashes: intervals(nodes, crashes), pauses: intervals(nodes, pauses) };
}

/** Clock segments per node from the stage log's readings (none without a log: every offset reads 0). */
export function buildClocks(log: StageLogColumns | undefined, nodes: number, ticksPerUnit: number): ClockSegments {
  const count = log ? log.clockCount : 0;
  const node = log ? log.clockNode : new Int32Array(0);
  const { offsets, order } = csr(nodes, node, count);
  const start = new Float64Array(count);
  const offset = new Float64Array(count);
  const driftPpm = new Int32Array(count);
  order.forEach((i, k) => {
    start[k] = log!.clockTime[i] / ticksPerUnit;
    offset[k] = log!.clockOffset[i] / ticksPerUnit;
    driftPpm[k] = log!.clockDrift[i];
  });
  return { offsets, start, offset, driftPpm };
}

export { csr };
