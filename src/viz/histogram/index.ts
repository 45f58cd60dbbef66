export * from './layout';
export { Histogram, type HistogramProps } from './Histogram';
