/**
 * Swarm scenarios (TigerBeetle's VOPR habit): one seed draws a whole run: cluster size, start, timers,
 * latencies, batch size, loss, duplication, delay, client load, PreVote and CheckQuorum, and a script of
 * random faults drawn over the engine's fault table (sim/faultScript.ts: crash and restart, pause and
 * resume, partitions, isolation, one-way cuts, slow and lossy links, each undone later) and membership
 * changes. The property tests search seeds with it; a seed that once found something replays
 * the same scenario forever (the draws are fixed by the PRNG).
 *
 * Two shapes:
 *   mixed  3-9 servers (3-5 three times in four), up to 10 faults of every kind in 1.5 s, and now and then a membership change;
 *   chaos  3 servers, one entry per AppendEntries, 30% loss, heartbeats just under half the minimum
 *          election timeout, 80 crashes and one-way cuts on average in 4 s: leaders come and go before their
 *          entries spread, the history the Figure 8 mistake (commitOldTerm) needs.
 */
import { rng, type Rng } from '../../../core/random/rng';
import { byTime, faultScript } from '../../../sim/faultScript';
import type { BrokenVariant } from '../result';
import { defaults, type ConsensusEvent, type ConsensusScenario } from '../scenario';

export interface SwarmShape {
  broken: BrokenVariant;
  /** Fixed PreVote / CheckQuorum switches; drawn per seed when undefined. */
  preVote?: boolean;
  checkQuorum?: boolean;
  /** The chaos shape (see the file comment). Default false: mixed. */
  chaos?: boolean;
}

/** Span of the mixed shape's fault script, ms (the run goes on 0.3-1 s more to settle). */
const FAULT_SPAN_MS = 1500;
const MIXED_TYPES = ['crash', 'pause', 'partition', 'isolate', 'cut', 'slow', 'lossy', 'duplicating'] as const;
const CHAOS_MS = 4000;
const CHAOS_TYPES = ['crash', 'cut'] as const;

export function swarmScenario(seed: number, shape: SwarmShape): ConsensusScenario {
  const r = rng(seed).fork('swarm');
  const chaos = shape.chaos ?? false;
  const servers = chaos ? 3 : r.chance(1, 4) ? r.range(6, 9) : r.range(3, 5);
  const electionMsMin = r.range(30, 120);
  const latencyMsMax = r.range(1, Math.max(2, Math.floor(electionMsMin / 6)));
  const chance = (percent: number) => r.chance(percent, 100);
  const base: ConsensusScenario = {
    ...defaults,
    seed,
    servers,
    bootstrap: chance(50) ? 'election' : 'leader',
    electionMsMin,
    electionMsMax: electionMsMin + r.range(1, electionMsMin),
    heartbeatMs: r.range(Math.max(1, Math.floor(electionMsMin / 6)), Math.floor(electionMsMin / 2)),
    latencyMsMin: r.range(0, latencyMsMax),
    latencyMsMax,
    batchMax: chance(50) ? r.range(1, 4) : 64,
    loss: chance(40) ? r.range(1, 15) / 100 : 0,
    duplicate: chance(30) ? r.range(1, 10) / 100 : 0,
    delay: chance(30) ? r.range(1, 20) / 100 : 0,
    delayMsMax: r.range(5, 4 * electionMsMin),
    preVote: shape.preVote ?? chance(50),
    checkQuorum: shape.checkQuorum ?? chance(50),
    broken: shape.broken,
    clientRatePerSec: r.range(10, 200),
    durationMs: FAULT_SPAN_MS + r.range(300, 1000),
    events: chaos ? [] : mixedScript(r.fork('faults'), servers),
  };
  if (!chaos) return base;
  return {
    ...base,
    batchMax: 1,
    loss: 0.3,
    duplicate: 0,
    delay: 0,
    heartbeatMs: Math.floor(electionMsMin / 2) - 1,
    clientRatePerSec: 100,
    durationMs: CHAOS_MS,
    events: chaosScript(r.fork('chaos'), servers),
  };
}

/** 0..10 faults, each undone 10..400 ms later, and one time in four a membership change. */
function mixedScript(r: Rng, servers: number): ConsensusEvent[] {
  // The script holds these types and their undos, all of which the lab's events accept.
  const events = faultScript(r, { nodes: servers, types: MIXED_TYPES, span: FAULT_SPAN_MS, undoAfter: [10, 400], countMax: 10 }) as ConsensusEvent[];
  if (!r.chance(1, 4)) return events;
  const t = r.range(200, FAULT_SPAN_MS);
  const add = r.chance(1, 2) && servers < 9;
  return byTime([...events, add ? { t, type: 'addServer', node: servers } : { t, type: 'removeServer', node: r.int(servers) }]);
}

/** 0..160 faults (80 on average), crashes restarted and one-way cuts healed 20..300 ms later. */
function chaosScript(r: Rng, servers: number): ConsensusEvent[] {
  return faultScript(r, { nodes: servers, types: CHAOS_TYPES, span: CHAOS_MS - 300, undoAfter: [20, 300], countMax: 160 }) as ConsensusEvent[];
}
