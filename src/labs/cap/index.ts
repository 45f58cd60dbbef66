/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { migrations } from './migrations';
import { cost, defaults, events, horizon, params, presets, validate, type CapScenario } from './scenario';

export const spec: LabSpec<CapScenario> = {
  id: 'cap',
  title: 'CAP and PACELC',
  summary: 'Cut the cluster and watch a CP store refuse the minority side while an AP store serves it and diverges; without a cut, see what consistency costs in latency.',
  patterns: ['CAP Theorem', 'PACELC Extension'],
  version: 2,
  engineVersion: 1,
  params,
  events,
  defaults,
  presets,
  validate,
  migrations,
  cost,
  horizon,
  timeUnit: 'ms',
  loadProgram: () => import('./program/program'),
  loadUi: () => import('./ui/Panel'),
  loadGoldenLinks: () => import('./golden'),
  loadLesson: () => import('./lesson'),
};
