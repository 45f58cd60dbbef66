/**
 * One run of Raft on the engine: the scenario's servers (./server.ts) from their initial disks
 * (./bootstrap.ts), the scripted faults, client commands and membership requests, and the observer
 * (./observer.ts) checking the five invariants at every step. The program (./program.ts), the
 * election-time trials (./electionTimes.ts) and the tests all start here.
 */
import { firstServers } from '../../../core/raft/config';
import { rng } from '../../../core/random/rng';
import { NodeStatus, Simulation, WINDOW_BITS_MIN, scheduleScenario, type StageOptions } from '../../../sim/index';
import type { RunContext } from '../../contract';
import { msToTicks as ticks } from '../../../sim/kit/time';
import { TICKS_PER_MS, nodeCount, type ConsensusScenario } from '../scenario';
import { initialDisk, startsAsLeader } from './bootstrap';
import { ClientDriver } from './clients';
import type { ServerOptions } from './host';
import type { RaftMsg } from './messages';
import { Observer } from './observer';
import { RaftServer } from './server';

/** Engine events a run may handle (a run reaching it says so in stoppedAtLimit). */
export const EVENTS_MAX = 5_000_000;
/** Work units reported to the host per engine event (a run pays for its events). */
const WORK_CHUNK = 10_000;

export interface Run {
  sim: Simulation<RaftMsg>;
  obs: Observer;
  clients: ClientDriver;
  nodes: number;
}

export interface SimulateOptions {
  /** Record the per-server change tables (the program does; the election-time trials do not). */
  record?: boolean;
  /** Stop once the first time without a leader ends (the election-time trials). */
  stopWhenLeaderBack?: boolean;
  context?: RunContext;
  /** Record the engine's stage log beside the trace (never changes the trace): see messageDescriber. */
  stage?: StageOptions<RaftMsg>;
}

export function simulate(s: ConsensusScenario, options: SimulateOptions = {}): Run {
  const nodes = nodeCount(s);
  const opts: ServerOptions = {
    nodes,
    electionTicksMin: ticks(s.electionMsMin),
    electionTicksMax: ticks(s.electionMsMax),
    heartbeatTicks: ticks(s.heartbeatMs),
    preVote: s.preVote,
    checkQuorum: s.checkQuorum,
    broken: s.broken,
    batchMax: s.batchMax,
  };
  let obs: Observer | undefined;
  const sim = new Simulation<RaftMsg>({
    seed: s.seed,
    nodes,
    network: {
      latency: { kind: 'uniform', minTicks: ticks(s.latencyMsMin), maxTicks: ticks(s.latencyMsMax) },
      loss: s.loss,
      duplicate: s.duplicate,
      reorder: s.delay,
      reorderTicksMax: ticks(s.delayMsMax),
    },
    protocol: (ctx) => new RaftServer(ctx, opts, obs!, startsAsLeader(s, ctx.id, ctx.incarnation)),
    limits: { maxEvents: EVENTS_MAX },
    // A trial is a few hundred events, built by the thousand: the narrow calendar allocates a quarter.
    ...(options.stopWhenLeaderBack ? { eventWindowBits: WINDOW_BITS_MIN } : {}),
    ...(options.stage ? { stage: options.stage } : {}),
  });
  obs = new Observer({
    now: () => sim.now,
    step: () => sim.events,
    traceIndex: () => sim.trace.length,
    isRunning: (n) => sim.node(n).status === NodeStatus.up,
    stop: (reason) => sim.stop(reason),
  }, options.record ?? false, TICKS_PER_MS);
  obs.stopWhenLeaderBack = options.stopWhenLeaderBack ?? false;
  for (let n = 0; n < nodes; n++) {
    const disk = initialDisk(s, n);
    sim.node(n).storage.raft = disk;
    obs.attach(n, disk, n < s.servers ? firstServers(s.servers) : 0);
  }
  const clients = new ClientDriver(sim, rng(s.seed).fork('clients'), Math.max(1, ticks(s.heartbeatMs)), TICKS_PER_MS);
  wire(obs, clients);
  scheduleScenario(sim, s.events, {
    ticksPerUnit: TICKS_PER_MS,
    onEvent: (e) => {
      if (e.type === 'request') clients.request(e.node as number);
      else if (e.type === 'timeout') timeoutNow(sim, e.node as number);
      else if (e.type === 'addServer' || e.type === 'removeServer') clients.change(e.type, e.node as number);
    },
  });
  observeFaults(sim, s, obs);
  clients.startArrivals(s.clientRatePerSec, ticks(s.durationMs));
  runReporting(sim, ticks(s.durationMs), options.context);
  obs.finish(sim.now);
  return { sim, obs, clients, nodes };
}

/** A running server's election timer fires now (RaftScope's "time out"); a crashed or paused one ignores it. */
function timeoutNow(sim: Simulation<RaftMsg>, node: number): void {
  const n = sim.node(node);
  if (n.status === NodeStatus.up) (n.actor as RaftServer).timeoutNow();
}

function wire(obs: Observer, clients: ClientDriver): void {
  obs.listeners = {
    applied: (_s, _index, value) => {
      if (value > 0) clients.applied(value);
    },
    configAppended: (server, index, mask) => clients.configAppended(server, index, mask),
    leaderCommitted: (_s, commitIndex) => clients.leaderCommitted(commitIndex),
    catchUpFailed: (server, node) => clients.catchUpFailed(server, node),
  };
}

/** Runs to `endTick` in slices, reporting progress and work to the host between slices. */
function runReporting(sim: Simulation<RaftMsg>, endTick: number, context: RunContext | undefined): void {
  if (!context) {
    sim.run(endTick);
    return;
  }
  const slices = 20;
  let counted = 0;
  for (let i = 1; i <= slices && sim.stoppedAtLimit === undefined; i++) {
    sim.run(Math.round((endTick * i) / slices));
    const events = sim.events - counted;
    counted = sim.events;
    context.work(Math.ceil(events / WORK_CHUNK) * WORK_CHUNK);
    context.progress(i / slices);
  }
}

/**
 * The observer's view of the script: a status row right after each crash, recover, pause or resume takes
 * effect (scheduleScenario queued the faults first, so at equal times these run just after them).
 */
function observeFaults(sim: Simulation<RaftMsg>, s: ConsensusScenario, obs: Observer): void {
  const last: number[] = new Array(sim.nodeCount).fill(0);
  for (const e of s.events) {
    if (e.type !== 'crash' && e.type !== 'recover' && e.type !== 'pause' && e.type !== 'resume') continue;
    const node = e.node;
    sim.at(ticks(e.t), () => {
      const status = sim.node(node).status;
      const code = status === NodeStatus.crashed ? 1 : status === NodeStatus.paused ? 2 : 0;
      if (code === last[node]) return;
      obs.status(node, code, last[node] === 1);
      last[node] = code;
    });
  }
}
