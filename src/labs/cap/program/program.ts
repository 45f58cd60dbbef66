/**
 * The CAP/PACELC program: the kit's leaderless store (src/sim/kit/leaderless, the quorums lab's store) run
 * once per mode (./modes.ts) with one engine, one history format and one checker, each run summed up by
 * ./measure.ts against the script's cuts (./cuts.ts); CP and AP also keep what the stage draws
 * (./stage.ts). Pure and deterministic: every run draws from the scenario's seed.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import { packOperations } from '../../clientHistory';
import type { LabProgram, RunContext } from '../../contract';
import { storeOutcome } from '../../../sim/kit/leaderless/store';
import { nearestRank as latencyAt } from '../../../core/stats';
import { cutEpochs, cutSpans } from './cuts';
import { measure } from './measure';
import { modeScenario } from './modes';
import { capStage, stageOptions } from './stage';
import { CAP_MODES, PACELC_MODES, type CapResult, type CapStage, type Mode, type RunSummary } from '../result';
import type { CapScenario } from '../scenario';

export type * from '../result';

/** Availability bins over the longest run. */
export const BINS = 40;

/** The runs, in result order: CAP with the cut, PACELC without it, PACELC with it. */
const RUNS: readonly { mode: Mode; isCut: boolean }[] = [
  ...CAP_MODES.map((mode) => ({ mode, isCut: true })),
  ...PACELC_MODES.map((mode) => ({ mode, isCut: false })),
  ...PACELC_MODES.map((mode) => ({ mode, isCut: true })),
];

/** The store run of one mode, with progress reported as the share `[from, to)` of the whole. */
function runMode(s: CapScenario, mode: Mode, isCut: boolean, context: RunContext, from: number, to: number) {
  const spec = modeScenario(s, mode, isCut);
  const sub: RunContext = { progress: (f) => context.progress(from + f * (to - from)), work: (u) => context.work(u) };
  const isStaged = mode === 'CP' || mode === 'AP';
  return { spec, run: storeOutcome(spec, sub, isStaged ? stageOptions : undefined) };
}

export const program: LabProgram<CapScenario, CapResult> = (s, context) => {
  const runs = RUNS.map(({ mode, isCut }, i) => ({ mode, isCut, ...runMode(s, mode, isCut, context, i / RUNS.length, (i + 1) / RUNS.length) }));
  const endMs = Math.max(...runs.map((r) => r.run.endMs));
  const binMs = Math.max(1, Math.ceil(endMs / BINS));
  const summaries: RunSummary[] = runs.map(({ mode, isCut, spec, run }) =>
    measure({ mode, isCut, spec, run, epochs: cutEpochs(spec.events as CapScenario['events'], s.nodes), binMs, bins: BINS }),
  );
  const stages = runs.slice(0, CAP_MODES.length).map((r, i) => capStage(CAP_MODES[i], r.run, s.clients));
  const hasher = new TraceHasher();
  for (const r of summaries) hasher.string(r.traceHash);
  const [cp, ap, paEl, pcEc, paEc, ...pacelcCut] = summaries;
  const stoppedAtLimit = runs.find((r) => r.run.stoppedAtLimit)?.run.stoppedAtLimit;
  context.progress(1);
  return {
    lab: 'cap',
    traceHash: hasher.hex(),
    metrics: {
      cpAvailabilityMajority: availability(cp, 0),
      cpAvailabilityMinority: availability(cp, 1),
      apAvailabilityMajority: availability(ap, 0),
      apAvailabilityMinority: availability(ap, 1),
      cpLinearizable: cp.verdict === 'linearizable' ? 1 : 0,
      apLinearizable: ap.verdict === 'linearizable' ? 1 : 0,
      cpStaleReads: cp.staleReads,
      apStaleReads: ap.staleReads,
      apLostWrites: ap.lostWrites,
      apWritesOkMajority: ap.sides[0].writesOk,
      apWritesOkMinority: ap.sides[1].writesOk,
      paElStaleReads: paEl.staleReads,
      pcEcStaleReads: pcEc.staleReads,
      paEcStaleReads: paEc.staleReads,
      paElReadP50Ms: latencyAt(paEl.readLatencyMs, 50),
      pcEcReadP50Ms: latencyAt(pcEc.readLatencyMs, 50),
      paElWriteP99Ms: latencyAt(paEl.writeLatencyMs, 99),
      pcEcWriteP99Ms: latencyAt(pcEc.writeLatencyMs, 99),
    },
    endTime: endMs,
    marks: marksOf(s, stages),
    ...(stoppedAtLimit ? { stoppedAtLimit } : {}),
    nodeCount: s.nodes,
    cuts: cutSpans(cutEpochs(s.events, s.nodes), endMs),
    binMs,
    cap: [cp, ap],
    pacelc: [paEl, pcEc, paEc],
    pacelcCut,
    stages,
    clientHistories: runs.slice(0, CAP_MODES.length).map((r, i) => ({ name: CAP_MODES[i], model: 'register' as const, operations: packOperations(r.run.checked.ops) })),
    // LabResult's stage (the playback's pace reads its median latency): CP's; the Panel draws from `stages`.
    stage: stages[0].stage,
  };
};

/** Step's stops: the script's events and every event the stage narrates, in CP's run or AP's. */
function marksOf(s: CapScenario, stages: readonly CapStage[]): Float64Array {
  const times = new Set(s.events.map((e) => e.t));
  for (const { stage } of stages) for (const row of stage.narrated) times.add(stage.events.time[row]);
  return Float64Array.from(times).sort();
}

/** Ok fraction of the requests a side (0 majority, 1 minority) coordinated during cuts (NaN when it had none). */
export function availability(r: RunSummary, sideIndex: 0 | 1): number {
  const c = r.sides[sideIndex];
  return c.requests > 0 ? c.ok / c.requests : NaN;
}


export type { RunContext };
