/**
 * Every lab, in home-page order. Adding a lab = one folder + one line here.
 * Imports only each lab's scenario.ts (small, pure); programs load lazily through spec.loadProgram().
 */
import type { BaseScenario, LabSpec } from './contract';
import { spec as consistentHashing } from './consistentHashing/scenario';
import { spec as partitioning } from './partitioning/scenario';
import { spec as pbs } from './pbs/scenario';
import { spec as quorums } from './quorums/scenario';
import { spec as leaderFollower } from './leaderFollower/scenario';
import { spec as multiLeader } from './multiLeader/scenario';
import { spec as cap } from './cap/scenario';

export const labs: readonly LabSpec<BaseScenario>[] = [consistentHashing, partitioning, leaderFollower, multiLeader, quorums, pbs, cap];

export function findLab(id: string): LabSpec<BaseScenario> | undefined {
  return labs.find((lab) => lab.id === id);
}
