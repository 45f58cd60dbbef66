/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type ConsistentHashingScenario } from './scenario';

export const spec: LabSpec<ConsistentHashingScenario> = {
  id: 'consistent-hashing',
  title: 'Consistent hashing',
  summary: 'Hash keys and nodes onto one ring: a membership change moves about 1/N of the keys, hash mod N almost all.',
  patterns: ['Data Partitioning', 'Consistent Hashing'],
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
  timeUnit: 'step',
  loadProgram: () => import('./program/program'),
  loadUi: () => import('./ui/Panel'),
  loadGoldenLinks: () => import('./golden'),
  loadLesson: () => import('./lesson'),
};
