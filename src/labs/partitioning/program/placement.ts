/**
 * The four placements of one scenario's keys, and the strategy table measured on them: balance of keys
 * and of the workload's requests, range-query cost, keys moved by a join and a leave, lookup cost, and what
 * a crash of one node does to its keys under each strategy.
 */
import {
  autoSplitRanges, balance, countByOwner, directoryJoin, directoryLeave, directoryTable, liveNodes, modNOwners, movedCount,
  nodesTouched, rangeJoin, rangeLeave, rangeOwners, ringOf, ringOwnersSorted, type RangeTable,
} from '../../../core/partitioning';
import type { Rng } from '../../../core/random/rng';
import { modNMoved, ringWithNode, sortKeys, vnodePositions, type Ring, type SortedKeys } from '../../../core/ring';
import { RANGE_QUERY_SAMPLES, STRATEGIES, type FaultImpact, type Strategy, type StrategyRow } from '../result';
import type { PartitioningScenario } from '../scenario';

/** The initial placement of every strategy (owners per key index, nodes 0..N-1). */
export interface Placements {
  hashes: Uint32Array;
  /** The key hashes sorted once: ring owners come from one merge walk per ring. */
  sorted: SortedKeys;
  range: RangeTable;
  ring: Ring;
  owners: Record<Strategy, Uint16Array>;
}

export function placements(s: PartitioningScenario, hashes: Uint32Array): Placements {
  const live = liveNodes(s.nodes);
  const range = autoSplitRanges(s.keys, s.rangeMaxKeys, s.nodes);
  const ring = ringOf(live, s.vnodes, s.seed);
  const sorted = sortKeys(hashes);
  return {
    hashes,
    sorted,
    range,
    ring,
    owners: {
      'mod-n': modNOwners(hashes, live),
      range: rangeOwners(range),
      consistent: ringOwnersSorted(ring, sorted),
      directory: directoryTable(hashes, s.nodes),
    },
  };
}

/** Owners after node N joins (index N) and after the last node (N-1) leaves; null when N = 1 (none can leave). */
function joinAndLeave(s: PartitioningScenario, p: Placements, strategy: Strategy): { join: Uint16Array; leave: Uint16Array | null } {
  const n = s.nodes;
  const canLeave = n > 1;
  switch (strategy) {
    case 'mod-n':
      return { join: modNOwners(p.hashes, liveNodes(n + 1)), leave: canLeave ? modNOwners(p.hashes, liveNodes(n - 1)) : null };
    case 'range':
      return { join: rangeOwners(rangeJoin(p.range, n)), leave: canLeave ? rangeOwners(rangeLeave(p.range, n - 1)) : null };
    case 'consistent':
      // The rings of nodes 0..n and 0..n-2, merged from the initial one (what ringOf would build).
      return {
        join: ringOwnersSorted(ringWithNode(p.ring, n, vnodePositions(`n${n}`, s.vnodes, s.seed)), p.sorted),
        leave: canLeave ? ringOwnersSorted(ringWithNode(p.ring, n - 1, new Uint32Array()), p.sorted) : null,
      };
    case 'directory':
      return { join: directoryJoin(p.owners.directory, n + 1, n, n), leave: canLeave ? directoryLeave(p.owners.directory, n - 1, liveNodes(n - 1)) : null };
  }
}

/** `keyRequests[k]` is how many requests of the workload ask for key k. */
/** Keys per node (0..nodes-1) under each strategy's initial placement. */
export type KeyCounts = Record<Strategy, Float64Array>;

