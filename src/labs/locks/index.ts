/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program, UI,
 * golden links and lesson load lazily.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type LocksScenario } from './scenario';

export const spec: LabSpec<LocksScenario> = {
  id: 'locks',
  title: 'Locks, IDs and total order',
  summary: 'Redlock beside a Raft lock service with fencing tokens under a GC pause and a clock jump; IDs from the log beside timestamp IDs; one total order through the log beside gossip.',
  patterns: ['When You Need Consensus', 'Distributed Data Structures'],
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
