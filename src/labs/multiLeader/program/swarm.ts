/**
 * Swarm scenarios (TigerBeetle's VOPR habit): one seed draws a whole multi-leader scenario: regions,
 * clients, keys and skew, latencies, and a script of random faults (partitions, crashes, clock skews),
 * each undone before the script ends (heal, recover), so that after quiescence every region can converge.
 * A seed that once found something replays the same scenario forever.
 */
import { rng, type Rng } from '../../../core/random/rng';
import { defaults, type MultiLeaderEvent, type MultiLeaderScenario } from '../scenario';
import { byTime } from '../../faultEvents';

/** Script span of the faults, ms. */
const FAULT_SPAN_MS = 800;

export function swarmScenario(seed: number): MultiLeaderScenario {
  const r = rng(seed).fork('swarm');
  const regions = r.range(2, 4);
  const interMs = r.range(10, 150);
  return {
    ...defaults,
    seed,
    regions,
    clientsPerRegion: r.range(1, 2),
    ops: r.range(20, 60),
    updatePct: r.range(30, 90),
    keys: r.range(1, 3),
    hotKeyPct: r.range(0, 80),
    thinkMs: r.range(0, 60),
    localMs: r.range(0, 3),
    interMs,
    interLatency: r.chance(1, 2) ? 'uniform' : 'exponential',
    retryMs: r.range(50, 300),
    timeoutMs: 50,
    skewMs: r.chance(1, 3) ? r.range(-500, 500) : 0,
    events: faultScript(r.fork('faults'), regions),
  };
}

/** 0..4 faults at random times in the first FAULT_SPAN_MS, each undone later (heal, recover); skews stay. */
function faultScript(r: Rng, regions: number): MultiLeaderEvent[] {
  const events: MultiLeaderEvent[] = [];
  const count = r.range(0, 4);
  for (let i = 0; i < count; i++) {
    const t = r.range(0, FAULT_SPAN_MS);
    const until = t + r.range(20, 400);
    const node = r.int(regions);
    switch (r.int(3)) {
      case 0:
        events.push({ t, type: 'crash', node }, { t: until, type: 'recover', node });
        break;
      case 1:
        events.push({ t, type: 'skew', node, ms: r.range(-1000, 1000) });
        break;
      default: {
        const ids = r.shuffle(Array.from({ length: regions }, (_, k) => k));
        const cut = r.range(1, regions - 1);
        events.push({ t, type: 'partition', groups: `${ids.slice(0, cut).join(',')}|${ids.slice(cut).join(',')}` }, { t: until, type: 'heal' });
      }
    }
  }
  const sorted = byTime(events);
  // Overlapping partitions replace each other; a final heal makes sure every link is back.
  if (sorted.some((e) => e.type === 'partition')) sorted.push({ t: sorted[sorted.length - 1].t, type: 'heal' });
  return sorted;
}
