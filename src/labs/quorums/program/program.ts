/**
 * The quorums program: scenario -> the kit's leaderless register store (../../../sim/kit/leaderless) run
 * with the scenario's options and faults, its client history checked for linearizability (single register)
 * and measured for staleness, and every request's quorum data (the contacts of each round, the hints of a
 * sloppy quorum) packed into columns for the quorum diagram. Pure and deterministic.
 */
import { quorumFacts } from '../../../core/quorum';
import { historyOp } from '../../../sim/kit/history';
import { finalState, storeOutcome } from '../../../sim/kit/leaderless/store';
import type { LabProgram, RunContext } from '../../contract';
import type { QuorumsResult } from '../result';
import type { QuorumsScenario } from '../scenario';

export type * from '../result';

export const program: LabProgram<QuorumsScenario, QuorumsResult> = (s, context) => {
  const { run, checked, requests, metrics, traceHash, endMs, stoppedAtLimit } = storeOutcome(s, context);
  const { ops, check, staleness } = checked;
  const { columns: contacts, start } = run.rec.contacts(ops.length);
  const final = finalState(run, s.n);
  const violationMs = check.explanation ? ops[check.explanation.cannotPlace].call : NaN;
  const marks = Float64Array.from(new Set([...s.events.map((e) => e.t), ...(Number.isNaN(violationMs) ? [] : [violationMs])])).sort();
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
    history: ops.map(historyOp),
    check,
    staleness,
    finalVersion: final.version,
    finalValue: final.value,
  };
};

export type { RunContext };
