export * from './matrix';
export * from './layout';
export * from './band';
export * from './summary';
export * from './timeAxis';
export { MARKER_ROWS } from './labels';
export * from './draw';
export { TimeSeries, type TimeSeriesProps } from './TimeSeries';
