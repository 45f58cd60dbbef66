/**
 * PBS (Bailis et al., VLDB 2012): how often a Dynamo-style partial quorum returns the latest write t ms
 * after that write commits, by Monte Carlo over the WARS latency model (src/core/pbs). Not a simulation
 * over time: the scenario is a set of parameters (no script), and one run gives every curve; the playhead
 * is t, the time between a write's commit and a read, over the plot's range (0..tMaxMs).
 *
 * Flat parameters, so links stay readable: the latency fit, the number of trials, the plot's t range and
 * up to four (N, R, W) configurations as n1 r1 w1 ... n4 r4 w4, where n = 0 switches a configuration off
 * (the first is always on).
 */
import { pbsCost } from '../../core/pbs/experiment';
import type { BaseScenario, ParamSpec, Preset, ValidationIssue } from '../contract';
import { scenarioSchema } from '../scenarioSchema';

export const LATENCY_PRESETS = ['lnkd-ssd', 'lnkd-disk', 'ymmr', 'exponential'] as const;
export type LatencyPreset = (typeof LATENCY_PRESETS)[number];

export interface PbsScenario extends BaseScenario {
  /** Writes simulated, each followed by one read; 1..LIMITS.trialsMax. */
  trials: number;
  /** Root seed of every delay drawn; 0..2^32-1. */
  seed: number;
  /** The WARS fit: the paper's LinkedIn SSD / disk and Yammer fits (Table 3), or exponential legs. */
  latency: LatencyPreset;
  /** Mean of the W (write) leg in ms when latency = exponential; 0.01..1000. */
  writeMeanMs: number;
  /** Mean of the A, R and S legs (ack, read, response) in ms when latency = exponential; 0.01..1000. */
  arsMeanMs: number;
  /** The plot's t axis runs from 0 to this many ms after commit; 0.1..10,000. */
  tMaxMs: number;
  n1: number;
  r1: number;
  w1: number;
  n2: number;
  r2: number;
  w2: number;
  n3: number;
  r3: number;
  w3: number;
  n4: number;
  r4: number;
  w4: number;
  /** Always []: this lab has no script. */
  events: [];
}

export const LIMITS = {
  trialsMax: 100_000,
  /** Replicas per configuration (the paper plots N = 1..10). */
  nMax: 10,
  configsMax: 4,
  legMeanMsMin: 0.01,
  legMeanMsMax: 1000,
  tMaxMsMin: 0.1,
  tMaxMsMax: 10_000,
} as const;

/** Points on the plotted t grid (0..tMaxMs in 60 equal steps: tMaxMs = 60 gives whole milliseconds). */
export const GRID_STEPS = 60;

const configParams = (i: number): ParamSpec[] => [
  { key: `n${i}`, label: `Config ${i}: N`, kind: 'int', min: i === 1 ? 1 : 0, max: LIMITS.nMax, help: i === 1 ? 'Replicas of each key.' : 'Replicas of each key; 0 leaves this configuration off.' },
  { key: `r${i}`, label: `Config ${i}: R`, kind: 'int', min: 1, max: LIMITS.nMax, help: 'Replies a read waits for (at most N).' },
  { key: `w${i}`, label: `Config ${i}: W`, kind: 'int', min: 1, max: LIMITS.nMax, help: 'Acks a write waits for (at most N).' },
];

export const params: readonly ParamSpec[] = [
  { key: 'trials', label: 'Trials', kind: 'int', min: 1, max: LIMITS.trialsMax, help: 'Simulated writes, each followed by one read. More trials, smoother curves.' },
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every delay drawn: another seed, other trials.' },
  {
    key: 'latency',
    label: 'Latency fit',
    kind: 'enum',
    options: LATENCY_PRESETS,
    help: "Delays of the W, A, R, S legs: the paper's LinkedIn (SSD, disk) and Yammer production fits, or exponential legs with the means below.",
  },
  { key: 'writeMeanMs', label: 'Write leg mean', kind: 'number', min: LIMITS.legMeanMsMin, max: LIMITS.legMeanMsMax, unit: 'ms', help: 'Exponential fit only: mean delay of W (write reaching a replica and applied).' },
  { key: 'arsMeanMs', label: 'Ack/read/response mean', kind: 'number', min: LIMITS.legMeanMsMin, max: LIMITS.legMeanMsMax, unit: 'ms', help: 'Exponential fit only: mean delay of each of A, R and S.' },
  { key: 'tMaxMs', label: 'Plot up to', kind: 'number', min: LIMITS.tMaxMsMin, max: LIMITS.tMaxMsMax, unit: 'ms after commit', help: 'End of the t axis of the plot.' },
  ...configParams(1),
  ...configParams(2),
  ...configParams(3),
  ...configParams(4),
];

