/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, horizon, params, presets, validate, type CapScenario } from './scenario';

export const spec: LabSpec<CapScenario> = {
  id: 'cap',
  title: 'CAP and PACELC',
  summary: 'Cut the cluster in two and watch a CP and an AP store answer side by side; without a cut, see what consistency costs in latency.',
  patterns: ['CAP Theorem', 'PACELC Extension'],
  version: 1,
  engineVersion: 1,
  params,
  events: [],
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
