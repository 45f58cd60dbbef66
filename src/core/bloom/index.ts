export { BloomFilter } from './bloomFilter';
export { CountingBloomFilter, type CounterWidth } from './countingBloomFilter';
export { hashPair, SEED_1, SEED_2 } from './hashPair';
export { K_MAX, M_MAX, probePositions } from './probes';
export { bitsPerBin, countBits, popcount32 } from './bits';
export {
  bitsFor, bitsPerItem, estimatedItems, expectedFill, falsePositiveRate, falsePositiveRateExact, log1p, optimalHashCount,
  optimalK, powInt, rateCurve,
} from './theory';
