/**
 * Goal: every preset replays to the same trace hash in Chromium as in Node (program.test.ts pins the same
 * values). Method: run each preset in the browser and compare with the Node hashes.
 */
import { expect, it } from 'vitest';
import { plainContext } from '../../contract';
import { program } from './program';
import { spec } from '../index';

const nodeHashes: Record<string, string> = {
  'async-stale-reads': 'fabaee5a00c7c189',
  sync: '57f5432865d71fb9',
  'semi-sync': '888838bc2f0c1fcc',
  'async-failover': '1ea22fb0006f1acd',
  'split-brain': '68c87fd1155bf1e6',
  'split-brain-fenced': 'f0bbc20dac79840a',
};

it('every leader-follower preset gives the same trace hash in Chromium as in Node', () => {
  const hashes = Object.fromEntries(spec.presets.map((p) => [p.id, program(p.scenario, plainContext()).traceHash]));
  expect(hashes).toEqual(nodeHashes);
});
