export { Stage, type StageProps } from './Stage';
export { StageLegend } from './StageLegend';
export { isStageAction, playheadValue, STAGE_ACTIONS, type StageAmounts, type CardFieldSpec, type CardSpec, type MenuItem, type NodeAction, type PlayheadSource, type StageAction, type StageEvent } from './types';
export { createFrame, DotPhase, layoutAt, NodeState, type FrameOptions, type StageFrame } from './layoutAt';
export { stageGeometry, type GeometryInput, type StageGeometry } from './geometry';
export { chooseTier, type StageTier, type TierPlan } from './tier';
export { clientMenuItems, linkMenuItems, nodeMenuItems, partitionEvent } from './actions';
export { nodeLabel } from './cards';
