/**
 * Closed-loop clients (Jepsen's and YCSB's habit): client c runs one operation at a time, pauses (its think
 * time, uniform in 0..2 x thinkMs from its own stream), and starts the next while the run's operation
 * budget lasts. The loop owns the budget, the pauses, the client processes and the record: every call and
 * outcome goes into the engine's history and trace (../client.ts). The lab says what each operation is
 * and who serves it (`draw`), and reports the answers.
 *
 * A client whose operation timed out retires its process id, as Jepsen's do: the history cannot order its
 * next call after an operation whose outcome is unknown. Client c runs as process c, then c + clients,
 * c + 2 x clients...
 *
 *   client 0:  think |--op 0--ok| think |--op 3--timeout ?   (process 0)
 *                                                 think |--op 5--ok|   (process 0 + clients)
 *
 * A one-off request (the script's 'request' event, ./clientRequest.ts) is one operation beyond the budget:
 * `request(c, start)` at time t starts it at once when client c is thinking (or finished), and when its
 * current operation ends when it is busy (requests wait in order). An action of the budget that comes due
 * while a request runs starts as soon as the request ends. Without requests nothing here changes.
 *
 *   client 0:  |--op 0--ok| think ...... |--op 2--ok|            budget only
 *   request at t:      t v
 *              |--op 0--ok| |--op 1 (request)--ok||--op 2--ok|   thinking: starts at t, op 2 waits for it
 *   request at t:   t v
 *              |--op 0--ok||--op 1 (request)--ok| think |--op 2  busy: starts when op 0 ends
 */
import type { Rng } from '../../core/random/rng';
import type { Clients } from '../client';
import type { OpStatus } from '../history';
import { msToTicks } from './time';

/** The part of the engine the loop drives (a Simulation). */
export interface LoopEngine {
  readonly now: number;
  at(t: number, fn: () => void): void;
  readonly history: { readonly operations: readonly { readonly status: OpStatus }[] };
  readonly clients: Clients;
}

export interface ClosedLoopOptions {
  /** Client processes 0..clients-1. */
  clients: number;
  /** Operations over all clients: once spent, a client that finishes its operation stops. */
  ops: number;
  /** Mean pause of a client between operations, ms (each pause uniform in 0..2 x thinkMs). */
  thinkMs: number;
  /** Root of the clients' streams: client c's pauses draw from root.fork(c).fork('think'). */
  root: Rng;
  /** Work units each invoke costs, counted on `work` (the run's budget). */
  workPerOp: number;
  work?: (units: number) => void;
}

/** Client c's next action, drawn with its think time: the budget it spends and what starts after the pause. */
export interface NextAction {
  /** Operations of the budget the action uses (2 for a read-then-write update). */
  ops: number;
  /** Called when the pause is over: the lab invokes the operation (`invoke`) and has it served. */
  start(): void;
}

/** A one-off request that started: its operation, its client, when it was asked for and when it started (ticks). */
export interface RequestRow {
  op: number;
  client: number;
  askedTick: number;
  startTick: number;
}

export class ClosedLoop {
  /** True time the last client finished (ticks); Infinity while any runs. */
  doneTick = Infinity;
  /** The one-off requests that started, in start order. */
  readonly requests: RequestRow[] = [];
  private issued = 0;
  private running = 0;
  private readonly think: Rng[];
  private readonly generation: number[];
  private readonly clientOfOp: number[] = [];
  /** Client c has an action open: from its first invoke to the `next` that ends it. */
  private readonly isBusy: boolean[];
  /** Client c spent the budget and left the loop (a request brings it back for one operation). */
  private readonly isFinished: boolean[];
  /** Requests of client c waiting for its current action to end, with the tick each was asked for. */
  private readonly waiting: { askedTick: number; start: () => void }[][];
  /** Client c's action of the budget that came due while a request ran. */
  private readonly held: ((() => void) | undefined)[];
  /** Client c is in its pause: its next action is scheduled and not due yet. */
  private readonly isPausing: boolean[];
  /** The request starting now (its invoke is the request's operation). */
  private starting: { client: number; askedTick: number } | undefined;

  /** `draw(c, remaining)` decides client c's next action; `remaining` (>= 1) is what the budget has left. */
  constructor(
    private readonly sim: LoopEngine,
    private readonly options: ClosedLoopOptions,
    private readonly draw: (c: number, remaining: number) => NextAction,
  ) {
    this.think = Array.from({ length: options.clients }, (_, c) => options.root.fork(c).fork('think'));
    this.generation = new Array<number>(options.clients).fill(0);
    this.isBusy = new Array<boolean>(options.clients).fill(false);
    this.isFinished = new Array<boolean>(options.clients).fill(false);
    this.waiting = Array.from({ length: options.clients }, () => []);
    this.held = new Array<(() => void) | undefined>(options.clients).fill(undefined);
    this.isPausing = new Array<boolean>(options.clients).fill(false);
  }

