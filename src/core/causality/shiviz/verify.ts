/**
 * ShiViz's merge rule (js/model/modelGraph.js `stepThroughAndVerify`): once the graph is rebuilt, every
 * event's logged clock must equal its own entry merged (entry-wise max) with the clocks of its parents (its
 * lane predecessor and its message parents). The computed clock here is the graph's (../clocks.ts), written
 * in the log's own values: entry h is the logged value of the last host-h event in the event's past.
 * Events that already have a problem (a bad entry, a broken counter, a cycle) are not checked again.
 */
import { clockOf } from '../query';
import type { CausalGraph, VectorClocks } from '../types';
import type { ExecutionModel } from './model';
import type { ParsedExecution } from './parse';
import type { Problems } from './problems';

const SLICE = 2048;

export function* verifyMergeJob(g: CausalGraph, c: VectorClocks, model: ExecutionModel, ex: ParsedExecution, problems: Problems): Generator<number, void, void> {
  const L = g.lanes.length;
  const computed = new Uint32Array(L);
  const expected = new Uint32Array(L);
  const logged = new Uint32Array(L);
  for (let e = 0; e < g.count; e++) {
    const p = model.parsedOf[e];
    if (model.hasProblem[p]) continue;
    clockOf(g, c, e, computed);
    for (let l = 0; l < L; l++) {
      expected[l] = computed[l] === 0 ? 0 : model.counterOf[g.laneEvents[g.laneOffsets[l] + computed[l] - 1]];
    }
    logged.fill(0);
    for (let k = ex.clockOffsets[p]; k < ex.clockOffsets[p + 1]; k++) logged[model.laneOfName[ex.clockHost[k]]] = ex.clockValue[k];
    let isSame = true;
    for (let l = 0; l < L && isSame; l++) if (expected[l] !== logged[l]) isSame = false;
    if (!isSame) {
      problems.add(ex.clockLine[p], `the clock ${clockText(g.lanes, logged)} of host "${g.lanes[g.lane[e]]}" is not the merge of its parents' clocks; by ShiViz's rules it should be ${clockText(g.lanes, expected)}`);
    }
    if ((e + 1) % SLICE === 0) yield (e + 1) / g.count;
  }
}

function clockText(lanes: readonly string[], clock: Uint32Array): string {
  const parts: string[] = [];
  for (let l = 0; l < clock.length; l++) if (clock[l] > 0) parts.push(`${JSON.stringify(lanes[l])}: ${clock[l]}`);
  return `{${parts.join(', ')}}`;
}
