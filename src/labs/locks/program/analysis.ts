/**
 * What a finished run measured, per scene: holds and two-holder moments, writes lost or refused; IDs that
 * repeat, go backwards or break real-time order; deliveries in different orders. Pure functions of the
 * observer's records.
 */
import type { BroadcastOutcome, Check, Hold, IdRow, IdSide, LockSide, LocksOutcome, IdsOutcome, ReplicaDelivery, WriteRow } from '../result';
import type { Observer } from './observer';

/**
 * Grants that came while another client of the same side still believed it held the lock. Holds are in
 * grant order and a client's own holds never overlap, so each client's latest hold is the only one of it
 * that can still be open at a later grant.
 */
export function twoHolderGrants(holds: readonly Hold[], side: Hold['side']): Hold[] {
  const latest = new Map<number, Hold>();
  const out: Hold[] = [];
  for (const h of holds) {
    if (h.side !== side) continue;
    for (const [client, o] of latest) {
      if (client !== h.client && !(o.releaseMs <= h.grantMs)) {
        out.push(h);
        break;
      }
    }
    latest.set(h.client, h);
  }
  return out;
}

function lockSide(holds: readonly Hold[], writes: readonly WriteRow[], side: Hold['side']): LockSide {
  const w = writes.filter((x) => x.side === side);
  return {
    grants: holds.filter((h) => h.side === side).length,
    twoHolders: twoHolderGrants(holds, side).length,
    writes: w.length,
    lostUpdates: w.filter((x) => x.outcome === 'lost-update').length,
    rejected: w.filter((x) => x.outcome === 'rejected').length,
  };
}

export function locksOutcome(obs: Observer): LocksOutcome {
  return { holds: obs.holds, writes: obs.writes, redlock: lockSide(obs.holds, obs.writes, 'redlock'), raft: lockSide(obs.holds, obs.writes, 'raft') };
}

/** Marks each ID row's duplicates, backward steps and real-time inversions (rows in reply order). */
export function markIds(rows: IdRow[]): void {
  for (const side of ['snowflake', 'raft'] as const) {
    const mine = rows.filter((r) => r.side === side);
    const seen = new Set<number>();
    const lastOf = new Map<number, number>();
    const prefixMax: number[] = [];
    let max = -Infinity;
    for (const r of mine) {
      r.duplicate = seen.has(r.id);
      seen.add(r.id);
      const last = lastOf.get(r.client);
      r.backwards = last !== undefined && r.id < last;
      lastOf.set(r.client, r.id);
      // Real time: the largest ID answered strictly before this request was sent.
      let lo = 0;
      let hi = prefixMax.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (mine[mid].replyMs < r.invokeMs) lo = mid + 1;
        else hi = mid;
      }
      r.inverted = lo > 0 && prefixMax[lo - 1] >= r.id;
      max = Math.max(max, r.id);
      prefixMax.push(max);
    }
  }
}

function idSide(rows: readonly IdRow[], side: IdRow['side']): IdSide {
  const mine = rows.filter((r) => r.side === side);
  return { ids: mine.length, duplicates: mine.filter((r) => r.duplicate).length, backwards: mine.filter((r) => r.backwards).length, inverted: mine.filter((r) => r.inverted).length };
}

export function idsOutcome(obs: Observer): IdsOutcome {
  const rows = obs.ids;
  markIds(rows);
  return { rows, snowflake: idSide(rows, 'snowflake'), raft: idSide(rows, 'raft') };
}

/** The log's check on IDs: unique, increasing per client, in real-time order. */
export function idCheck(o: IdsOutcome): Check {
  const bad = o.rows.find((r) => r.side === 'raft' && (r.duplicate || r.backwards || r.inverted));
  return {
    id: 'log-ids',
    name: 'IDs from the log are unique, increase for every client, and follow real-time order.',
    ok: bad === undefined,
    detail: bad ? `log ID ${bad.text} for c${bad.client} at ${bad.replyMs.toFixed(3)} ms breaks it` : `${o.raft.ids} log IDs checked`,
    tMs: bad ? bad.replyMs : NaN,
  };
}

/** Pairs of values `values` holds in the other order than `reference` (a Fenwick count over reference positions). */
export function inversions(reference: readonly number[], values: readonly number[]): number {
  const pos = new Map<number, number>();
  reference.forEach((v, i) => pos.set(v, i));
  const seq = values.filter((v) => pos.has(v)).map((v) => pos.get(v)!);
  const tree = new Int32Array(reference.length + 1);
  let count = 0;
  for (let i = seq.length - 1; i >= 0; i--) {
    for (let k = seq[i]; k > 0; k -= k & -k) count += tree[k];
    for (let k = seq[i] + 1; k <= reference.length; k += k & -k) tree[k]++;
  }
  return count;
}

export function broadcastOutcome(obs: Observer, raft: readonly number[], gossip: readonly number[]): BroadcastOutcome {
  const replicas: ReplicaDelivery[] = [];
  const side = (name: 'gossip' | 'raft', nodes: readonly number[], list: (n: number) => number[]) => {
    const ref = list(nodes[0]);
    for (const node of nodes) {
      const values = list(node);
      replicas.push({ side: name, node, values, inversions: inversions(ref, values), finalX: values.length ? values[values.length - 1] : NaN });
    }
  };
  side('raft', raft, (n) => (obs.raftDelivered.get(n) ?? []).filter((v) => v !== undefined));
  side('gossip', gossip, (n) => obs.gossip.get(n) ?? []);
  const diverged = (name: string) => {
    const mine = replicas.filter((r) => r.side === name);
    return mine.filter((r) => !Object.is(r.finalX, mine[0].finalX)).length;
  };
  const writes = new Set(replicas.flatMap((r) => r.values)).size;
  return { replicas, writes, gossipDiverged: diverged('gossip'), raftDiverged: diverged('raft') };
}

/** Raft replicas deliver prefixes of one sequence (the longest's). */
export function orderCheck(o: BroadcastOutcome): Check {
  const raft = o.replicas.filter((r) => r.side === 'raft');
  const longest = raft.reduce((a, b) => (b.values.length > a.values.length ? b : a), raft[0]);
  const bad = raft.find((r) => r.values.some((v, i) => v !== longest.values[i]));
  return {
    id: 'same-order',
    name: 'Every Raft replica delivers a prefix of one and the same sequence (total order).',
    ok: bad === undefined,
    detail: bad ? `replica node ${bad.node} delivered another order` : `${raft.length} replicas, ${longest.values.length} writes in one order`,
    tMs: NaN,
  };
}
