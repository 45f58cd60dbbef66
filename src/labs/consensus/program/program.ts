/**
 * The consensus program: scenario -> one Raft run on the engine (./simulate.ts), checked against the five
 * safety invariants at every step, packed into the result's columns with the stage's data (./stage.ts).
 * When the scenario asks for it, the election-time experiment (./electionTimes.ts) runs first, its
 * thousands of trials reported as progress, and the trace hash covers its downtimes too. Pure and
 * deterministic: every draw comes from the scenario's seed.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import type { StageData } from '../../../core/stage/types';
import { findingProse } from '../../../core/raft';
import { quantileSorted } from '../../../core/stats';
import type { BatchProgram, LabProgram, RunContext } from '../../contract';
import { experimentOptions } from '../experiment';
import { ChangeKind, type ConsensusResult, type ExperimentResult, type RequestColumns, type Verdict } from '../result';
import { TICKS_PER_MS, type ConsensusScenario } from '../scenario';
import { electionCurves, electionTrials, trialCount, type ElectionTrials } from './electionTimes';
import { simulate, type Run } from './simulate';
import { markViolation, stageOf, stageOptions } from './stage';

export type * from '../result';
export { describeMessage, MESSAGE_KINDS, messageDescriber, MsgKind } from './messages';

const VIOLATION_STOP = 'invariant violated';

/** Share of the progress bar the experiment takes when it runs (the single run takes the rest). */
const EXPERIMENT_SHARE = 0.9;

export const program: LabProgram<ConsensusScenario, ConsensusResult> = (s, context) => {
  if (s.experiment === 'none') return singleRun(s, context);
  const scaled: RunContext = { work: (u) => context.work(u), progress: (f) => context.progress(EXPERIMENT_SHARE * f) };
  const shares = [electionTrials(experimentOptions(s), 0, trialCount(experimentOptions(s)), scaled)];
  return withExperiment(s, shares, { work: (u) => context.work(u), progress: (f) => context.progress(EXPERIMENT_SHARE + (1 - EXPERIMENT_SHARE) * f) });
};

/**
 * The election-time experiment on a pool of workers (src/worker/pool.ts, the CLI's threads): its trials,
 * interleaved across the timeout ranges (electionTimes.ts), cut into ranges of units; the merge puts them back in order, draws the
 * curves and runs the single run. Any split gives the same trials (each is its own seeded scenario), so the
 * same hash.
 */
export const batch: BatchProgram<ConsensusScenario> = {
  units: (s) => (s.experiment === 'none' ? 0 : trialCount(experimentOptions(s))),
  // A trial is a whole Raft run (hundreds of engine events): a few dozen are worth a worker.
  minUnitsPerPart: 64,
  part: (s, from, to, context) => electionTrials(experimentOptions(s), from, to, context),
  merge: (s, parts, context) => withExperiment(s, parts as ElectionTrials[], context),
};

function singleRun(s: ConsensusScenario, context: RunContext): ConsensusResult {
  const run = simulate(s, { record: true, context, stage: stageOptions(TICKS_PER_MS) });
  if (run.obs.violation) markViolation(run.sim, run.obs.violation);
  return resultOf(run);
}

function withExperiment(s: ConsensusScenario, shares: ElectionTrials[], context: RunContext): ConsensusResult {
  const { curves, events } = electionCurves(experimentOptions(s), shares);
  const experiment: ExperimentResult = { experiment: s.experiment as ExperimentResult['experiment'], curves, events };
  const result = singleRun(s, context);
  return { ...result, experiment, traceHash: experimentHash(result.traceHash, experiment) };
}

/** The run's hash and every trial's downtime, range by range: the same scenario, the same hash, experiment included. */
function experimentHash(runHash: string, e: ExperimentResult): string {
  const h = new TraceHasher().string(runHash);
  for (const c of e.curves) h.number(c.minMs).number(c.maxMs).numbers(c.downtimeMs).numbers(c.trialOf);
  return h.hex();
}

