export * from './types';
export * from './layout';
export * from './bars';
export * from './draw';
export * from './highlight';
export { HistoryTimeline, type HistoryTimelineProps } from './HistoryTimeline';
