/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily
 * through the loaders below.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type CrdtsScenario } from './scenario';

export const spec: LabSpec<CrdtsScenario> = {
  id: 'crdts',
  title: 'CRDTs: convergence without consensus',
  summary: 'Replicas that take updates on both sides of a partition and gossip their states: G-Counter, PN-Counter, OR-Set and LWW-Register converge after the heal, while a naive set, a 2P-Set and a counter that adds duplicates get it wrong.',
  patterns: ['Distributed Data Structures', 'Counter', 'Set'],
  version: 2,
  engineVersion: 1,
  params,
  events,
  defaults,
  presets,
  validate,
  // Version 2 made the G-Counter the default (the lesson starts there); a version-1 link without `type`
  // meant the OR-Set.
  migrations: { 1: (old) => ({ type: 'or-set', ...old }) },
  cost,
  horizon,
  timeUnit: 'ms',
  loadProgram: () => import('./program/program'),
  loadUi: () => import('./ui/Panel'),
  loadGoldenLinks: () => import('./golden'),
  loadLesson: () => import('./lesson'),
};
