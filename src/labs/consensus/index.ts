/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { presets } from './presets';
import { cost, defaults, events, horizon, params, validate, type ConsensusScenario } from './scenario';

export const spec: LabSpec<ConsensusScenario> = {
  id: 'consensus',
  title: 'Consensus: Raft',
  summary: 'Raft on 3 to 9 servers: elect a leader, replicate a log, crash and cut servers at the playhead, watch the five safety invariants catch a broken rule, and time elections as in the paper.',
  patterns: ['Consensus Patterns', 'When You Need Consensus', "When You Don't"],
  version: 1,
  engineVersion: 1,
  params,
  events,
  defaults,
  presets,
  validate,
  migrations: {},
  cost,
  horizon,
  timeUnit: 'ms',
  loadProgram: () => import('./program/program'),
  loadUi: () => import('./ui/Panel'),
  loadGoldenLinks: () => import('./golden'),
  loadLesson: () => import('./lesson'),
};
