import type { LessonStep as ContractLessonStep } from '../contract';
import type { AntiScenario } from './scenario';
export type LessonStep = ContractLessonStep<AntiScenario>;
export const lesson: readonly LessonStep[] = [];
