/**
 * The lab's face: what the registry, the home page, the worker and the CLI know of it. Its program
 * (./program, worker side), its UI (./ui, main thread), its golden links and its lesson load lazily.
 */
import type { LabSpec } from '../contract';
import { cost, defaults, events, horizon, params, presets, validate, type BloomScenario } from './scenario';

export const spec: LabSpec<BloomScenario> = {
  id: 'bloom-filters',
  title: 'Bloom filters',
  summary: '"Definitely no" or "probably yes": m bits and k hashes against the false-positive rate, deletion with counting filters, and a filter saving disk reads in front of a slow store.',
  patterns: ['Bloom Filters'],
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
