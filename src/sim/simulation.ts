/**
 * The deterministic discrete-event engine: nodes running a protocol, a network between them, and one
 * queue of events ordered by (true time in ticks, scheduling order). A run is a pure function of the
 * options and of what the caller schedules: no wall clock, no Math.random, no unordered iteration.
 *
 * The hot path (pop, deliver, send) touches typed columns only: the queue (./eventQueue.ts), the slot
 * table (./slots.ts) and the trace (./trace.ts). Faults live in ./faults.ts and use the same verbs as
 * the trace kinds (crash, recover, pause, resume, partition, heal, cut, clockJump, skew, drift).
 */
import { type Rng, rng } from '../core/random/rng';
import { Clients } from './client';
import type { RngState } from '../core/random/rng';
import { EventQueue, type EventQueueState } from './eventQueue';
import { History } from './history';
import { Network } from './network';
import { NodeContext, NodeStatus } from './nodeContext';
import { type SimLimits, type SimOptions, NODES_MAX, checkNodeCount, resolveLimits } from './options';
import { SlotKind, Slots, type SlotsState } from './slots';
import { StageLog } from './stageLog';
import { isTicks } from './ticks';
import { Trace, type TraceState } from './trace';
import { TraceKind } from './traceKind';

// Module-local copies of the codes the hot path reads (an imported binding can cost a lookup per read).
const SLOT_DELIVER = SlotKind.deliver;
const SLOT_TIMER = SlotKind.timer;
const SLOT_CALL = SlotKind.call;
const SLOT_DATA = SlotKind.data;
const UP = NodeStatus.up;
const PAUSED = NodeStatus.paused;
const CRASHED = NodeStatus.crashed;
const SEND = TraceKind.send;
const DELIVER = TraceKind.deliver;
const BLOCK = TraceKind.block;

export interface RunResult {
  /** True time reached, in ticks. */
  endTime: number;
  /** Events handled in total (all runs of this simulation). */
  events: number;
  /** Set when a limit ended the run: which one, and its value. */
  stoppedAtLimit?: string;
}

/**
 * Receives what `sim.call(t, code, a, b)` scheduled, at time t: scheduled work as data (a code and two
 * numbers) instead of a closure, so that a checkpoint of the simulation can hold it.
 */
export type CallHandler = (code: number, a: number, b: number) => void;

/**
 * Everything the engine holds between two events (`snapshot`): restored into a new simulation built with
 * the same options, the run goes on exactly as this one would have. The actors are the protocol's: restore
 * rebuilds each running node's actor with the factory (onStart not called), so a protocol checkpointed
 * this way keeps its state outside its actors (the lab saves it beside the engine's).
 */
export interface SimulationState {
  readonly time: number;
  readonly handled: number;
  readonly messageCount: number;
  readonly isStarted: boolean;
  readonly stoppedAtLimit: string | undefined;
  readonly queue: EventQueueState;
  readonly slots: SlotsState;
  readonly trace: TraceState;
  readonly timers: readonly (readonly [number, number])[];
  readonly network: ReturnType<Simulation['network']['snapshot']>;
  readonly nodes: readonly {
    readonly status: number;
    readonly incarnation: number;
    readonly held: readonly number[];
    readonly rng: RngState;
    readonly clock: readonly [number, number, number];
  }[];
}

export class Simulation<M = unknown> {
  readonly network: Network;
  readonly trace: Trace;
  /** Client operations (invoke / ok / fail / timeout), for linearizability checkers. */
  readonly history = new History();
  /** Records client operations at the current time into `history` and the trace. */
  readonly clients = new Clients(this, this.history);
  /** Which limit ended the run, if one did; once set, `run` does nothing more. */
  stoppedAtLimit: string | undefined = undefined;
  /** What the stage shows besides the trace (kept outside it and its hash); set when `options.stage` is. */
  readonly stageLog: StageLog<M> | undefined;

  private time = 0;
  private handled = 0;
  private messageCount = 0;
  private isStarted = false;
  private readonly root: Rng;
  private readonly protocol: SimOptions<M>['protocol'];
  private readonly limits: Required<SimLimits>;
  private readonly maxPending: number;
  private readonly queue: EventQueue;
  private readonly slots = new Slots();
  private readonly nodes: NodeContext<M>[] = [];
  /** Pending timers: handle (the queue sequence number) -> slot. */
  private readonly timers = new Map<number, number>();
  /** What runs the data events `call` schedules (set by the lab that schedules them). */
  private handler: CallHandler | undefined = undefined;

