export * from './matrix';
export * from './layout';
export * from './draw';
export { TimeSeries, type TimeSeriesProps } from './TimeSeries';
