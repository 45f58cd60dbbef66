export { SpaceTime, type SpaceTimeProps } from './SpaceTime';
export { SpaceTimeFromStage, type SpaceTimeFromStageProps } from './SpaceTimeFromStage';
export { LogImport, type LogImportProps } from './LogImport';
export { useJob, type JobState } from './useJob';
export type { SpaceTimePins } from './draw';
