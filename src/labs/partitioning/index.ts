/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type PartitioningScenario } from './scenario';

export const spec: LabSpec<PartitioningScenario> = {
  id: 'partitioning',
  title: 'Partitioning and hot partitions',
  summary: 'Four ways to place keys on nodes, measured side by side; then a hot key melts one node, and salting, splitting and caching cool it at a cost.',
  patterns: ['Data Partitioning', 'Strategies', 'Hot Partition Detection'],
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
