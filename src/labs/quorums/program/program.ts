/**
 * The quorums program: scenario -> the kit's leaderless register store (../../../sim/kit/leaderless) run
 * with the scenario's options and faults, its client history checked for linearizability (single register)
 * and measured for staleness, and every request's quorum data (the contacts of each round, the hints of a
 * sloppy quorum) packed into columns for the quorum diagram, and the stage (every message in flight, each
 * node's card: ../../../sim/kit/leaderless/stage.ts). Pure and deterministic.
 */
import { quorumFacts } from '../../../core/quorum';
import { historyOp } from '../../../sim/kit/history';
import { StoreStage } from '../../../sim/kit/leaderless/stage';
import { finalState, storeOutcome } from '../../../sim/kit/leaderless/store';
import type { StageData } from '../../../core/stage/types';
import { packOperations } from '../../clientHistory';
import type { LabProgram, RunContext } from '../../contract';
import type { QuorumsResult } from '../result';
import type { QuorumsScenario } from '../scenario';

export type * from '../result';

export const program: LabProgram<QuorumsScenario, QuorumsResult> = (s, context) => {
  const staged = new StoreStage(s.n);
  const { run, checked, requests, metrics, traceHash, endMs, stoppedAtLimit } = storeOutcome(s, context, staged.options);
  const stage = staged.build(run, s.clients);
  const { ops, check, staleness } = checked;
  const { columns: contacts, start } = run.rec.contacts(ops.length);
  const final = finalState(run, s.n);
  const violationMs = check.explanation ? ops[check.explanation.cannotPlace].call : NaN;
  const marks = stageMarks(stage, [...s.events.map((e) => e.t), ...(Number.isNaN(violationMs) ? [] : [violationMs])]);
  context.progress(1);
  return {
    lab: 'quorums',
    traceHash,
    metrics,
    endTime: endMs,
    marks,
    ...(stoppedAtLimit ? { stoppedAtLimit } : {}),
    nodeCount: s.nodes,
    n: s.n,
    w: s.w,
    r: s.r,
    quorum: quorumFacts(s.n, s.w, s.r),
    requests: { ...requests, contactStart: start },
    contacts,
    handoffs: run.rec.handoffs(),
    clientHistories: [{ model: 'register', operations: packOperations(ops.map(historyOp)) }],
    check,
    staleness,
    finalVersion: final.version,
    finalValue: final.value,
    stage,
  };
};

/** Step's stops: every narrated event (sends, deliveries, client calls and answers, faults) and `extra`, once each. */
function stageMarks(stage: StageData, extra: readonly number[]): Float64Array {
  const times = new Float64Array(stage.narrated.length + extra.length);
  stage.narrated.forEach((row, i) => (times[i] = stage.events.time[row]));
  times.set(extra, stage.narrated.length);
  times.sort();
  let k = 0;
  for (let i = 0; i < times.length; i++) if (k === 0 || times[i] !== times[k - 1]) times[k++] = times[i];
  return times.slice(0, k);
}

export type { RunContext };
