export { buildStage, type StageInput } from './buildStage';