  /** Every client starts its first action after a pause. */
  start(): void {
    this.running = this.options.clients;
    for (let c = 0; c < this.options.clients; c++) this.next(c);
  }

  /**
   * Client c's action ended (or it starts): a waiting request starts now, else an action held by a request,
   * else the client starts its next action after its pause (plus `extraTicks`), or finishes when the budget
   * is spent.
   */
  next(c: number, extraTicks = 0): void {
    const sim = this.sim;
    this.isBusy[c] = false;
    const request = this.waiting[c].shift();
    if (request) return this.startRequest(c, request.askedTick, request.start);
    const held = this.held[c];
    if (held) {
      this.held[c] = undefined;
      return held();
    }
    // A request ended within the client's pause: its next action starts when due, as planned.
    if (this.isPausing[c]) return;
    if (this.isFinished[c] || this.issued >= this.options.ops) {
      this.isFinished[c] = true;
      if (--this.running === 0) this.doneTick = sim.now;
      return;
    }
    const thinkTicks = msToTicks(this.think[c].float() * 2 * this.options.thinkMs) + extraTicks;
    const action = this.draw(c, this.options.ops - this.issued);
    this.issued += action.ops;
    this.isPausing[c] = true;
    sim.at(sim.now + thinkTicks, () => {
      this.isPausing[c] = false;
      // Due while a request runs: it starts when the request ends (never two operations of c at once).
      if (this.isBusy[c]) this.held[c] = action.start;
      else action.start();
    });
  }

  /**
   * Client c issues one operation beyond the budget (a one-off request): `start` invokes it as an action
   * does. It starts now when c is thinking or finished, else when c's current action ends.
   */
  request(c: number, start: () => void): void {
    if (!(Number.isInteger(c) && c >= 0 && c < this.options.clients)) throw new Error(`invalid client: ${c}`);
    const askedTick = this.sim.now;
    if (this.isBusy[c]) {
      this.waiting[c].push({ askedTick, start });
      return;
    }
    if (this.isFinished[c]) {
      // Back in the loop for this one operation: the run is not done until it ends.
      this.running++;
      this.doneTick = Infinity;
    }
    this.startRequest(c, askedTick, start);
  }

  private startRequest(c: number, askedTick: number, start: () => void): void {
    this.starting = { client: c, askedTick };
    start();
    if (this.starting) throw new Error(`invalid request: client ${c}'s start invoked no operation`);
  }

  /** The request's operation of `op`, if it is one. */
  requestOf(op: number): RequestRow | undefined {
    return this.requests.find((r) => r.op === op);
  }

  /** Client c calls `input` now, under its current process; returns the operation's history index. */
  invoke(c: number, input: unknown): number {
    const op = this.sim.clients.invoke(c + this.options.clients * this.generation[c], input);
    this.clientOfOp[op] = c;
    this.isBusy[c] = true;
    if (this.starting?.client === c) {
      this.requests.push({ op, client: c, askedTick: this.starting.askedTick, startTick: this.sim.now });
      this.starting = undefined;
    }
    this.options.work?.(this.options.workPerOp);
    return op;
  }

  clientOf(op: number): number {
    return this.clientOfOp[op];
  }

  isPending(op: number): boolean {
    return this.sim.history.operations[op].status === 'pending';
  }

  /** Operation `op` returned `output` now, unless its client already gave up; true when recorded. */
  ok(op: number, output: unknown): boolean {
    if (!this.isPending(op)) return false;
    this.sim.clients.ok(op, output);
    return true;
  }

  /** `ok`, then the client goes on to its next action; true when recorded. */
  answer(op: number, output: unknown): boolean {
    if (!this.ok(op, output)) return false;
    this.next(this.clientOfOp[op]);
    return true;
  }

  /**
   * The client stops waiting for `op` (unless it already has its answer): a timeout when the operation may
   * have taken effect (its process retires), else a failure. It goes on after `extraTicks` more.
   */
  giveUp(op: number, mayHaveEffect: boolean, extraTicks = 0): void {
    if (!this.isPending(op)) return;
    const c = this.clientOfOp[op];
    if (mayHaveEffect) {
      this.sim.clients.timeout(op);
      this.generation[c]++;
    } else {
      this.sim.clients.fail(op);
    }
    this.next(c, extraTicks);
  }

  /** The client gives up on `op` after `ticks` more without an answer (see giveUp). */
  deadline(op: number, ticks: number, mayHaveEffect: boolean): void {
    this.sim.at(this.sim.now + ticks, () => this.giveUp(op, mayHaveEffect));
  }

  /**
   * When nodes may stop re-arming their timers (handoffs, resends, heartbeats): `settleTicks` after the
   * later of the clients' last answer and the script's last event (ms); Infinity while clients run.
   */
  quietTick(events: readonly { t: number }[], settleTicks: number): number {
    if (this.doneTick === Infinity) return Infinity;
    const lastEventTick = events.length > 0 ? msToTicks(events[events.length - 1].t) : 0;
    return Math.max(this.doneTick, lastEventTick) + settleTicks;
  }
}
