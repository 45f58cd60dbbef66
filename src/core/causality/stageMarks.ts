/**
 * The marks a run puts on the space-time diagram's lanes, from StageData: crash and pause intervals (node
 * lanes; clients have none), messages that never arrived (a stub from the sender toward the receiver), and
 * the partition epochs (which side each node was on, and which nodes had a link cut on its own).
 */
import { Fate, type NodeIntervals, type StageData } from '../stage/types';
import type { DroppedMessages, LaneIntervals, LaneMarks, LanePartitions } from './types';

export function stageMarks(stage: StageData, lanes: number): LaneMarks {
  return {
    crashes: laneIntervals(stage.crashes, stage.nodeNames.length, lanes),
    pauses: laneIntervals(stage.pauses, stage.nodeNames.length, lanes),
    dropped: droppedMessages(stage),
    partitions: lanePartitions(stage, lanes),
  };
}

/** Node intervals widened to every lane (lanes past the nodes have none). */
function laneIntervals(src: NodeIntervals, nodes: number, lanes: number): LaneIntervals {
  const offsets = new Uint32Array(lanes + 1);
  for (let l = 0; l < lanes; l++) offsets[l + 1] = l < nodes ? src.offsets[l + 1] : src.offsets[nodes];
  const count = offsets[lanes];
  return { offsets, start: src.start.slice(0, count), end: src.end.slice(0, count) };
}

function droppedMessages(stage: StageData): DroppedMessages {
  const m = stage.messages;
  let count = 0;
  for (let r = 0; r < m.count; r++) if (m.fate[r] !== Fate.delivered) count++;
  const out: DroppedMessages = {
    count, from: new Uint16Array(count), to: new Uint16Array(count), send: new Float64Array(count),
    stop: new Float64Array(count), frac: new Float32Array(count), fate: new Uint8Array(count),
  };
  for (let r = 0, k = 0; r < m.count; r++) {
    if (m.fate[r] === Fate.delivered) continue;
    out.from[k] = m.from[r];
    out.to[k] = m.to[r];
    out.send[k] = m.send[r];
    out.stop[k] = m.fate[r] === Fate.open ? Infinity : m.arrive[r];
    out.frac[k] = m.dropFrac[r];
    out.fate[k] = m.fate[r];
    k++;
  }
  return out;
}

/** Epochs with each lane's side (-1 when the cluster is whole) and its own cut links. */
function lanePartitions(stage: StageData, lanes: number): LanePartitions {
  const ep = stage.epochs;
  const nodes = stage.nodeNames.length;
  const groups = new Int32Array(ep.count * lanes).fill(-1);
  const cut = new Uint8Array(ep.count * lanes);
  for (let k = 0; k < ep.count; k++) {
    let isSplit = false;
    for (let n = 1; n < nodes; n++) if (ep.groups[k * nodes + n] !== ep.groups[k * nodes]) isSplit = true;
    if (isSplit) for (let n = 0; n < nodes; n++) groups[k * lanes + n] = ep.groups[k * nodes + n];
    for (let i = ep.pairOffsets[k]; i < ep.pairOffsets[k + 1]; i++) {
      if (ep.pairCut[i] !== 1) continue;
      if (ep.pairFrom[i] < nodes) cut[k * lanes + ep.pairFrom[i]] = 1;
      if (ep.pairTo[i] < nodes) cut[k * lanes + ep.pairTo[i]] = 1;
    }
  }
  return { count: ep.count, start: ep.start.slice(), groups, cut };
}