  constructor(options: SimOptions<M>) {
    checkNodeCount(options.nodes);
    this.root = rng(options.seed);
    this.protocol = options.protocol;
    this.limits = resolveLimits(options.limits);
    this.maxPending = this.limits.maxPending;
    this.queue = new EventQueue(undefined, options.eventWindowBits);
    this.trace = new Trace(this.limits.maxTraceEntries);
    this.network = new Network(this.root, options.nodes, options.network);
    this.stageLog = options.stage ? new StageLog(options.stage) : undefined;
    for (let id = 0; id < options.nodes; id++) this.nodes.push(this.makeNode(id));
  }

  /** True simulated time, in ticks. */
  get now(): number { return this.time; }

  get nodeCount(): number { return this.nodes.length; }

  /** Events handled so far. */
  get events(): number { return this.handled; }

  /** Node `id`'s context (clock, storage, status, actor). */
  node(id: number): NodeContext<M> {
    const node = this.nodes[id];
    if (!node) throw new Error(`invalid node: ${id}`);
    return node;
  }

  /** Adds a node (next id); it starts at once if the run has started. Others' streams are unchanged. */
  addNode(): number {
    if (this.nodes.length >= NODES_MAX) throw new Error(`nodes must be at most ${NODES_MAX}`);
    const id = this.network.addNode();
    const node = this.makeNode(id);
    this.nodes.push(node);
    if (this.isStarted) this.startNode(node);
    return id;
  }

  /** Runs `fn` at true time `t` (ticks, >= now), ordered with every other event by (t, scheduling order). */
  at(t: number, fn: () => void): void {
    if (!(isTicks(t) && t >= this.time)) throw new Error(`invalid time: ${t} (must be integer ticks >= ${this.time})`);
    const s = this.slots.take(SLOT_CALL);
    this.slots.obj[s] = fn;
    this.schedule(t, s);
  }

  /** Sets what runs the events `call` schedules. */
  onCall(handler: CallHandler): void {
    this.handler = handler;
  }

  /**
   * Schedules the call handler's `(code, a, b)` at true time `t` (ticks, >= now), ordered with every other
   * event by (t, scheduling order): what `at` does, with data a checkpoint can hold instead of a closure.
   */
  call(t: number, code: number, a: number, b: number): void {
    if (!(isTicks(t) && t >= this.time)) throw new Error(`invalid time: ${t} (must be integer ticks >= ${this.time})`);
    const slots = this.slots;
    const s = slots.take(SLOT_DATA);
    slots.from[s] = code;
    slots.to[s] = a;
    slots.id[s] = b;
    this.schedule(t, s);
  }

  /**
   * Runs `fn` now at true time `t` as one event that comes before every event pending at t: what `at(t, fn)`
   * called before anything else was scheduled does (a scenario's scripted event), for a caller that reaches
   * its scripts as the run goes (run until t - 1 first: every pending event must be at >= t). False when a
   * limit has ended the run (fn is not called).
   */
  runFirst(t: number, fn: () => void): boolean {
    if (!(isTicks(t) && t >= this.time && this.queue.peekTime() >= t)) {
      throw new Error(`invalid time: ${t} (must be integer ticks >= ${this.time}, and no event pending before it)`);
    }
    this.start();
    if (this.stoppedAtLimit !== undefined) return false;
    if (this.handled >= this.limits.maxEvents) {
      this.stop(`maxEvents = ${this.limits.maxEvents.toLocaleString('en-US')}`);
      return false;
    }
    this.time = t;
    this.handled++;
    fn();
    this.stageLog?.probeAll(this.time, this.nodes);
    if (this.trace.isFull) this.stop(`maxTraceEntries = ${this.trace.cap.toLocaleString('en-US')}`);
    return true;
  }

  /**
   * The engine's state now, copied (see SimulationState). Refused when the simulation holds what no
   * checkpoint captures: a pending closure (`at`), a stage log, client history, links that carried messages.
   */
  snapshot(): SimulationState {
    if (this.stageLog) throw new Error('a simulation recording a stage log cannot be checkpointed');
    if (this.history.operations.length > 0) throw new Error('a simulation with client history cannot be checkpointed');
    return {
      time: this.time,
      handled: this.handled,
      messageCount: this.messageCount,
      isStarted: this.isStarted,
      stoppedAtLimit: this.stoppedAtLimit,
      queue: this.queue.snapshot(),
      slots: this.slots.snapshot(),
      trace: this.trace.snapshot(),
      timers: [...this.timers],
      network: this.network.snapshot(),
      nodes: this.nodes.map((n) => ({ status: n.status, incarnation: n.incarnation, held: [...n.held], rng: n.rng.save(), clock: n.clock.state() })),
    };
  }

