export { buildStage, type StageInput, type StageRemarks } from './buildStage';
