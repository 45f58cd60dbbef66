import { type LessonStep as ContractLessonStep } from '../contract';
import { defaults, type QueuesScenario } from './scenario';

export type LessonStep = ContractLessonStep<QueuesScenario>;

export const lesson: readonly LessonStep[] = [
  { id: 'decouple', title: 'A queue decouples producers and consumers', text: 'x', scenario: defaults, t: 1000 },
];
