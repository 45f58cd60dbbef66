/**
 * Swarm scenarios (TigerBeetle's VOPR habit): one seed draws a whole run: cluster size, start, timers,
 * latencies, batch size, loss, duplication, delay, client load, PreVote and CheckQuorum, and a script of random
 * faults (crash and restart, pause and resume, partitions and one-way cuts with their heals) and
 * membership changes. The property tests search seeds with it; a seed that once found something replays
 * the same scenario forever (the draws are fixed by the PRNG).
 */
import { rng, type Rng } from '../../../core/random/rng';
import { byTime } from '../../faultEvents';
import type { BrokenVariant } from '../result';
import { defaults, type ConsensusEvent, type ConsensusScenario } from '../scenario';

export interface SwarmShape {
  broken: BrokenVariant;
  /** Fixed PreVote / CheckQuorum switches; drawn per seed when undefined. */
  preVote?: boolean;
  checkQuorum?: boolean;
}

/** Span of the fault script, ms: faults start in the first FAULT_SPAN_MS, the run goes on to settle. */
const FAULT_SPAN_MS = 1500;

export function swarmScenario(seed: number, shape: SwarmShape): ConsensusScenario {
  const r = rng(seed).fork('swarm');
  const servers = r.range(3, 5);
  const electionMsMin = r.range(30, 120);
  const latencyMsMax = r.range(1, Math.max(2, Math.floor(electionMsMin / 6)));
  const chance = (percent: number) => r.chance(percent, 100);
  return {
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
    events: faultScript(r.fork('faults'), servers),
  };
}

/** 0..10 faults, each undone 10..400 ms later, and now and then a membership change. */
function faultScript(r: Rng, servers: number): ConsensusEvent[] {
  const events: ConsensusEvent[] = [];
  const count = r.range(0, 10);
  for (let i = 0; i < count; i++) {
    const t = r.range(0, FAULT_SPAN_MS);
    const until = t + r.range(10, 400);
    const node = r.int(servers);
    switch (r.int(4)) {
      case 0:
        events.push({ t, type: 'crash', node }, { t: until, type: 'recover', node });
        break;
      case 1:
        events.push({ t, type: 'pause', node }, { t: until, type: 'resume', node });
        break;
      case 2: {
        const ids = r.shuffle(Array.from({ length: servers }, (_, k) => k));
        const cut = r.range(1, servers - 1);
        events.push({ t, type: 'partition', groups: `${ids.slice(0, cut).join(',')}|${ids.slice(cut).join(',')}` }, { t: until, type: 'heal' });
        break;
      }
      default: {
        const to = (node + r.range(1, servers - 1)) % servers;
        events.push({ t, type: 'cut', from: node, to }, { t: until, type: 'heal' });
      }
    }
  }
  if (r.chance(1, 4)) {
    const t = r.range(200, FAULT_SPAN_MS);
    events.push(r.chance(1, 2) ? { t, type: 'addServer', node: servers } : { t, type: 'removeServer', node: r.int(servers) });
  }
  return byTime(events);
}
