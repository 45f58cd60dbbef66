import type { LessonStep as ContractLessonStep } from '../contract';
import type { BloomScenario } from './scenario';
export type LessonStep = ContractLessonStep<BloomScenario>;
export const lesson: readonly LessonStep[] = [];
