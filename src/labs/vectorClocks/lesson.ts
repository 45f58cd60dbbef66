import type { LessonStep as ContractLessonStep } from '../contract';
import type { VectorClocksScenario } from './scenario';

export type LessonStep = ContractLessonStep<VectorClocksScenario>;
export const lesson: readonly LessonStep[] = [];
