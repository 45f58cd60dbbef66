/**
 * Goal: every preset replays to the same trace hash in Chromium as in Node (program.test.ts pins the same
 * values). Method: run each preset in the browser and compare with the Node hashes.
 */
import { expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from './program';
import { spec } from '../index';

const nodeHashes: Record<string, string> = {
  'exponential-tail': '0765862a7e7d8df3',
  'lnkd-ssd': '1949bc7f7fc3bcd6',
  'paper-lnkd-disk': 'e3421ddbd2bf61cd',
  yammer: 'dce62b0ff681331d',
};

it('every PBS preset gives the same trace hash in Chromium as in Node', () => {
  const hashes = Object.fromEntries(spec.presets.map((p) => [p.id, program(p.scenario, plainContext()).traceHash]));
  expect(hashes).toEqual(nodeHashes);
});
