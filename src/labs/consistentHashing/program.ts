/** First placeholder: the program lands in the next commit. The result type is final (./result.ts). */
import type { LabProgram } from '../contract';
import type { ConsistentHashingResult } from './result';
import type { ConsistentHashingScenario } from './scenario';

export type * from './result';

export const program: LabProgram<ConsistentHashingScenario, ConsistentHashingResult> = () => {
  throw new Error('consistent-hashing program: not implemented yet');
};
