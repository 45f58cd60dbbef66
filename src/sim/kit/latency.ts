/**
 * A network hop's delay as a replicated-system scenario describes it (a distribution and four numbers,
 * in ms), and the engine's latency spec it stands for (../latency.ts, in ticks). The scenario side (form
 * inputs, validation) is ../../labs/latencyParams.ts.
 */
import type { LatencySpec } from '../latency';
import { msToTicks } from './time';

export const LATENCY_KINDS = ['uniform', 'exponential', 'pareto'] as const;
export type LatencyKind = (typeof LATENCY_KINDS)[number];

export interface HopLatency {
  /**
   * 'uniform': uniform in [latencyMsMin, latencyMsMax]. 'exponential': latencyMsMin plus an exponential
   * draw of mean latencyMsMean, clamped to latencyMsMax. 'pareto': Pareto with scale (minimum)
   * latencyMsMin (> 0) and shape paretoShape, clamped to latencyMsMax.
   */
  latency: LatencyKind;
  /** Uniform: the shortest hop; exponential: the floor; Pareto: the scale (the shortest hop). ms. */
  latencyMsMin: number;
  /** Uniform: the longest hop; exponential and Pareto: the cap. ms. */
  latencyMsMax: number;
  /** Exponential: the mean of the draw added to latencyMsMin, ms (unused by the other kinds). */
  latencyMsMean: number;
  /** Pareto: the shape (smaller = heavier tail; mean infinite at <= 1; unused by the other kinds). */
  paretoShape: number;
}

/** The hop delay as the engine's latency spec, in ticks (a mean or scale of at least one tick). */
export function hopLatency(p: HopLatency): LatencySpec {
  const minTicks = msToTicks(p.latencyMsMin);
  const capTicks = msToTicks(p.latencyMsMax);
  switch (p.latency) {
    case 'exponential':
      return { kind: 'exponential', minTicks, meanTicks: Math.max(1, msToTicks(p.latencyMsMean)), capTicks };
    case 'pareto':
      return { kind: 'pareto', scaleTicks: Math.max(1, minTicks), shape: p.paretoShape, capTicks };
    default:
      return { kind: 'uniform', minTicks, maxTicks: capTicks };
  }
}
