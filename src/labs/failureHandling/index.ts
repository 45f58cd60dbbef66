/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type FailureScenario } from './scenario';

export const spec: LabSpec<FailureScenario> = {
  id: 'failure-handling',
  title: 'Failure handling',
  summary: 'A caller and a downstream on the engine: timeouts, retries with backoff and jitter, circuit breakers, fallbacks with a retry queue and DLQ, serve-stale, degrade-and-reconcile, shedding, token buckets, and a retry storm that outlives its trigger.',
  patterns: ['Failure Handling', 'Partial Failure Strategies'],
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
