/**
 * What the locks panel derives from a result, as pure functions (tested without a DOM): the stage's layout
 * per scene, the comparison rows, the checks in words, the offending IDs.
 */
import type { IdRow, LocksResult, Mode } from '../result';
import type { LocksScenario } from '../scenario';

/**
 * Positions in [0, 1] x [0, 1] by node id: Redlock (or generators, gossip) on the left, Raft on the right,
 * clients between, storage below. On a phone (`isNarrow`) the locks scene stacks instead: Redlock and d0
 * above, the clients between, the Raft servers and d1 below.
 */
export function stagePositions(mode: Mode, isNarrow = false): { x: number[]; y: number[] } {
  if (mode === 'locks' && isNarrow) {
    // r0..r4, s0..s2, d0, d1, c0, c1
    return {
      x: [0, 0.5, 1, 0, 0.5, 0, 0.5, 1, 1, 1, 0.15, 0.85],
      y: [0, 0, 0, 0.25, 0.25, 0.75, 0.75, 0.75, 0.25, 1, 0.5, 0.5],
    };
  }
  if (mode === 'locks') {
    // r0..r4, s0..s2, d0, d1, c0, c1
    return {
      x: [0, 0.17, 0.34, 0.08, 0.26, 0.83, 0.66, 1, 0.17, 0.83, 0.5, 0.5],
      y: [0, 0, 0, 0.42, 0.42, 0, 0.42, 0.42, 1, 1, 0.12, 0.72],
    };
  }
  if (mode === 'ids') return { x: [1, 1, 1, 0, 0, 0, 0.5, 0.5, 0.5], y: [0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1] };
  return { x: [1, 1, 1, 0, 0, 0, 0.5, 0.5], y: [0, 0.5, 1, 0, 0.5, 1, 0.2, 0.8] };
}

/**
 * The clock step a node's menu offers: twice the lease in the locks scene (a lock server's keys expire at
 * once), 500 ms elsewhere (a generator re-issues half a second of milliseconds). At most the engine's 100 s.
 */
export function clockStepMs(mode: Mode, ttlMs: number): number {
  return Math.min(100_000, mode === 'locks' ? 2 * ttlMs : 500);
}

export const SIDE_NAMES = {
  locks: ['Redlock (r0..r4, storage d0)', 'Raft lock service (s0..s2, storage d1)'],
  ids: ['Snowflake IDs (g0..g2)', 'IDs from the Raft log (s0..s2)'],
  broadcast: ['Gossip (p0..p2)', 'Raft log (s0..s2)'],
} as const;

export interface CompareRow {
  label: string;
  left: number;
  right: number;
}

/** The scene's figures, Redlock / Snowflake / gossip beside Raft. */
export function compareRows(r: LocksResult): CompareRow[] {
  if (r.locks) {
    const { redlock: a, raft: b } = r.locks;
    return [
      { label: 'grants', left: a.grants, right: b.grants },
      { label: 'grants while another client still held the lock (two holders)', left: a.twoHolders, right: b.twoHolders },
      { label: 'writes that reached the storage', left: a.writes, right: b.writes },
      { label: 'lost updates (a write accepted over one its writer never read)', left: a.lostUpdates, right: b.lostUpdates },
      { label: 'stale writes rejected by the fencing token', left: a.rejected, right: b.rejected },
    ];
  }
  if (r.ids) {
    const { snowflake: a, raft: b } = r.ids;
    return [
      { label: 'IDs handed out', left: a.ids, right: b.ids },
      { label: 'duplicates (an ID handed out twice)', left: a.duplicates, right: b.duplicates },
      { label: 'backwards (below the client\'s previous ID)', left: a.backwards, right: b.backwards },
      { label: 'real-time inversions (below an ID answered before it was asked for)', left: a.inverted, right: b.inverted },
    ];
  }
  const o = r.broadcast!;
  const sum = (side: string) => o.replicas.filter((x) => x.side === side).reduce((a, x) => a + x.inversions, 0);
  return [
    { label: 'writes delivered somewhere', left: o.writes, right: o.writes },
    { label: 'replicas whose final x differs from the first replica\'s', left: o.gossipDiverged, right: o.raftDiverged },
    { label: 'pairs of writes delivered in another order than the first replica', left: sum('gossip'), right: sum('raft') },
  ];
}

/** The offending IDs of one side (duplicates, backwards, inverted), first `max`. */
export function offendingIds(r: LocksResult, side: IdRow['side'], max = 20): IdRow[] {
  return (r.ids?.rows ?? []).filter((x) => x.side === side && (x.duplicate || x.backwards || x.inverted)).slice(0, max);
}

export function idFaults(x: IdRow): string {
  return [x.duplicate ? 'duplicate' : '', x.backwards ? 'backwards' : '', x.inverted ? 'real-time inversion' : ''].filter(Boolean).join(', ');
}

/** The scene's setting in one sentence. */
export function settingWords(s: LocksScenario): string {
  const net = `one hop ${s.latencyMsMin}–${s.latencyMsMax} ms${s.loss > 0 ? `, ${Math.round(s.loss * 100)}% lost` : ''}`;
  if (s.mode === 'locks') {
    return `Lease ${s.ttlMs} ms; Redlock waits ${s.tryMs} ms for answers, drift factor ${s.driftFactor}; a holder works ${s.workMs} ms between read and write and rests ${s.idleMs} ms; d1 ${s.fencing ? 'checks fencing tokens' : 'checks nothing (fencing off)'}; ${net}.`;
  }
  if (s.mode === 'ids') return `Each client asks a random generator and the log for an ID, about ${s.ratePerSec} times a second each; ${net}.`;
  return `c0 and c1 each write x ${s.ratePerSec} times a second, at the same moments (c0 odd values, c1 even); ${net}.`;
}
