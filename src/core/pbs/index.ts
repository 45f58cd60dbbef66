/**
 * PBS: Probabilistically Bounded Staleness (Bailis et al., VLDB 2012) for Dynamo-style partial quorums.
 *
 * How a lab uses it (all pure; run it in the worker, pass the worker's RunContext as `context`):
 *
 *   const result = pbsSweep({
 *     configs: [{ n: 3, r: 1, w: 1 }, { n: 3, r: 2, w: 1 }],   // several curves on one plot
 *     legs: LNKD_DISK,                                         // or your own WarsLegs
 *     trials: 100_000, seed: scenario.seed, context,           // context.work() may throw at a budget
 *   });
 *   result.tMs                        // x axis: ms after commit (pass tGridMs to choose it)
 *   result.curves[i].pConsistent      // y: P(consistent read) at each tMs
 *   tVisibilityMs(result.curves[i], 0.999)   // "t for 99.9% consistent reads"
 *   latencyMs(result.curves[i], 'read', 0.999)   // the paper's 99.9th percentile L_r (and 'write')
 *
 * Refuse a run before it starts with `pbsCost(options)` (the total units `context.work` will receive).
 * Every array in a result is a typed array, so the worker can transfer it.
 */
export {
  BLOCK_TRIALS,
  CONFIGS_MAX,
  DEFAULT_GRID_POINTS,
  GRID_POINTS_MAX,
  N_MAX,
  TRIALS_MAX,
  consistencyAt,
  latencyMs,
  pbsCost,
  pbsExperiment,
  pbsMerge,
  pbsSweep,
  pbsTrials,
  tVisibilityMs,
  type PbsContext,
  type PbsCurve,
  type PbsExperimentOptions,
  type PbsExperimentResult,
  type PbsSweepOptions,
  type PbsSweepResult,
  type PbsTrials,
  type QuorumConfig,
} from './experiment';
export {
  EMPIRICAL_SAMPLES_MAX,
  LEG_MS_MAX,
  legSampler,
  legSkipper,
  warsSamplers,
  type ConstantLeg,
  type EmpiricalLeg,
  type ExponentialLeg,
  type LegSampler,
  type LegSpec,
  type MixtureLeg,
  type ParetoLeg,
  type UniformLeg,
  type WarsLegs,
} from './legs';
export { LNKD_DISK, LNKD_SSD, PRODUCTION_FITS, YMMR, YMMR_SIMULATOR, exponentialLegs } from './productionFits';
export { kStalenessProbability, kStalenessTrials, staleQuorumProbability, type KStalenessTrialsOptions } from './kStaleness';
export { warsBlock, warsScratch, type WarsDelays, type WarsOutcomes, type WarsScratch } from './wars';
