/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program, UI,
 * golden links and lesson load lazily.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type AntiScenario } from './scenario';

export const spec: LabSpec<AntiScenario> = {
  id: 'anti-patterns',
  title: 'Anti-patterns',
  summary: 'Each anti-pattern broken beside its fix on the same workload: a shared database, 2PC beside a saga, synchronized clocks assumed, no partition handling, data far from its users.',
  patterns: ['Anti-Patterns'],
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
