/**
 * The counter kept through a consensus log, for comparison: the same updates (each an increment) at the
 * same replicas and times, the same faults, on the same network. A fixed leader, n0, orders them: a
 * replica forwards its client's increment to n0, which appends it to its log and sends the log to every
 * follower; once a majority (itself included) has stored it, it is committed, and n0 tells the replica,
 * which answers the client. No election (the consensus lab shows those): with n0 cut off or down, nothing
 * commits anywhere.
 *
 *   client -> n3 --req--> n0 --append--> n1, n2, n3, n4      stored on 3 of 5: committed
 *             n3 <--done-- n0 <--stored-- n1, n2                the client waits two round trips
 *
 * A request not answered within `timeoutMs` fails (the increment may still commit later: the client
 * cannot tell). An update at a crashed or paused replica is refused at once, as in the CRDT run.
 */
import { Simulation, type NodeContext } from '../../../sim/index';
import { scheduleScenario } from '../../../sim/scenario';
import { NodeStatus } from '../../../sim/nodeLifecycle';
import { buildStage } from '../../../sim/stage/buildStage';
import { TraceKind } from '../../../sim/traceKind';
import { TICKS_PER_MS, msToTicks, ticksToMs } from '../../../sim/kit/time';
import type { StageData } from '../../../core/stage/types';
import { RequestOutcome } from '../result';
import type { CrdtsScenario } from '../scenario';
import type { Update } from './workload';

const LEADER = 0;
const TAG_RESEND = 1;

type LogMsg =
  | { k: 'req'; id: number }
  | { k: 'append'; first: number; entries: readonly number[]; commit: number }
  | { k: 'stored'; upTo: number }
  | { k: 'done'; id: number };

interface LogDisk {
  log: number[];
  commit: number;
}

interface Host {
  updates: readonly Update[];
  resendTicks: number;
  stopTick: number;
  done(id: number, tick: number): void;
}

class LogNode {
  private readonly disk: LogDisk;
  private readonly match: number[];

  constructor(private readonly ctx: NodeContext<LogMsg>, private readonly host: Host) {
    const s = ctx.storage as { disk?: LogDisk };
    s.disk ??= { log: [], commit: 0 };
    this.disk = s.disk;
    this.match = new Array<number>(ctx.nodeCount).fill(0);
  }

  get log(): readonly number[] { return this.disk.log; }
  get commit(): number { return this.disk.commit; }

  onStart(): void {
    if (this.ctx.id === LEADER) this.ctx.setTimer(this.host.resendTicks, TAG_RESEND);
  }

  /** A client's increment at this replica. */
  request(id: number): void {
    if (this.ctx.id === LEADER) this.append(id);
    else this.ctx.send(LEADER, { k: 'req', id });
  }

  onMessage(from: number, msg: LogMsg): void {
    const d = this.disk;
    switch (msg.k) {
      case 'req':
        this.append(msg.id);
        return;
      case 'append':
        for (let i = 0; i < msg.entries.length; i++) if (msg.first + i === d.log.length) d.log.push(msg.entries[i]);
        d.commit = Math.max(d.commit, Math.min(msg.commit, d.log.length));
        this.ctx.send(from, { k: 'stored', upTo: d.log.length });
        return;
      case 'stored':
        if (msg.upTo > this.match[from]) this.match[from] = msg.upTo;
        this.advance();
        return;
      default:
        this.host.done(msg.id, this.ctx.now());
    }
  }

  onTimer(tag: number): void {
    if (tag !== TAG_RESEND || this.ctx.now() > this.host.stopTick) return;
    for (let p = 0; p < this.ctx.nodeCount; p++) if (p !== LEADER && this.match[p] < this.disk.log.length) this.sendTo(p);
    this.ctx.setTimer(this.host.resendTicks, TAG_RESEND);
  }

  private append(id: number): void {
    this.disk.log.push(id);
    for (let p = 0; p < this.ctx.nodeCount; p++) if (p !== LEADER) this.sendTo(p);
    this.advance();
  }

  private sendTo(peer: number): void {
    const first = this.match[peer];
    this.ctx.send(peer, { k: 'append', first, entries: this.disk.log.slice(first), commit: this.disk.commit });
  }

