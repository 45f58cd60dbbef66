/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type VectorClocksScenario } from './scenario';

export const spec: LabSpec<VectorClocksScenario> = {
  id: 'vector-clocks',
  title: 'Clocks and causality',
  summary: 'Which write happened first? Version vectors keep concurrent writes as siblings, last-writer-wins on skewed wall clocks drops the later one; Lamport clocks, HLC and commit wait fix the order.',
  patterns: ['Vector Clocks', 'Anti-Patterns'],
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
  // The Panel draws the diagram itself: the writes LWW lost and the lease overlaps pinned, the shown run's.
  drawsSpaceTime: true,
};
