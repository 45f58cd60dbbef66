/**
 * Directory-based placement: a lookup service holds each key's node in a table, so placement is free to
 * be anything. Every lookup costs a trip to the directory (an extra hop, and one more queue that every
 * request crosses), and when the directory is down nobody can find anything.
 *
 * Policies here: keys start on hash mod N (even); a joining node takes every (N+1)-th key of each node
 * (exactly its share, nobody else moves); a leaving node's keys go round-robin to the others.
 */

/** Initial table: key with hash h on node h mod nodes. */
export function directoryTable(hashes: Uint32Array, nodes: number): Uint16Array {
  const out = new Uint16Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) out[i] = hashes[i] % nodes;
  return out;
}

/** The table after node `node` joins a directory of `nodeSlots` slots: it takes every (live+1)-th key of each node. */
export function directoryJoin(table: Uint16Array, nodeSlots: number, liveCount: number, node: number): Uint16Array {
  const out = Uint16Array.from(table);
  const seen = new Uint32Array(nodeSlots);
  const every = liveCount + 1;
  for (let i = 0; i < out.length; i++) {
    const o = out[i];
    if (++seen[o] % every === 0) out[i] = node;
  }
  return out;
}

/** The table after `node` leaves: its keys go round-robin to the live nodes (`live`, which excludes it). */
export function directoryLeave(table: Uint16Array, node: number, live: Uint16Array): Uint16Array {
  if (live.length === 0) throw new Error('invalid leave: no node left');
  const out = Uint16Array.from(table);
  let next = 0;
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== node) continue;
    out[i] = live[next];
    next = next + 1 === live.length ? 0 : next + 1;
  }
  return out;
}
