/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type QuorumsScenario } from './scenario';

export const spec: LabSpec<QuorumsScenario> = {
  id: 'quorums',
  title: 'Leaderless replication and quorums',
  summary: 'N replicas, W and R adjustable, any node coordinates: see each request’s quorum, and when W + R > N is not enough.',
  patterns: ['Replication', 'Quorum Reads/Writes'],
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
