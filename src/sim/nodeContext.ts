/**
 * A node's view of the simulation: its id, its clocks, its random stream, its durable storage, and the
 * verbs of a process in a message-passing system (send, timers). Handed to the protocol's factory.
 */
import type { Rng } from '../core/random/rng';
import type { Actor } from './actor';
import { LocalClock } from './localClock';
import { NodeStatus, type NodeStatusCode } from './nodeLifecycle';
import type { Simulation } from './simulation';

export { NodeStatus, type NodeStatusCode };

export class NodeContext<M> {
  readonly id: number;
  /** The node's own stream, `node/<id>` forked from the root: unchanged by adding other nodes. */
  readonly rng: Rng;
  /** Survives crashes (the node's disk). Starts empty; the protocol owns its shape. */
  readonly storage: Record<string, unknown> = {};
  /** 0 for the first start, +1 per recover. */
  incarnation = 0;
  /** The node's local clock (skew, drift, jumps): read it with `localNow()`. */
  readonly clock = new LocalClock();

  /** Engine internals: the live actor, run state, events held while paused (slot indices). */
  actor: Actor<M> | undefined = undefined;
  status: NodeStatusCode = NodeStatus.up;
  readonly held: number[] = [];

  private readonly sim: Simulation<M>;

  constructor(sim: Simulation<M>, id: number, rng: Rng) {
    this.sim = sim;
    this.id = id;
    this.rng = rng;
  }

  /** Nodes in the simulation (ids are 0..nodeCount-1). */
  get nodeCount(): number {
    return this.sim.nodeCount;
  }

  /** True simulated time in ticks: for measurements; a protocol should decide with `localNow()`. */
  now(): number {
    return this.sim.now;
  }

  /** This node's clock reading in ticks (true time with its skew, drift and jumps). */
  localNow(): number {
    return this.clock.read(this.sim.now);
  }

  /** Sends `msg` to node `to` through the network (ignored unless this node is running). */
  send(to: number, msg: M): void {
    this.sim.send(this.id, to, msg);
  }

  /** Sends `msg` to every other node, in id order. */
  broadcast(msg: M): void {
    const n = this.sim.nodeCount;
    for (let to = 0; to < n; to++) if (to !== this.id) this.sim.send(this.id, to, msg);
  }

  /**
   * Fires `onTimer(tag)` after `delayTicks` of this node's local clock (integer >= 0; drift stretches or
   * shrinks it, jumps do not). Returns a handle for `cancelTimer`. A crash cancels every timer.
   */
  setTimer(delayTicks: number, tag = 0): number {
    return this.sim.setTimer(this.id, delayTicks, tag);
  }

  /** Cancels a pending timer; false when it already fired or was cancelled. */
  cancelTimer(handle: number): boolean {
    return this.sim.cancelTimer(handle);
  }

  /**
   * Shows `value` in field `name` of this node's card on the stage from now on (a role, a term, 'v3@7', a
   * log length). Recorded in the stage log, outside the trace: no effect on the run or its hash, and a
   * no-op unless the run records a stage (`SimOptions.stage`).
   */
  card(name: string, value: number | string): void {
    this.sim.stageLog?.field(this.sim.now, this.id, name, value);
  }

  /** Adds a protocol entry to the trace (kind `note`): `code` and `value` are the protocol's integers. */
  note(code: number, value = 0): void {
    this.sim.note(this.id, code, value);
  }
}
