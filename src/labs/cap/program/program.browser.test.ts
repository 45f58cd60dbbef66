/**
 * Goal: every preset replays to the same trace hash in Chromium as in Node (program.test.ts pins the same
 * values), including the Pareto and exponential draws. Method: run each preset in the browser and compare.
 */
import { expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from './program';
import { spec } from '../index';

const nodeHashes: Record<string, string> = {
  'two-three': '39a8c1247ae1b1eb',
  'lone-node': '2e7e7b4360700e0d',
  'pareto-tail': '738b12649b79aad7',
};

it('every CAP preset gives the same trace hash in Chromium as in Node', () => {
  const hashes = Object.fromEntries(spec.presets.map((p) => [p.id, program(p.scenario, plainContext()).traceHash]));
  expect(hashes).toEqual(nodeHashes);
});
