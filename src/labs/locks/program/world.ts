/**
 * One run of a scene on the engine: its nodes (./servers.ts, ./raft.ts, ./client.ts), the scripted faults,
 * and the observer (./observer.ts) the actors report to. The program (./program.ts) and the tests start here.
 */
import { Simulation, scheduleScenario, type NodeContext, type StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import { nodeNamesOf } from '../result';
import type { LocksScenario } from '../scenario';
import { Client, type ClientOptions } from './client';
import { BroadcastMachine, IdMachine, LockMachine } from './machines';
import type { Msg } from './messages';
import { Observer } from './observer';
import { RaftServer, type EntryRecord, type RaftOptions } from './raft';
import { GossipReplica, RedlockServer, Snowflake, Storage } from './servers';

/** Engine events a run may handle (about 5 s of work at the worst); a run reaching it says so in stoppedAtLimit. */
export const EVENTS_MAX = 400_000;
const ELECTION_MS = [150, 300] as const;
const HEARTBEAT_MS = 50;

export interface World {
  sim: Simulation<Msg>;
  obs: Observer;
  names: string[];
  table: EntryRecord[];
  /** Engine ids by role. */
  raft: number[];
  clients: number[];
}

function idsOf(names: readonly string[], prefix: string): number[] {
  return names.flatMap((n, i) => (n.startsWith(prefix) ? [i] : []));
}

export function buildWorld(s: LocksScenario, stage?: StageOptions<Msg>): World {
  const names = nodeNamesOf(s.mode);
  const raft = idsOf(names, 's');
  const clients = idsOf(names, 'c');
  const redlock = idsOf(names, 'r');
  const storage = idsOf(names, 'd');
  const generators = idsOf(names, 'g');
  const gossip = idsOf(names, 'p');
  const table: EntryRecord[] = [];
  let sim: Simulation<Msg> | undefined;
  const obs = new Observer(() => sim!.now, TICKS_PER_MS, s.fencing);
  obs.clientOf = (node) => clients.indexOf(node);
  const raftOptions: RaftOptions = {
    peers: raft,
    electionTicksMin: msToTicks(ELECTION_MS[0]),
    electionTicksMax: msToTicks(ELECTION_MS[1]),
    heartbeatTicks: msToTicks(HEARTBEAT_MS),
    batchMax: 64,
    table,
    machine: () => (s.mode === 'locks' ? new LockMachine() : s.mode === 'ids' ? new IdMachine() : new BroadcastMachine()),
    clientNode: (c) => clients[c],
    onLeader: (server, term) => obs.leader(server, term, names[server]),
    onApply: (server, index, entryId, entry, result) => {
      obs.applied(server, index, entryId, entry, result);
      if (entry.cmd.op === 'set') obs.raftSet(server, index, entry.cmd.value);
    },
  };
  const period = Math.max(1, Math.round(msToTicks(1000 / s.ratePerSec)));
  const clientOptions = (index: number, ctx: NodeContext<Msg>): ClientOptions => ({
    mode: s.mode, index, ticksPerMs: TICKS_PER_MS, raft, redlock, storage, generators,
    gossipHome: gossip.length > 0 ? gossip[index === 0 ? 0 : gossip.length - 1] : -1,
    ttlTicks: msToTicks(s.ttlMs), driftFactor: s.driftFactor, tryTicks: msToTicks(s.tryMs), workTicks: msToTicks(s.workMs),
    idleTicks: msToTicks(s.idleMs), periodTicks: period,
    startTicks: s.mode === 'locks' ? msToTicks(50 * index) : s.mode === 'broadcast' ? period : ctx.rng.fork('start').int(period) + 1,
  });
  sim = new Simulation<Msg>({
    seed: s.seed,
    nodes: names.length,
    network: { latency: { kind: 'uniform', minTicks: msToTicks(s.latencyMsMin), maxTicks: msToTicks(s.latencyMsMax) }, loss: s.loss },
    protocol: (ctx) => {
      const name = names[ctx.id];
      switch (name[0]) {
        case 's': return new RaftServer(ctx, raftOptions, ctx.id === raft[0]);
        case 'r': return new RedlockServer(ctx, obs);
        case 'd': return new Storage(ctx, obs, ctx.id === storage[0] ? 0 : 1, ctx.id === storage[1] && s.fencing);
        case 'g': return new Snowflake(ctx, generators.indexOf(ctx.id), TICKS_PER_MS);
        case 'p': return new GossipReplica(ctx, gossip, obs);
        default: return new Client(ctx, clientOptions(clients.indexOf(ctx.id), ctx), obs);
      }
    },
    limits: { maxEvents: EVENTS_MAX },
    ...(stage ? { stage } : {}),
  });
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS });
  declareChecks(obs, s);
  return { sim, obs, names, table, raft, clients };
}

function declareChecks(obs: Observer, s: LocksScenario): void {
  obs.declare('election-safety', 'At most one Raft server leads each term (Election Safety).', 'one leader per term');
  obs.declare('log-agreement', 'No two Raft servers apply different entries at one index (State Machine Safety).', 'every index was applied with one entry on every server');
  if (s.mode === 'locks') {
    obs.declare('grants-disjoint', 'The Raft lock service never grants two overlapping leases in leader-stamped time.', 'each grant came at or after the previous lease\'s end or release');
    obs.declare('tokens-increase', 'Each grant\'s fencing token is larger than every earlier grant\'s.', 'tokens rose with every grant');
    if (s.fencing) {
      obs.declare('fenced-storage', 'With fencing, d1 never accepts a token lower than one it accepted.', 'd1 accepted tokens in increasing order');
      obs.declare('no-lost-update', 'With fencing, d1 never accepts a write made from a version that is no longer current (no lost update).', 'every write d1 accepted was made from its current version');
    }
  }
}

export function runWorld(s: LocksScenario, stage?: StageOptions<Msg>): World {
  const w = buildWorld(s, stage);
  w.sim.run(msToTicks(s.durationMs));
  return w;
}