export interface QuorumConfig {
  n: number;
  r: number;
  w: number;
}

/** The configurations switched on (n > 0), in order: what the program runs and the plot shows. */
export function quorumConfigs(s: PbsScenario): QuorumConfig[] {
  const all: QuorumConfig[] = [
    { n: s.n1, r: s.r1, w: s.w1 },
    { n: s.n2, r: s.r2, w: s.w2 },
    { n: s.n3, r: s.r3, w: s.w3 },
    { n: s.n4, r: s.r4, w: s.w4 },
  ];
  return all.filter((c) => c.n > 0);
}

/** Cross-field rule: in every configuration switched on, R and W are at most N. */
export function checkQuorums(s: PbsScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (let i = 1; i <= LIMITS.configsMax; i++) {
    const n = s[`n${i}` as 'n1'];
    if (n === 0) continue;
    for (const q of ['r', 'w'] as const) {
      const value = s[`${q}${i}` as 'r1'];
      if (value > n) {
        const name = q === 'r' ? 'R (read quorum)' : 'W (write quorum)';
        issues.push({ path: `${q}${i}`, message: `config ${i}: ${name} must be at most N = ${n}, got ${q}${i} = ${value}; raise n${i} or lower ${q}${i}` });
      }
    }
  }
  return issues;
}

export const validate = scenarioSchema<PbsScenario>({ params, events: [], eventsMax: 0, tMax: 0, check: checkQuorums });

/** Work units: what pbsSweep reports to context.work (draws plus replicas evaluated), plus the plot grid. */
export function cost(s: PbsScenario): number {
  return pbsCost({ configs: quorumConfigs(s), trials: s.trials }) + (GRID_STEPS + 1) * LIMITS.configsMax;
}

const off = { n2: 0, r2: 1, w2: 1, n3: 0, r3: 1, w3: 1, n4: 0, r4: 1, w4: 1 };
const base = { trials: 100_000, seed: 1, writeMeanMs: 10, arsMeanMs: 1, events: [] as [] };

/** The paper's Figure/Table setting: LNKD-DISK, N = 3, R=W=1 against R=2 W=1 and the strict R=W=2. */
export const paperDisk: PbsScenario = { ...base, ...off, latency: 'lnkd-disk', tMaxMs: 60, n1: 3, r1: 1, w1: 1, n2: 3, r2: 2, w2: 1, n3: 3, r3: 2, w3: 2 };

export const presets: readonly Preset<PbsScenario>[] = [
  {
    id: 'paper-lnkd-disk',
    title: 'paper: LNKD-DISK N=3',
    description: 'LinkedIn on disks: slow, long-tailed writes. R=W=1 reads are often stale at commit; R=2 helps; R=W=2 never is.',
    scenario: paperDisk,
  },
  {
    id: 'lnkd-ssd',
    title: 'LinkedIn SSD',
    description: 'LinkedIn on SSDs: every leg is fast, so even R=W=1 is consistent within a couple of milliseconds.',
    scenario: { ...base, ...off, latency: 'lnkd-ssd', tMaxMs: 5, n1: 3, r1: 1, w1: 1, n2: 3, r2: 1, w2: 2, n3: 3, r3: 2, w3: 1 },
  },
  {
    id: 'yammer',
    title: 'Yammer',
    description: 'Yammer on Riak: fsync-bound writes with a very long tail; R=W=1 needs over a second for 99.9%.',
    scenario: { ...base, ...off, latency: 'ymmr', tMaxMs: 1500, n1: 3, r1: 1, w1: 1, n2: 3, r2: 1, w2: 2, n3: 3, r3: 2, w3: 1 },
  },
  {
    id: 'exponential-tail',
    title: 'exponential write tail',
    description: 'Writes 10x slower than the other legs (means 10 ms and 1 ms): staleness follows the write tail.',
    scenario: { ...base, ...off, latency: 'exponential', writeMeanMs: 10, arsMeanMs: 1, tMaxMs: 80, n1: 3, r1: 1, w1: 1, n2: 3, r2: 1, w2: 2, n3: 3, r3: 2, w3: 1 },
  },
];

