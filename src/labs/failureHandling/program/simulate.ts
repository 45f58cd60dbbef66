/**
 * One run on the engine: callers c0.. and servers s.., the users' open-loop arrivals (Poisson, one stream
 * per caller: arrivals do not wait for answers, so a storm cannot end by slowing its own clients), the
 * script (engine faults plus the lab's 'slowdown' and 'restore'), and the gauges sampled at each bin's end.
 */
import { log } from '../../../core/math/detMath';
import { rng } from '../../../core/random/rng';
import { NodeStatus, scheduleScenario, Simulation, type StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import type { RunContext } from '../../contract';
import { Outcome } from '../result';
import type { FailureScenario, Strategy } from '../scenario';
import { Caller } from './caller';
import { configOf, Host } from './host';
import { labelOf, MESSAGE_KINDS, type Msg } from './messages';
import { Server } from './server';

/** Engine events a run may handle (500 req/s for 120 s with 10 retries each fits). */
export const EVENTS_MAX = 20_000_000;

const stageOptions: StageOptions<Msg> = { describe: { kind: (m) => m.k, label: labelOf, kinds: MESSAGE_KINDS } };

export interface Run {
  sim: Simulation<Msg>;
  host: Host;
}

export function simulate(s: FailureScenario, strategy: Strategy, withStage: boolean, context?: RunContext, progressSpan: [number, number] = [0, 1]): Run {
  const c = configOf(s, strategy);
  const host = new Host(c, rng(s.seed));
  host.isStaged = withStage;
  if (s.events.length > 0) host.firstEventTick = msToTicks(Math.min(...s.events.map((e) => e.t)));
  const n = c.callers + c.servers;
  const callers: Caller[] = [];
  const sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: n,
    network: { latency: { kind: 'uniform', minTicks: Math.max(1, msToTicks(s.netMs / 2)), maxTicks: Math.max(1, msToTicks(s.netMs * 1.5)) } },
    protocol: (ctx) => {
      if (ctx.id >= c.callers) return new Server(ctx, host);
      const caller = new Caller(ctx, host);
      callers[ctx.id] = caller;
      return caller;
    },
    limits: { maxEvents: EVENTS_MAX },
    ...(withStage ? { stage: stageOptions } : {}),
  });
  scheduleScenario(sim, s.events, {
    ticksPerUnit: TICKS_PER_MS,
    onEvent: (e) => {
      const node = e.node as number;
      host.factor[node] = e.type === 'slowdown' ? s.slowFactor : 1;
      host.remark(sim.now, node, e.type === 'slowdown' ? `s${node} slows down: its service takes ${s.slowFactor}x as long` : `s${node} works at its normal speed again`);
    },
  });
  // A caller that crashes drops the requests it was working on: each ends as an error, once.
  for (const e of s.events) {
    if (e.type !== 'crash' || e.node >= c.callers) continue;
    sim.at(msToTicks(e.t), () => {
      if (sim.node(e.node).status !== NodeStatus.crashed) return;
      for (const id of callers[e.node].openRequests()) host.end(sim.now, id, Outcome.error);
    });
  }
  for (let i = 0; i < c.callers; i++) startArrivals(sim, host, i, callers);
  for (let b = 0; b < c.bins; b++) sim.at(Math.min(c.end, (b + 1) * c.bin) - 1, () => host.sample(b, sim.now));
  const chunks = 20;
  for (let k = 1; k <= chunks; k++) {
    const before = sim.events;
    sim.run(Math.round((c.end * k) / chunks));
    context?.work(sim.events - before);
    context?.progress(progressSpan[0] + ((progressSpan[1] - progressSpan[0]) * k) / chunks);
    if (sim.stoppedAtLimit) break;
  }
  return { sim, host };
}

/** Caller i's users: Poisson arrivals at ratePerSec / callers, keys and writes from the caller's own streams. */
function startArrivals(sim: Simulation<Msg>, host: Host, i: number, callers: Caller[]): void {
  const s = host.c.s;
  const gaps = host.root.fork('arrivals').fork(i);
  const keys = host.root.fork('keys').fork(i);
  const meanTicks = (1_000_000 * host.c.callers) / s.ratePerSec;
  const next = (): void => {
    const t = sim.now + Math.max(1, Math.round(-meanTicks * log(1 - gaps.float())));
    if (t >= host.c.end) return;
    sim.at(t, () => {
      const key = keys.int(s.keys);
      const isWrite = keys.chance(s.writePct, 100);
      const id = host.arrive(sim.now, i);
      if (sim.node(i).status === NodeStatus.up) callers[i].arrive(id, key, isWrite);
      else host.end(sim.now, id, Outcome.error);
      next();
    });
  };
  next();
}
