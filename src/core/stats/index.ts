export { mean, stdev, summary } from './summary';
export { nearestRank, quantile, quantiles, quantileSelect, quantileSorted, sortedCopy } from './quantile';
export { histogram, type Histogram } from './histogram';
export { ecdf, ecdfAt, type Ecdf } from './ecdf';
