/** Placeholder until the program lands (the lab is not registered yet, so nothing calls it). */
import type { LabProgram } from '../contract';
import type { PartitioningResult } from './result';
import type { PartitioningScenario } from './scenario';

export type * from './result';

export const program: LabProgram<PartitioningScenario, PartitioningResult> = () => {
  throw new Error('partitioning program: not implemented yet');
};
