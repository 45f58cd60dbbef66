export * from './types';
export * from './layout';
export * from './draw';
export * from './highlight';
export { HistoryTimeline, type HistoryTimelineProps } from './HistoryTimeline';
