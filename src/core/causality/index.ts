export * from './types';
export * from './graph';
export * from './clocks';
export * from './job';
export * from './query';
export * from './prose';
export * from './edgeIndex';
export { causalRunFromStageJob, CausalityLimitError } from './fromStage';
export * from './shiviz';
