/**
 * Swarm scenarios (TigerBeetle's VOPR habit): one seed draws a whole CRDTs scenario: the type, replicas,
 * updates, gossip interval and fan-out, latency, duplicates, and a script of random faults drawn from those
 * the stage offers (crashes, pauses, isolated replicas, partitions, one-way cuts, lossy and slow links),
 * each undone before the script ends (../../../sim/faultScript.ts, with a final heal), followed by a settle
 * time of 40 gossip intervals: enough gossip that every replica should hold the merge of all.
 * A seed that once found something replays the same scenario forever.
 */
import { rng } from '../../../core/random/rng';
import { faultScript } from '../../../sim/faultScript';
import { CRDT_TYPES, defaults, type CrdtsEvent, type CrdtsScenario } from '../scenario';

const FAULT_SPAN_MS = 1500;
const FAULT_TYPES = ['crash', 'pause', 'isolate', 'partition', 'cut', 'lossy', 'slow', 'duplicating'] as const;

export function swarmScenario(seed: number): CrdtsScenario {
  const r = rng(seed).fork('swarm');
  const replicas = r.range(3, 6);
  const gossipMs = r.range(20, 200);
  return {
    ...defaults,
    seed,
    type: CRDT_TYPES[r.int(CRDT_TYPES.length)],
    replicas,
    updates: r.range(0, 40),
    updatesMs: r.range(0, 1500),
    elements: r.range(1, 4),
    removePct: r.range(0, 70),
    gossipMs,
    fanout: r.range(1, replicas - 1),
    latencyMs: r.range(1, 50),
    duplicatePct: r.chance(1, 3) ? r.range(1, 30) : 0,
    settleMs: 40 * gossipMs + 200,
    events: faultScript(r.fork('faults'), { nodes: replicas, types: FAULT_TYPES, span: FAULT_SPAN_MS, undoAfter: [20, 600], healAtEnd: true }) as CrdtsEvent[],
  };
}
