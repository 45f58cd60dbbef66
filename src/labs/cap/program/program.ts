/**
 * The CAP/PACELC program: the kit's leaderless store (src/sim/kit/leaderless, the quorums lab's store) run
 * once per mode (./modes.ts) with one engine, one history format and one checker, each run summed up by
 * ./measure.ts. Pure and deterministic: every run draws from the scenario's seed.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import type { LabProgram, RunContext } from '../../contract';
import { storeOutcome } from '../../../sim/kit/leaderless/store';
import { nearestRank as latencyAt } from '../../../core/stats';
import { measure } from './measure';
import { modeScenario } from './modes';
import { CAP_MODES, PACELC_MODES, type CapResult, type Mode, type RunSummary } from '../result';
import { sidesOf, type CapScenario } from '../scenario';

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
  return { spec, run: storeOutcome(spec, sub) };
}

export const program: LabProgram<CapScenario, CapResult> = (s, context) => {
  const side = sidesOf(s.sideB, s.nodes);
  const runs = RUNS.map(({ mode, isCut }, i) => ({ mode, isCut, ...runMode(s, mode, isCut, context, i / RUNS.length, (i + 1) / RUNS.length) }));
  const endMs = Math.max(...runs.map((r) => r.run.endMs));
  const binMs = Math.max(1, Math.ceil(endMs / BINS));
  const summaries: RunSummary[] = runs.map(({ mode, isCut, spec, run }) =>
    measure({
      mode, isCut, spec, run, side, binMs, bins: BINS,
      cutFromMs: isCut ? s.partitionMs : 0, cutToMs: isCut ? s.healMs : 0,
    }),
  );
  const hasher = new TraceHasher();
  for (const r of summaries) hasher.string(r.traceHash);
  const [cp, ap, paEl, pcEc, paEc, ...pacelcCut] = summaries;
  const stoppedAtLimit = runs.find((r) => r.run.stoppedAtLimit)?.run.stoppedAtLimit;
  context.progress(1);
  return {
    lab: 'cap',
    traceHash: hasher.hex(),
    metrics: {
      cpAvailabilityA: availability(cp, 0),
      cpAvailabilityB: availability(cp, 1),
      apAvailabilityA: availability(ap, 0),
      apAvailabilityB: availability(ap, 1),
      cpLinearizable: cp.verdict === 'linearizable' ? 1 : 0,
      apLinearizable: ap.verdict === 'linearizable' ? 1 : 0,
      cpStaleReads: cp.staleReads,
      apStaleReads: ap.staleReads,
      apLostWrites: ap.lostWrites,
      apWritesOkA: ap.sides[0].writesOk,
      apWritesOkB: ap.sides[1].writesOk,
      paElStaleReads: paEl.staleReads,
      pcEcStaleReads: pcEc.staleReads,
      paEcStaleReads: paEc.staleReads,
      paElReadP50Ms: latencyAt(paEl.readLatencyMs, 50),
      pcEcReadP50Ms: latencyAt(pcEc.readLatencyMs, 50),
      paElWriteP99Ms: latencyAt(paEl.writeLatencyMs, 99),
      pcEcWriteP99Ms: latencyAt(pcEc.writeLatencyMs, 99),
    },
    endTime: endMs,
    marks: Float64Array.from([s.partitionMs, s.healMs]),
    ...(stoppedAtLimit ? { stoppedAtLimit } : {}),
    nodeCount: s.nodes,
    side,
    partitionMs: s.partitionMs,
    healMs: s.healMs,
    binMs,
    cap: [cp, ap],
    pacelc: [paEl, pcEc, paEc],
    pacelcCut,
  };
};

/** Ok fraction of the requests a side coordinated during the cut (NaN when it had none). */
export function availability(r: RunSummary, sideIndex: 0 | 1): number {
  const c = r.sides[sideIndex];
  return c.requests > 0 ? c.ok / c.requests : NaN;
}


export type { RunContext };