  /** Becomes the simulation a `snapshot()` was taken of; only a new one (nothing run) with as many nodes can. */
  restore(state: SimulationState): void {
    if (this.isStarted || this.handled > 0 || this.queue.size > 0) throw new Error('only a simulation that has not run can be restored');
    if (state.nodes.length !== this.nodes.length) throw new Error(`the checkpoint has ${state.nodes.length} nodes, this simulation ${this.nodes.length}`);
    this.time = state.time;
    this.handled = state.handled;
    this.messageCount = state.messageCount;
    this.stoppedAtLimit = state.stoppedAtLimit;
    this.queue.restore(state.queue);
    this.slots.restore(state.slots);
    this.trace.restore(state.trace);
    for (const [handle, slot] of state.timers) this.timers.set(handle, slot);
    this.network.restore(state.network);
    state.nodes.forEach((n, id) => {
      const node = this.nodes[id];
      node.status = n.status as NodeContext<M>['status'];
      node.incarnation = n.incarnation;
      node.held.push(...n.held);
      node.rng.restore(n.rng);
      node.clock.restore(n.clock);
    });
    this.isStarted = state.isStarted;
    if (state.isStarted) for (const node of this.nodes) if (node.status !== CRASHED) node.actor = this.protocol(node);
  }

  /** Handles events in order until the queue is empty, the next event is past `until` (ticks), or a limit. */
  run(until = Infinity): RunResult {
    this.start();
    const queue = this.queue;
    const trace = this.trace;
    const maxEvents = this.limits.maxEvents;
    while (this.stoppedAtLimit === undefined) {
      const t = queue.peekTime();
      if (t > until || t === Infinity) break;
      if (this.handled >= maxEvents) {
        this.stop(`maxEvents = ${maxEvents.toLocaleString('en-US')}`);
        break;
      }
      this.time = t;
      this.handled++;
      this.dispatch(queue.pop());
      if (trace.isFull) this.stop(`maxTraceEntries = ${this.trace.cap.toLocaleString('en-US')}`);
    }
    if (until !== Infinity && this.stoppedAtLimit === undefined && until > this.time) this.time = until;
    return { endTime: this.time, events: this.handled, stoppedAtLimit: this.stoppedAtLimit };
  }

  /** Sends a message from -> to now (what `ctx.send` calls). Dropped unsent if `from` is not running. */
  send(from: number, to: number, msg: M): void {
    if (this.nodes[from].status !== UP) return;
    if (!(to >= 0 && to < this.nodes.length)) throw new Error(`invalid destination: ${to}`);
    const id = this.messageCount++;
    const now = this.time;
    this.trace.record(now, SEND, from, to, id);
    this.stageLog?.sent(id, msg);
    const network = this.network;
    if (network.isCut(from, to)) {
      this.trace.record(now, BLOCK, from, to, id);
      return;
    }
    const link = network.link(from, to);
    if (link.loses()) {
      this.trace.record(now, TraceKind.lose, from, to, id);
      return;
    }
    this.scheduleDelivery(now + link.delay(), from, to, id, msg);
    if (link.duplicates()) {
      this.trace.record(now, TraceKind.duplicate, from, to, id);
      this.scheduleDelivery(now + link.delay(), from, to, id, msg);
    }
  }

  /** Sets a timer of node `id` (what `ctx.setTimer` calls); returns its handle. */
  setTimer(id: number, delayTicks: number, tag: number): number {
    if (!(isTicks(delayTicks) && Number.isInteger(tag) && (tag | 0) === tag)) {
      throw new Error(`invalid timer: delay ${delayTicks} ticks, tag ${tag} (integer ticks, int32 tag)`);
    }
    const node = this.nodes[id];
    const s = this.slots.take(SLOT_TIMER);
    this.slots.from[s] = id;
    this.slots.to[s] = tag;
    this.slots.incarnation[s] = node.incarnation;
    const handle = this.schedule(this.time + node.clock.trueDelay(delayTicks), s);
    if (handle < 0) return handle;
    this.slots.id[s] = handle;
    this.timers.set(handle, s);
    return handle;
  }

