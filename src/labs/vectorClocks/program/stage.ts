/**
 * What the clocks stage shows (src/viz/stage), recorded outside the trace (the run's hash is the same with
 * or without it): each message's kind and label, each replica's card (written by the replica as its
 * state changes), and the writes wall-clock LWW drops as sentences of the narration.
 *
 *   rep a1      r0 replicates its write a1          ack a1     the receiver has it
 *   acq         a replica asks r0 for the lease     grant      r0 grants it until a reading of its clock
 *
 *   card r1:  clock 203.1     its physical clock at its last event (the stage adds its offset)
 *             L 4 · HLC 213.0·1 · VV [1,2,0]
 *             LWW a1 · siblings a1|b2 · lease holds
 */
import type { StageData } from '../../../core/stage/types';
import type { Simulation, StageOptions } from '../../../sim/index';
import { buildStage } from '../../../sim/stage/buildStage';
import { TICKS_PER_MS } from '../../../sim/kit/time';
import type { Msg } from './messages';
import type { Recorder } from './record';

/** Kinds in a fixed order, so each keeps its colour in every run. */
export const MESSAGE_KINDS = ['rep', 'ack', 'acq', 'grant'] as const;

function labelOf(m: Msg): string {
  if (m.k === 'rep') return `rep ${m.w.value}`;
  if (m.k === 'ack') return 'ack';
  if (m.k === 'acq') return 'acq lease';
  return `grant until ${(m.expiry / TICKS_PER_MS).toFixed(1)}`;
}

/** The physical clock's reading in ms, read by the probe after every event (and every sampling tick). */
export const PT_FIELD = 'pt';

export function stageOptions(): StageOptions<Msg> {
  return {
    describe: { kind: (m) => m.k, label: labelOf, kinds: MESSAGE_KINDS },
    probe: { fields: [PT_FIELD], read: (node) => (node.localNow() / TICKS_PER_MS).toFixed(1) },
  };
}

/**
 * Samples every clock for the cards at least every `stepTicks` of true time until `untilTick` (a callback
 * that changes nothing and records no trace row: the run's hash is the same), so a card's reading moves
 * with the playhead even while its replica is idle.
 */
export function sampleClocks(sim: Simulation<Msg>, stepTicks: number, untilTick: number): void {
  const tick = (t: number) => {
    if (t > untilTick) return;
    sim.at(t, () => tick(t + stepTicks));
  };
  tick(0);
}

/** The run's stage: replicas r0.., no separate clients (each replica's client writes through it), times in ms. */
export function stageOf(sim: Simulation<Msg>, rec: Recorder, replicas: number): StageData {
  return buildStage({
    trace: sim.trace.columns(),
    log: sim.stageLog!.columns(),
    ticksPerUnit: TICKS_PER_MS,
    timeUnit: 'ms',
    horizon: sim.now / TICKS_PER_MS,
    nodeNames: Array.from({ length: replicas }, (_, i) => `r${i}`),
    remarks: { tick: rec.remarks.map((r) => r.tick), node: rec.remarks.map((r) => r.node), text: rec.remarks.map((r) => r.text) },
  });
}
