/**
 * Goal: every preset replays to the same trace hash in Chromium as in Node (program.test.ts pins the same
 * values). Method: run each preset in the browser and compare with the Node hashes.
 */
import { expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from './program';
import { spec } from '../index';

const nodeHashes: Record<string, string> = {
  'two-regions': 'd0f9caa12a49cda4',
  partition: '58c5f1b8bffb89cf',
  'clock-skew': '311ba37bcbeb456c',
  'four-regions': '7cb09526eacc5341',
};

it('every multi-leader preset gives the same trace hash in Chromium as in Node', () => {
  const hashes = Object.fromEntries(spec.presets.map((p) => [p.id, program(p.scenario, plainContext()).traceHash]));
  expect(hashes).toEqual(nodeHashes);
});