/** The strategy table; `keyCounts`, when given, receives the keys per node it counts on the way (crashImpact reads them). */
export function strategyTable(s: PartitioningScenario, p: Placements, keyRequests: Uint32Array, random: Rng, keyCounts?: Partial<KeyCounts>): StrategyRow[] {
  const starts = new Uint32Array(RANGE_QUERY_SAMPLES);
  const span = Math.min(s.rangeQueryKeys, s.keys);
  for (let i = 0; i < starts.length; i++) starts[i] = random.int(s.keys - span + 1);
  const scratch = new Uint32Array(s.nodes + 1);
  let stamp = 0;
  return STRATEGIES.map((strategy) => {
    const owners = p.owners[strategy];
    const perNode = countByOwner(owners, s.nodes);
    if (keyCounts) keyCounts[strategy] = perNode;
    const keys = balance(perNode);
    const requests = balance(countByOwner(owners, s.nodes, keyRequests));
    let touched = 0;
    for (const from of starts) touched += nodesTouched(owners, from, from + span, scratch, ++stamp);
    const { join, leave } = joinAndLeave(s, p, strategy);
    const isDirectory = strategy === 'directory';
    const partitions = strategy === 'range' ? p.range.starts.length : strategy === 'consistent' ? p.ring.positions.length : s.nodes;
    return {
      strategy,
      partitions,
      keyMaxOverMean: keys.maxOverMean,
      keyStdevPct: keys.stdevPct,
      requestMaxOverMean: requests.maxOverMean,
      requestStdevPct: requests.stdevPct,
      rangeQueryNodes: touched / starts.length,
      movedOnJoinPct: (movedCount(owners, join) / s.keys) * 100,
      movedOnLeavePct: leave ? (movedCount(owners, leave) / s.keys) * 100 : NaN,
      lookupHops: isDirectory ? 2 : 1,
      lookupMs: (isDirectory ? 2 : 1) * s.hopMs + (isDirectory ? s.directoryMs : 0),
      lookupProbes: lookupProbes(strategy, partitions),
    };
  });
}

function lookupProbes(strategy: Strategy, partitions: number): number {
  if (strategy === 'range') return Math.max(1, ceilLog2(partitions));
  // The ring reads its 2^16-entry bucket index, then binary-searches the points of one bucket.
  if (strategy === 'consistent') return 1 + Math.max(1, ceilLog2(Math.ceil(partitions / 65536) + 1));
  return 1;
}

/**
 * What a crash (or recover) of `node` does to keys under each strategy, each computed alone against the
 * initial placement: mod-N rehashes over the survivors, the ring hands the node's arcs to the next points,
 * ranges stay put and become unavailable, the directory reassigns the node's keys (or, if `node` is the
 * directory, nothing can be looked up). `keyCounts` (strategyTable's): the keys per node, else counted here.
 */
export function crashImpact(s: PartitioningScenario, p: Placements, node: number, keyCounts?: KeyCounts): FaultImpact['byStrategy'] {
  const isDirectoryNode = node === s.nodes;
  return STRATEGIES.map((strategy) => {
    if (isDirectoryNode) {
      const outage = strategy === 'directory';
      return { strategy, keysUnavailable: outage ? s.keys : 0, keysRemapped: 0, directoryOutage: outage };
    }
    const own = keyCounts ? keyCounts[strategy][node] : ownKeys(p.owners[strategy], node);
    if (strategy === 'range') return { strategy, keysUnavailable: own, keysRemapped: 0, directoryOutage: false };
    if (strategy === 'mod-n') {
      // Residue r's owner: node r over all nodes, the r-th survivor after the crash.
      const remapped = s.nodes > 1 ? modNMoved(p.hashes, liveNodes(s.nodes), liveNodes(s.nodes, [node])) : 0;
      return { strategy, keysUnavailable: s.nodes > 1 ? 0 : own, keysRemapped: remapped, directoryOutage: false };
    }
    return { strategy, keysUnavailable: s.nodes > 1 ? 0 : own, keysRemapped: s.nodes > 1 ? own : 0, directoryOutage: false };
  });
}

/** Keys `owners` gives to `node`. */
function ownKeys(owners: Uint16Array, node: number): number {
  let own = 0;
  for (let i = 0; i < owners.length; i++) if (owners[i] === node) own++;
  return own;
}

/** ceil(log2(x)) for an integer x >= 1, from the bits (Math.log2 is not specified to the last bit). */
function ceilLog2(x: number): number {
  return 32 - Math.clz32(x - 1);
}
