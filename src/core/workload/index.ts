export { cdfSampler, sampleCdf, zipfCdf, zipfProbability } from './zipf';
export { keySampler, type KeyDistribution } from './keySampler';
export { permutation, poissonArrivals } from './arrivals';
