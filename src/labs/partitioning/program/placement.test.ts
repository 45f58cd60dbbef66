import { describe, expect, it } from 'vitest';
import { countByOwner, liveNodes, modNOwners, movedCount, ringOf, ringOwnersSorted } from '../../../core/partitioning';
import { keyHashes } from '../../../core/ring';
import { spec } from '../index';
import { STRATEGIES } from '../result';
import { replaceAfterFault, type LiveOwners } from './mitigations';
import { crashImpact, placements, strategyTable, type KeyCounts } from './placement';
import { rng } from '../../../core/random/rng';

describe('crashImpact', () => {
  it('counts what the placements say: the node\'s keys, and the keys mod-N moves over the survivors', () => {
    // 1,000 nodes: remainders past 2^8 and 2^9 (mod-N's remainder comes from a multiply by 1/n).
    for (const nodes of [2, 7, 12, 1000]) {
      const s = { ...spec.defaults, nodes, keys: 3000, events: [] };
      const p = placements(s, keyHashes(s.keys, s.seed));
      for (const node of [0, 1, nodes - 1, nodes]) {
        const impact = crashImpact(s, p, node);
        for (const [i, strategy] of STRATEGIES.entries()) {
          const row = impact[i];
          expect(row.strategy).toBe(strategy);
          if (node === nodes) {
            expect(row.keysUnavailable).toBe(strategy === 'directory' ? s.keys : 0);
            continue;
          }
          const own = countByOwner(p.owners[strategy], nodes)[node];
          if (strategy === 'range') expect(row.keysUnavailable).toBe(own);
          else if (strategy === 'mod-n') expect(row.keysRemapped).toBe(movedCount(p.owners['mod-n'], modNOwners(p.hashes, liveNodes(nodes, [node]))));
          else expect(row.keysRemapped).toBe(own);
        }
        expect(impact.some((r) => r.keysRemapped > 0 || r.keysUnavailable > 0)).toBe(true);
        // With the table's key counts: the same rows.
        const counts: Partial<KeyCounts> = {};
        strategyTable(s, p, new Uint32Array(s.keys).fill(1), rng(1), counts);
        expect(crashImpact(s, p, node, counts as KeyCounts)).toEqual(impact);
      }
    }
  });
});

describe('replaceAfterFault (consistent)', () => {
  it('a crash drops the node\'s points and moves only its keys: the ring and owners ringOf(nodes up) gives', () => {
    const s = { ...spec.defaults, nodes: 9, keys: 5000, vnodes: 16, events: [] };
    const p = placements(s, keyHashes(s.keys, s.seed));
    const live: LiveOwners = { owners: Uint16Array.from(p.owners.consistent), ring: p.ring };
    const down = new Uint8Array(s.nodes);
    for (const [node, isDown] of [[3, true], [0, true], [8, true], [3, false], [5, true]] as const) {
      down[node] = isDown ? 1 : 0;
      replaceAfterFault(s, p, 'consistent', live, down, node, isDown);
      const up = liveNodes(s.nodes, [...down.keys()].filter((n) => down[n]));
      const ring = ringOf(up, s.vnodes, s.seed);
      expect([...live.ring.positions]).toEqual([...ring.positions]);
      expect([...live.ring.owners]).toEqual([...ring.owners]);
      expect([...live.ring.buckets]).toEqual([...ring.buckets]);
      expect([...live.owners]).toEqual([...ringOwnersSorted(ring, p.sorted)]);
      expect(live.owners.includes(node)).toBe(!isDown);
    }
  });
});
