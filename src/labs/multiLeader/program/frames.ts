/**
 * The regions' map over time, from the scenario's script alone: which links are cut, which leaders are
 * down, each leader's clock offset, from each fault's time on. Replays the same vocabulary the engine
 * applies (partition replaces every cut, heal restores all), without running the engine.
 */
import { groupOf, parseGroups } from '../../../sim/index';
import type { MapFrames } from '../result';
import type { MultiLeaderScenario } from '../scenario';

export function mapFrames(s: MultiLeaderScenario): MapFrames {
  const n = s.regions;
  const cut = new Uint8Array(n * n);
  const down = new Uint8Array(n);
  const skew = new Float64Array(n);
  if (n > 1) skew[1] = s.skewMs;
  const times: number[] = [0];
  const cuts: number[] = [...cut];
  const downs: number[] = [...down];
  const skews: number[] = [...skew];
  for (const e of s.events) {
    switch (e.type) {
      case 'partition': {
        const group = groupOf(parseGroups(e.groups, n), n);
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) cut[a * n + b] = group[a] === group[b] ? 0 : 1;
        break;
      }
      case 'heal':
        cut.fill(0);
        break;
      case 'crash':
      case 'recover':
        down[e.node] = e.type === 'crash' ? 1 : 0;
        break;
      case 'skew':
        skew[e.node] = e.ms;
    }
    if (times[times.length - 1] === e.t) {
      // Same time as the previous frame: this event's state replaces it.
      cuts.length -= n * n;
      downs.length -= n;
      skews.length -= n;
      times.pop();
    }
    times.push(e.t);
    cuts.push(...cut);
    downs.push(...down);
    skews.push(...skew);
  }
  return { tMs: Float64Array.from(times), cut: Uint8Array.from(cuts), down: Uint8Array.from(downs), skewMs: Float64Array.from(skews) };
}
