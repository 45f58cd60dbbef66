export { mean, stdev, summary } from './summary';
export { nearestRank, quantile, quantiles, quantileSorted, sortedCopy } from './quantile';
export { histogram, type Histogram } from './histogram';
export { ecdf, ecdfAt, type Ecdf } from './ecdf';
