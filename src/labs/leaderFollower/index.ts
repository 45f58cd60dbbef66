/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type LeaderFollowerScenario } from './scenario';

export const spec: LabSpec<LeaderFollowerScenario> = {
  id: 'leader-follower',
  title: 'Leader-follower replication',
  summary: 'Sync, semi-sync or async replication to followers: see the lag, stale follower reads, failover losing acknowledged writes, and split brain without fencing.',
  patterns: ['Replication', 'Models'],
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
