import type { LessonStep } from '../contract';
import type { CrdtsScenario } from './scenario';
export const lesson: readonly LessonStep<CrdtsScenario>[] = [];
