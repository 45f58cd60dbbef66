/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type MultiLeaderScenario } from './scenario';

export const spec: LabSpec<MultiLeaderScenario> = {
  id: 'multi-leader',
  title: 'Multi-leader replication and conflicts',
  summary: 'A leader per region, writes acknowledged locally and replicated asynchronously: see concurrent writes conflict, last-writer-wins lose them, and siblings keep them.',
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
