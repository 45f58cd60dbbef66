import { describe, expect, it } from 'vitest';
import { liveNodes, modNOwners, movedCount, countByOwner } from '../../../core/partitioning';
import { keyHashes } from '../../../core/ring';
import { spec } from '../index';
import { STRATEGIES } from '../result';
import { crashImpact, placements } from './placement';

describe('crashImpact', () => {
  it('counts what the placements say: the node\'s keys, and the keys mod-N moves over the survivors', () => {
    for (const nodes of [2, 7, 12]) {
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
      }
    }
  });
});
