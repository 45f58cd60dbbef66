/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program, UI,
 * golden links and lesson load lazily.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type QueuesScenario } from './scenario';

export const spec: LabSpec<QueuesScenario> = {
  id: 'queues',
  title: 'Queues: Kafka log and SQS',
  summary: 'A partitioned log with consumer groups (offsets, rebalances, lag, a hot partition) beside SQS standard and FIFO queues (visibility timeouts, a DLQ, dedup); at-least-once delivery with idempotent and non-idempotent consumers.',
  patterns: ['Queue', "When You Don't"],
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
