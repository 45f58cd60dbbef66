/**
 * How a network hop's delay is drawn, as scenario parameters (the quorums and CAP labs): the distribution
 * and its four numbers in ms (sim/kit/latency.ts's HopLatency), their form inputs and their cross-field
 * rules. The programs turn them into the engine's latency spec with hopLatency.
 */
import type { ParamSpec, ValidationIssue } from './contract';
import { fmt } from './scenarioSchema';
import { LATENCY_KINDS, type HopLatency } from '../sim/kit/latency';

export { LATENCY_KINDS, type HopLatency, type LatencyKind } from '../sim/kit/latency';

/** Longest hop the numbers may name, ms. */
export const LATENCY_MS_MAX = 1000;

export const latencyParams: readonly ParamSpec[] = [
  { key: 'latency', label: 'Latency distribution', kind: 'enum', options: LATENCY_KINDS, help: 'uniform: between min and max; exponential: min plus an exponential draw of the given mean; pareto: heavy tail from min (the scale) with the given shape; both capped at max.' },
  { key: 'latencyMsMin', label: 'Latency min', kind: 'number', min: 0, max: LATENCY_MS_MAX, unit: 'ms', help: 'Shortest network hop (the Pareto scale).' },
  { key: 'latencyMsMax', label: 'Latency max', kind: 'number', min: 0, max: LATENCY_MS_MAX, unit: 'ms', help: 'Longest network hop (uniform between min and max; the cap of the other distributions).' },
  { key: 'latencyMsMean', label: 'Latency mean', kind: 'number', min: 0.001, max: LATENCY_MS_MAX, unit: 'ms', help: 'Exponential: mean of the delay added to the minimum.' },
  { key: 'paretoShape', label: 'Pareto shape', kind: 'number', min: 0.1, max: 10, help: 'Pareto: smaller means a heavier tail (1.5: most hops near the minimum, a few near the cap).' },
];

/** The latency fields' cross-field rules: min <= max, and a Pareto scale above 0. */
export function latencyIssues(s: Pick<HopLatency, 'latency' | 'latencyMsMin' | 'latencyMsMax'>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (s.latencyMsMin > s.latencyMsMax) {
    issues.push({ path: 'latencyMsMin', message: `latencyMsMin must be at most latencyMsMax = ${fmt(s.latencyMsMax)}, got ${fmt(s.latencyMsMin)}` });
  }
  if (s.latency === 'pareto' && s.latencyMsMin <= 0) {
    issues.push({ path: 'latencyMsMin', message: `latencyMsMin is the Pareto scale and must be above 0, got ${fmt(s.latencyMsMin)}` });
  }
  return issues;
}