  /** Commits what a majority stored; tells each newly committed increment's replica. */
  private advance(): void {
    const d = this.disk;
    const stored = this.match.map((m, p) => (p === LEADER ? d.log.length : m)).sort((a, b) => b - a);
    const majority = stored[Math.floor(this.ctx.nodeCount / 2)];
    for (let i = d.commit; i < majority; i++) {
      const id = d.log[i];
      const origin = this.host.updates[id].replica;
      if (origin === LEADER) this.host.done(id, this.ctx.now());
      else this.ctx.send(origin, { k: 'done', id });
    }
    if (majority > d.commit) d.commit = majority;
  }
}

export interface LogRun {
  /** Per update (time order): RequestOutcome code, latency (ms, NaN unless ok), cut off from n0 when asked (1/0). */
  outcome: Uint8Array;
  latencyMs: Float64Array;
  cutOff: Uint8Array;
  traceHash: string;
  stage: StageData;
  stoppedAtLimit?: string;
}

export function runLogCounter(s: CrdtsScenario, updates: readonly Update[], stopTick: number): LogRun {
  const n = updates.length;
  const outcome = new Uint8Array(n);
  const latencyMs = new Float64Array(n).fill(NaN);
  const cutOff = new Uint8Array(n);
  const answered = new Float64Array(n).fill(NaN);
  const isRefused = new Uint8Array(n);
  const host: Host = {
    updates,
    resendTicks: msToTicks(Math.max(1, 4 * s.latencyMs)),
    stopTick,
    done: (id, tick) => {
      if (Number.isNaN(answered[id])) answered[id] = tick;
    },
  };
  const half = msToTicks(s.latencyMs / 2);
  const sim = new Simulation<LogMsg>({
    seed: s.seed,
    nodes: s.replicas,
    network: { latency: { kind: 'uniform', minTicks: half, maxTicks: msToTicks(s.latencyMs * 1.5) }, duplicate: s.duplicatePct / 100 },
    protocol: (ctx) => new LogNode(ctx, host),
    limits: { maxEvents: 2_000_000 },
    stage: {
      describe: { kind: (m) => m.k, label: logLabel, kinds: ['req', 'append', 'stored', 'done'] },
      probe: {
        fields: ['log', 'commit'],
        read: (node, f) => {
          const d = (node.storage as { disk: LogDisk }).disk;
          return f === 0 ? d.log.length : d.commit;
        },
      },
    },
  });
  scheduleScenario(sim, s.events, { ticksPerUnit: TICKS_PER_MS });
  for (const u of updates) {
    sim.at(u.tick, () => {
      const node = sim.node(u.replica);
      cutOff[u.index] = u.replica !== LEADER && sim.network.isCut(u.replica, LEADER) ? 1 : 0;
      if (node.status !== NodeStatus.up) {
        isRefused[u.index] = 1;
        return;
      }
      (node.actor as unknown as LogNode).request(u.index);
    });
  }
  sim.run(stopTick + msToTicks(s.timeoutMs));
  const timeoutTicks = msToTicks(s.timeoutMs);
  for (const u of updates) {
    if (isRefused[u.index]) continue;
    const waited = answered[u.index] - u.tick;
    if (waited <= timeoutTicks) {
      outcome[u.index] = RequestOutcome.ok;
      latencyMs[u.index] = ticksToMs(waited);
    } else outcome[u.index] = RequestOutcome.timeout;
  }
  const trace = sim.trace.columns();
  const built = buildStage({
    trace, log: sim.stageLog!.columns(), ticksPerUnit: TICKS_PER_MS, timeUnit: 'ms', horizon: ticksToMs(stopTick),
    nodeNames: Array.from({ length: s.replicas }, (_, i) => `n${i}`),
  });
  const stage = { ...built, narrated: built.narrated.filter((row) => built.events.kind[row] !== TraceKind.timer) };
  return { outcome, latencyMs, cutOff, traceHash: trace.hash, stage, ...(sim.stoppedAtLimit ? { stoppedAtLimit: sim.stoppedAtLimit } : {}) };
}

function logLabel(m: LogMsg): string {
  switch (m.k) {
    case 'req': return `+1 #${m.id + 1}`;
    case 'append': return m.entries.length === 0 ? `commit ${m.commit}` : `append ${m.first + 1}..${m.first + m.entries.length}`;
    case 'stored': return `stored ${m.upTo}`;
    default: return `done #${m.id + 1}`;
  }
}
