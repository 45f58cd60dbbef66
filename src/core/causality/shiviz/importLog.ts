/**
 * A ShiViz log, imported: read (./parse.ts), each execution modelled by ShiViz's rules (./model.ts), its
 * clocks computed from the graph (../clocks.ts) and checked against the logged ones (./verify.ts). The
 * result keeps every event that parsed, and every problem with its line.
 *
 *   const imported = runJob(importShiVizJob(text));         // or sliced, from the UI
 *   imported.executions[0].run                              // a CausalRun for <SpaceTime>
 *   imported.problems                                       // [{ line: 12, message: '...' }], by line
 */
import { clocksJob } from '../clocks';
import { edgeIndex } from '../edgeIndex';
import { makeGraphJob } from '../graph';
import { share } from '../job';
import { concurrentPairsJob } from '../query';
import type { CausalRun, Job, LaneMarks } from '../types';
import { isUploadFormat, readUpload, type LogProblem, type ShiVizOptions } from './format';
import { executionModelJob } from './model';
import { parseLogJob } from './parse';
import { verifyMergeJob } from './verify';

export interface ShiVizExecution {
  label: string;
  run: CausalRun;
  /** Per graph event: the log's other named groups ("date: …; ip: …"), '' when none. */
  detail: string[];
  concurrentPairs: number;
}

export interface ShiVizImport {
  /** Hosts with events over all executions, in order of first appearance. */
  hosts: string[];
  executions: ShiVizExecution[];
  /** Problems by line (the first SHIVIZ_LIMITS.problemsMax found); `problemCount` counts them all. */
  problems: LogProblem[];
  problemCount: number;
  /** Set when the log was refused as a whole (a limit, a bad expression): `executions` is empty. */
  refused?: LogProblem;
  /** The options used (from the caller, or from the first two lines of an upload-format file). */
  options: ShiVizOptions;
}

/**
 * The text to parse and its options: the caller's, or, when the caller gives no parser and the first line
 * is one, ShiViz's upload format (parser on line 1, delimiter on line 2).
 */
export function resolveInput(text: string, options: ShiVizOptions = {}): { body: string; options: ShiVizOptions; firstLine: number } {
  if (!options.regex?.trim() && isUploadFormat(text)) {
    const upload = readUpload(text);
    return { body: upload.body, options: { ...upload.options, ...(options.delimiter?.trim() ? { delimiter: options.delimiter } : {}) }, firstLine: upload.bodyFirstLine };
  }
  return { body: text, options, firstLine: 1 };
}

export function* importShiVizJob(text: string, given: ShiVizOptions = {}): Job<ShiVizImport> {
  const { body, options, firstLine } = resolveInput(text, given);
  const log = yield* share(parseLogJob(body, options, firstLine), 0, 0.4);
  const out: ShiVizImport = { hosts: log.hosts, executions: [], problems: [], problemCount: 0, options };
  if (log.refused) return { ...out, refused: log.refused, problems: log.problems.sorted(), problemCount: log.problems.count };
  const share1 = 0.6 / Math.max(1, log.executions.length);
  for (let x = 0; x < log.executions.length; x++) {
    const ex = log.executions[x];
    const from = 0.4 + x * share1;
    const model = yield* share(executionModelJob(log, ex, log.problems), from, from + share1 * 0.3);
    const graph = yield* share(makeGraphJob(model.columns), from + share1 * 0.3, from + share1 * 0.3);
    const clocks = yield* share(clocksJob(graph), from + share1 * 0.3, from + share1 * 0.6);
    yield* share(verifyMergeJob(graph, clocks, model, ex, log.problems), from + share1 * 0.6, from + share1);
    const horizon = graph.count > 0 ? graph.time[graph.count - 1] + 1 : 1;
    const run: CausalRun = { graph, clocks, marks: noMarks(graph.lanes.length), edges: edgeIndex(graph), timeUnit: 'step', horizon };
    yield from + share1;
    const detail = Array.from(model.parsedOf, (p) => ex.detail[p]);
    const pairs = yield* share(concurrentPairsJob(graph, clocks), from + share1, from + share1);
    out.executions.push({ label: ex.label, run, detail, concurrentPairs: pairs });
  }
  return { ...out, problems: log.problems.sorted(), problemCount: log.problems.count };
}

/** Logs carry no crashes, pauses, partitions or lost messages. */
export function noMarks(lanes: number): LaneMarks {
  const intervals = () => ({ offsets: new Uint32Array(lanes + 1), start: new Float64Array(0), end: new Float64Array(0) });
  return {
    crashes: intervals(),
    pauses: intervals(),
    dropped: { count: 0, from: new Uint16Array(0), to: new Uint16Array(0), send: new Float64Array(0), stop: new Float64Array(0), frac: new Float32Array(0), fate: new Uint8Array(0) },
    partitions: { count: 0, start: new Float64Array(0), groups: new Int32Array(0), cut: new Uint8Array(0) },
  };
}

/** Counts over all executions (what `npm run shiviz` prints first). */
export function importSummary(imported: ShiVizImport): { hosts: number; events: number; executions: number; concurrentPairs: number } {
  let events = 0;
  let pairs = 0;
  for (const x of imported.executions) {
    events += x.run.graph.count;
    pairs += x.concurrentPairs;
  }
  return { hosts: imported.hosts.length, events, executions: imported.executions.length, concurrentPairs: pairs };
}
