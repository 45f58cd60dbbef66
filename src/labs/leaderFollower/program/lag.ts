/**
 * Replication lag per node over time, observed from outside the protocol (it reads the nodes' disks, the
 * protocol never reads it). The reference is the newest leader: the running leader of the highest epoch
 * (the last one seen while none runs). A node's lag is that leader's last log index minus the node's
 * applied index, in entries, and the age of the oldest entry it has not applied yet, in ms.
 *
 * Samples every `sampleTicks`; between samples the entry lag is tracked at each leader append, so a
 * sample holds the peak since the previous one (a burst of writes shows even when it is caught up quickly).
 */
import { NodeStatus, type Simulation } from '../../../sim/index';
import type { Entry } from './log';
import type { Disk, Msg, ReplicaNode } from './node';
import { ticksToMs } from '../../../sim/kit/time';

/** Most samples a run keeps (later ones are dropped: the chart ends there). */
export const SAMPLES_MAX = 20_000;

export class LagSampler {
  private ref = 0;
  private readonly peak: Float64Array;
  private readonly entries: number[] = [];
  private readonly ages: number[] = [];
  private count = 0;

  constructor(
    private readonly sim: Simulation<Msg>,
    private readonly nodes: number,
    private readonly sampleTicks: number,
    private readonly isQuiet: () => boolean,
  ) {
    this.peak = new Float64Array(nodes);
  }

  start(): void {
    this.sim.at(this.sim.now, () => this.sample());
  }

  /** Entries node `node` is behind the newest leader's log now (0 when ahead or caught up). */
  lagOf(node: number): number {
    this.findRef();
    return Math.max(0, this.disk(this.ref).log.length - this.disk(node).applied);
  }

  /** A leader appended: remember each node's lag if it is the highest since the last sample. */
  onLeaderAppend(): void {
    for (let n = 0; n < this.nodes; n++) this.peak[n] = Math.max(this.peak[n], this.lagOf(n));
  }

  /** The samples, node-major (values[node * samples + i]). */
  series(): { samples: number; entries: Float32Array; ageMs: Float32Array } {
    const samples = this.count;
    const entries = new Float32Array(this.nodes * samples);
    const ageMs = new Float32Array(this.nodes * samples);
    for (let i = 0; i < samples; i++) {
      for (let n = 0; n < this.nodes; n++) {
        entries[n * samples + i] = this.entries[i * this.nodes + n];
        ageMs[n * samples + i] = this.ages[i * this.nodes + n];
      }
    }
    return { samples, entries, ageMs };
  }

  private sample(): void {
    const sim = this.sim;
    this.findRef();
    const refLog = this.disk(this.ref).log;
    for (let n = 0; n < this.nodes; n++) {
      if (sim.node(n).status === NodeStatus.crashed) {
        this.entries.push(NaN);
        this.ages.push(NaN);
        this.peak[n] = 0;
        continue;
      }
      const lag = this.lagOf(n);
      this.entries.push(Math.max(lag, this.peak[n]));
      this.ages.push(ageMs(refLog, this.disk(n).applied, sim.now));
      this.peak[n] = lag;
    }
    this.count++;
    if (this.count < SAMPLES_MAX && !this.isQuiet()) sim.at(sim.now + this.sampleTicks, () => this.sample());
  }

  private findRef(): void {
    let best = -1;
    let bestEpoch = -1;
    for (let n = 0; n < this.nodes; n++) {
      const node = this.sim.node(n);
      const actor = node.actor as unknown as ReplicaNode | undefined;
      if (node.status === NodeStatus.crashed || !actor?.lead) continue;
      if (actor.lead.epoch > bestEpoch) {
        best = n;
        bestEpoch = actor.lead.epoch;
      }
    }
    if (best >= 0) this.ref = best;
  }

  private disk(node: number): Disk {
    return this.sim.node(node).storage.disk as Disk;
  }
}

/** How long ago the leader appended the first entry after `applied` (0 when there is none), ms. */
function ageMs(refLog: readonly Entry[], applied: number, nowTick: number): number {
  if (applied >= refLog.length) return 0;
  return ticksToMs(nowTick - refLog[applied].tick);
}