export function resultOf(run: Run): ConsensusResult {
  const { sim, obs, clients } = run;
  const endTime = sim.now / TICKS_PER_MS;
  const changes = obs.changes.columns(TICKS_PER_MS);
  const requests = requestColumns(run);
  const verdict = verdictOf(run);
  const gaps = obs.allGaps();
  const reason = sim.stoppedAtLimit;
  const stage = stageOf(sim, TICKS_PER_MS);
  return {
    lab: 'consensus',
    traceHash: sim.trace.hash(),
    metrics: metricsOf(run, requests, verdict),
    endTime,
    marks: marksOf(changes.tMs, changes.kind, verdict, stage),
    ...(reason !== undefined && !reason.startsWith(VIOLATION_STOP) ? { stoppedAtLimit: reason } : {}),
    nodeCount: run.nodes,
    changes,
    leaders: obs.leaders.columns(sim.now, TICKS_PER_MS),
    requests,
    gaps,
    membership: clients.membership.map(({ pending: _pending, ...m }) => m),
    verdict,
    stage,
  };
}

function verdictOf(run: Run): Verdict {
  const { violation, alarms } = run.obs;
  const prose = violation
    ? `${findingProse(violation)} The run stopped at step ${violation.step} (t = ${violation.tMs} ms).`
    : `Every step kept Raft's five invariants (${run.sim.events.toLocaleString('en-US')} steps).`;
  return { ok: violation === undefined, violation, alarms, prose };
}

function requestColumns(run: Run): RequestColumns {
  const c = run.clients;
  return {
    submitMs: Float64Array.from(c.submitTick, (t) => t / TICKS_PER_MS),
    committedMs: Float64Array.from(c.committedTick, (t) => t / TICKS_PER_MS),
    index: Int32Array.from(c.index),
    term: Int32Array.from(c.term),
    attempts: Uint8Array.from(c.attempts, (a) => Math.min(a, 255)),
  };
}

function metricsOf(run: Run, requests: RequestColumns, verdict: Verdict): Record<string, number> {
  const latencies: number[] = [];
  for (let i = 0; i < requests.submitMs.length; i++) {
    if (!Number.isNaN(requests.committedMs[i])) latencies.push(requests.committedMs[i] - requests.submitMs[i]);
  }
  latencies.sort((a, b) => a - b);
  const leaders = run.obs.leaders.columns(run.sim.now, TICKS_PER_MS);
  const gap = run.obs.allGaps()[0];
  return {
    events: run.sim.events,
    leaders: leaders.server.length,
    termMax: leaders.term.reduce((m, t) => Math.max(m, t), 0),
    committed: run.obs.monitor.committedLength,
    requests: requests.submitMs.length,
    requestsCommitted: latencies.length,
    commitP50Ms: latencies.length ? quantileSorted(latencies, 0.5) : NaN,
    commitP99Ms: latencies.length ? quantileSorted(latencies, 0.99) : NaN,
    downtimeMs: gap ? gap.endMs - gap.crashMs : NaN,
    alarms: verdict.alarms.length,
    violated: verdict.ok ? 0 : 1,
  };
}

/**
 * Times worth stepping to: every event the narration tells (sends, deliveries, losses, faults), role, term,
 * commit, configuration and status changes, and the violation. Step walks them one by one, as RaftScope does.
 */
function marksOf(tMs: Float64Array, kind: Uint8Array, verdict: Verdict, stage: StageData): Float64Array {
  const keep = new Set<number>([ChangeKind.role, ChangeKind.term, ChangeKind.commit, ChangeKind.config, ChangeKind.status]);
  const times: number[] = [];
  for (let i = 0; i < tMs.length; i++) if (keep.has(kind[i])) times.push(tMs[i]);
  for (const row of stage.narrated) times.push(stage.events.time[row]);
  if (verdict.violation) times.push(verdict.violation.tMs);
  times.sort((a, b) => a - b);
  return Float64Array.from(times.filter((t, i) => i === 0 || t !== times[i - 1]));
}
