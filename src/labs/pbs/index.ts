/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { cost, paperDisk, params, presets, validate, type PbsScenario } from './scenario';

export const spec: LabSpec<PbsScenario> = {
  id: 'pbs',
  title: 'Probabilistically bounded staleness (PBS)',
  summary: 'How stale is a partial quorum? The chance a read sees the latest write t ms after commit, for several N, R, W.',
  patterns: ['Quorum Reads/Writes', 'Replication'],
  version: 1,
  engineVersion: 1,
  params,
  events: [],
  defaults: paperDisk,
  presets,
  validate,
  migrations: {},
  cost,
  // Not a simulation over time: the playhead is t, the time between a write's commit and a read.
  horizon: (s) => s.tMaxMs,
  timeUnit: 'ms',
  loadProgram: () => import('./program/program'),
  loadUi: () => import('./ui/Panel'),
  loadGoldenLinks: () => import('./golden'),
  loadLesson: () => import('./lesson'),
};