  /** Cancels a pending timer by handle; false when it already fired or was cancelled. */
  cancelTimer(handle: number): boolean {
    const s = this.timers.get(handle);
    if (s === undefined) return false;
    this.timers.delete(handle);
    this.slots.kind[s] = SlotKind.cancelled;
    return true;
  }

  /** Records a protocol note for node `id` (what `ctx.note` calls). */
  note(id: number, code: number, value: number): void { this.trace.record(this.time, TraceKind.note, id, code, value); }

  /** Records a trace entry at the current time (for faults, clients and labs' own scripted events). */
  record(kind: number, from: number, to: number, payload: number): void { this.trace.record(this.time, kind, from, to, payload); }

  /** Re-queues, at the current time and in arrival order, what node `id` held while paused. */
  releaseHeld(id: number): void {
    const held = this.nodes[id].held;
    for (let i = 0; i < held.length; i++) this.schedule(this.time, held[i]);
    held.length = 0;
  }

  /** Builds node `id`'s actor and calls its onStart (at the start, and after a recover). */
  startNode(node: NodeContext<M>): void {
    node.actor = this.protocol(node);
    node.actor.onStart?.();
    this.stageLog?.probeNode(this.time, node);
  }

  /** Starts every node, once (the first `run` or `runFirst`). */
  private start(): void {
    if (this.isStarted) return;
    this.isStarted = true;
    for (const node of this.nodes) this.startNode(node);
  }

  /** Ends the run (and every later `run`) with `reason` as its stoppedAtLimit. */
  stop(reason: string): void { this.stoppedAtLimit ??= reason; }

  private makeNode(id: number): NodeContext<M> {
    return new NodeContext<M>(this, id, this.root.fork(`node/${id}`));
  }

  private schedule(t: number, s: number): number {
    if (this.queue.size >= this.maxPending) {
      this.stop(`maxPending = ${this.maxPending.toLocaleString('en-US')}`);
      this.slots.release(s);
      return -1;
    }
    return this.queue.push(t, s);
  }

  private scheduleDelivery(t: number, from: number, to: number, id: number, msg: M): void {
    const slots = this.slots;
    const s = slots.take(SLOT_DELIVER);
    slots.from[s] = from;
    slots.to[s] = to;
    slots.id[s] = id;
    slots.obj[s] = msg;
    this.schedule(t, s);
    this.stageLog?.scheduled(id, t);
  }

  private dispatch(s: number): void {
    const slots = this.slots;
    switch (slots.kind[s]) {
      case SLOT_DELIVER:
        this.deliver(s);
        return;
      case SLOT_TIMER:
        this.fire(s);
        return;
      case SLOT_CALL: {
        const fn = slots.obj[s] as () => void;
        slots.release(s);
        fn();
        this.stageLog?.probeAll(this.time, this.nodes);
        return;
      }
      case SLOT_DATA: {
        const code = slots.from[s];
        const a = slots.to[s];
        const b = slots.id[s];
        slots.release(s);
        this.handler!(code, a, b);
        this.stageLog?.probeAll(this.time, this.nodes);
        return;
      }
      default:
        slots.release(s); // a cancelled timer
    }
  }

  private deliver(s: number): void {
    const slots = this.slots;
    const from = slots.from[s];
    const to = slots.to[s];
    const id = slots.id[s];
    const node = this.nodes[to];
    if (this.network.isCut(from, to)) {
      this.trace.record(this.time, BLOCK, from, to, id);
    } else if (node.status === PAUSED) {
      node.held.push(s);
      return;
    } else if (node.status === CRASHED) {
      this.trace.record(this.time, TraceKind.discard, from, to, id);
    } else {
      const msg = slots.obj[s] as M;
      slots.release(s);
      this.trace.record(this.time, DELIVER, from, to, id);
      node.actor!.onMessage(from, msg);
      this.stageLog?.probeNode(this.time, node);
      return;
    }
    slots.release(s);
  }

  private fire(s: number): void {
    const slots = this.slots;
    const node = this.nodes[slots.from[s]];
    if (node.status === PAUSED) {
      node.held.push(s);
      return;
    }
    const tag = slots.to[s];
    const handle = slots.id[s];
    const isStale = node.status === CRASHED || slots.incarnation[s] !== node.incarnation;
    slots.release(s);
    this.timers.delete(handle);
    if (isStale) return; // set before a crash: the actor that wanted it is gone
    this.trace.record(this.time, TraceKind.timer, node.id, -1, tag);
    node.actor!.onTimer?.(tag, handle);
    this.stageLog?.probeNode(this.time, node);
  }
}
