export { mean, stdev, summary } from './summary';
export { quantile, quantiles, quantileSorted, sortedCopy } from './quantile';
export { histogram, type Histogram } from './histogram';
export { ecdf, ecdfAt, type Ecdf } from './ecdf';
