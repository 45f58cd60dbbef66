/**
 * Test and bench support: a large synthetic run without a simulation: `lanes` lanes, `events` events at
 * steady times (one every `step`), about a third of them receives of a message sent a few steps earlier on
 * another lane (a deterministic LCG picks lanes and delays), so clocks mix across all lanes.
 */
import { computeClocks } from '../clocks';
import { edgeIndex } from '../edgeIndex';
import { makeGraph, type GraphColumns } from '../graph';
import { noMarks } from '../shiviz/importLog';
import { CausalKind, type CausalRun } from '../types';

export function bigColumns(lanes: number, events: number, step = 1): GraphColumns {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 8;
  };
  const c: GraphColumns = {
    lanes: Array.from({ length: lanes }, (_, l) => `n${l}`), count: events, lane: new Uint16Array(events), time: new Float64Array(events),
    kind: new Uint8Array(events), text: new Int32Array(events).fill(0), texts: ['event'], source: new Int32Array(events).fill(-1),
    edgeCount: 0, edgeFrom: new Uint32Array(events), edgeTo: new Uint32Array(events),
  };
  for (let e = 0; e < events; e++) {
    c.lane[e] = next() % lanes;
    c.time[e] = e * step;
    const back = 1 + (next() % (lanes * 4));
    if (e >= back && next() % 3 === 0 && c.lane[e - back] !== c.lane[e]) {
      c.edgeFrom[c.edgeCount] = e - back;
      c.edgeTo[c.edgeCount++] = e;
      c.kind[e] = CausalKind.receive;
      c.kind[e - back] = CausalKind.send;
    }
  }
  return c;
}

export function bigRun(lanes: number, events: number): CausalRun {
  const graph = makeGraph(bigColumns(lanes, events));
  return { graph, clocks: computeClocks(graph), marks: noMarks(lanes), edges: edgeIndex(graph), timeUnit: 'ms', horizon: events };
}
