/**
 * Swarm scenarios (TigerBeetle's VOPR habit): one seed draws a whole leader-follower scenario: cluster
 * size, clients, latencies, loss, apply time, timers, and a script of random faults (crashes and
 * recoveries, pauses, partitions and heals), with the replication mode, read source and fencing of the
 * asked shape. The property tests search seeds with it; a seed that once found something replays the same
 * scenario forever (the draws are fixed by the PRNG).
 */
import { rng, type Rng } from '../../core/random/rng';
import type { ReadSource, ReplicationMode } from './result';
import { defaults, type LeaderFollowerEvent, type LeaderFollowerScenario } from './scenario';

export interface SwarmShape {
  replication: ReplicationMode;
  readFrom: ReadSource;
  fencing: boolean;
  /** Also crash the first leader n0 once, early (a failover in every run). Default false. */
  failover?: boolean;
}

/** Script span of the faults, ms. */
const FAULT_SPAN_MS = 300;

export function swarmScenario(seed: number, shape: SwarmShape): LeaderFollowerScenario {
  const r = rng(seed).fork('swarm');
  const nodes = r.range(3, 5);
  const latencyMsMax = r.range(4, 20);
  const heartbeatMs = r.range(3, 10);
  // Detection well above a heartbeat plus a round trip (else followers suspect healthy leaders all along).
  const detectMs = heartbeatMs + 2 * latencyMsMax + r.range(10, 60);
  const leaseMs = r.range(heartbeatMs + 1, detectMs - 1);
  const faults = faultScript(r.fork('faults'), nodes, shape.failover ?? false);
  return {
    ...defaults,
    seed,
    nodes,
    replication: shape.replication,
    readFrom: shape.readFrom,
    fencing: shape.fencing,
    clients: r.range(2, 5),
    ops: r.range(30, 70),
    writePct: r.range(30, 70),
    thinkMs: r.range(0, 5),
    latencyMsMin: r.range(0, 3),
    latencyMsMax,
    loss: r.chance(1, 3) ? r.range(1, 5) / 100 : 0,
    applyMs: r.range(0, 3),
    heartbeatMs,
    detectMs,
    leaseMs,
    timeoutMs: r.range(3, 8) * latencyMsMax + detectMs,
    retryMs: r.range(5, 30),
    events: faults,
  };
}

/** 0..4 faults at random times in the first FAULT_SPAN_MS, each undone later (recover, resume, heal). */
function faultScript(r: Rng, nodes: number, failover: boolean): LeaderFollowerEvent[] {
  const events: LeaderFollowerEvent[] = [];
  if (failover) {
    const t = r.range(30, 150);
    events.push({ t, type: 'crash', node: 0 }, { t: t + r.range(100, 300), type: 'recover', node: 0 });
  }
  const count = r.range(0, 4);
  for (let i = 0; i < count; i++) {
    const t = r.range(0, FAULT_SPAN_MS);
    const until = t + r.range(10, 150);
    const node = r.int(nodes);
    switch (r.int(3)) {
      case 0:
        events.push({ t, type: 'crash', node }, { t: until, type: 'recover', node });
        break;
      case 1:
        events.push({ t, type: 'pause', node }, { t: until, type: 'resume', node });
        break;
      default: {
        const ids = r.shuffle(Array.from({ length: nodes }, (_, k) => k));
        const cut = r.range(1, nodes - 1);
        events.push({ t, type: 'partition', groups: `${ids.slice(0, cut).join(',')}|${ids.slice(cut).join(',')}` }, { t: until, type: 'heal' });
      }
    }
  }
  // Stable sort by time keeps each fault before its undo at equal times.
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map((x) => x.e);
}
