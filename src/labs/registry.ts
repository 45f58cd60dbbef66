/**
 * Every lab, in home-page order. Adding a lab = one folder + one line here.
 * Imports only each lab's face (index.ts: small, pure); programs, UIs and golden links load lazily through it.
 * Only the composition roots import this file: the app entry (src/main.tsx), the worker entry
 * (src/worker/worker.ts) and the CLI (src/cli); tests and benchmarks too.
 */
import type { BaseScenario, LabSpec } from './contract';
import { spec as consistentHashing } from './consistentHashing';
import { spec as partitioning } from './partitioning';
import { spec as pbs } from './pbs';
import { spec as quorums } from './quorums';
import { spec as leaderFollower } from './leaderFollower';
import { spec as multiLeader } from './multiLeader';
import { spec as cap } from './cap';
import { spec as consensus } from './consensus';
import { spec as vectorClocks } from './vectorClocks';
import { spec as crdts } from './crdts';
import { spec as bloomFilters } from './bloomFilters';
import { spec as locks } from './locks';
import { spec as queues } from './queues';
import { spec as failureHandling } from './failureHandling';
import { spec as antiPatterns } from './antiPatterns';

export const labs: readonly LabSpec<BaseScenario>[] = [consistentHashing, partitioning, leaderFollower, multiLeader, quorums, pbs, cap, consensus, locks, queues, vectorClocks, crdts, bloomFilters, failureHandling, antiPatterns];

export function findLab(id: string): LabSpec<BaseScenario> | undefined {
  return labs.find((lab) => lab.id === id);
}
