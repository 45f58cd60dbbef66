/**
 * A client's one-off request, the script's 'request' event of the closed-loop labs (leader-follower,
 * multi-leader, quorums, CAP): "send a request from a client" by a click on the stage, at the playhead.
 *
 *   { t: 120, type: 'request', client: 1, op: 'write' }
 *
 * Semantics: at time t, client c issues one operation beyond the run's operation budget, of the lab's own
 * kind: a write of a fresh value (the operation's index + 1, as every write of these labs) or a read. If
 * the client is thinking (or has finished its share of the budget) the request starts at t; if it is busy,
 * it starts when its current operation ends (for multi-leader's update, a read then a write, when the
 * write ends), and the client's next operation of the budget waits for the request; several requests of
 * one client run one after another, in script order. It goes into the history like any operation (a new
 * process after a timeout, as usual), so the checker judges it, and the narration tells it: "120.000 ms:
 * c1 writes 17 (your request)", or "c1 is busy: your request waits" at t first. The closed loop does the
 * timing (./closedLoop.ts, `request`); the lab says how its clients serve a read or a write, as for any
 * operation, drawing what it must (a coordinator) from streams the budget's operations do not use where
 * it can. A script without requests runs exactly as before: same trace, same hash.
 *
 * Where it lives: the event's words and spec helpers here and in src/labs/requestEvents.ts (a lab's
 * scenario lists `requestEventSpec(...)` beside its faults); the stage's client menu ("Write from c1",
 * "Read from c1") in src/viz/stage/actions.ts, offered when a lab's actions include 'request'.
 */
import type { StageData } from '../../core/stage/types';
import type { StageRemarks } from '../stage/buildStage';
import { TraceKind } from '../traceKind';
import type { ScenarioEvent } from '../scenarioEvent';
import type { ClosedLoop, RequestRow } from './closedLoop';

/** The operations a request may ask for, in menu order. */
export const REQUEST_OPS = ['write', 'read'] as const;
export type RequestOp = (typeof REQUEST_OPS)[number];

/** The script's request event: client `client` (0..clients-1) issues one `op` at `t`. */
export type ClientRequestEvent = { t: number; type: 'request'; client: number; op: RequestOp };

/** The event's words, for a lab's event spec (src/labs/requestEvents.ts) and docs. */
export const REQUEST_EVENT = {
  type: 'request',
  label: 'Client request',
  doc: 'The client issues one operation beyond the budget: at once if it is thinking, else when its current operation ends.',
  clientHelp: 'Client index (c1 is 1).',
  opHelp: 'write: a fresh value; read: the current value.',
} as const;

export function isClientRequest(event: { type: string }): event is ClientRequestEvent & ScenarioEvent {
  return event.type === REQUEST_EVENT.type;
}

/**
 * The scheduler's `onEvent` for a lab whose script holds requests (scheduleScenario in ../scenario.ts):
 * each request goes to the loop, and `start(c, op)` invokes the operation when the loop says.
 */
export function requestHandler(loop: ClosedLoop, start: (client: number, op: RequestOp) => void): (event: ScenarioEvent) => void {
  return (event) => {
    if (!isClientRequest(event)) throw new Error(`invalid event type: ${event.type}`);
    const { client, op } = event;
    loop.request(client, () => start(client, op));
  };
}

/** An operation's input as the narration says it: "writes 17", "reads", "writes 17 to k0", "reads k0". */
export function operationWords(input: unknown): string {
  const { f, value, key } = (input ?? {}) as { f?: string; value?: unknown; key?: unknown };
  const on = key === undefined ? '' : ` ${key}`;
  if (f === 'write' || f === 'put') return key === undefined ? `writes ${value}` : `writes ${value} to ${key}`;
  return `reads${on}`;
}

/**
 * The narration's remarks for the requests that started: "c1 writes 17 (your request)" when it starts,
 * and, for a client that was busy, "c1 is busy: your request waits" when asked (short: a narration row).
 * `home(c)` is the node a remark is about (the client's node); ticks ascend, as buildStage wants them.
 */
export function requestRemarks(rows: readonly RequestRow[], inputOf: (op: number) => unknown, home: (client: number) => number): StageRemarks {
  const remarks: { tick: number; node: number; text: string }[] = [];
  for (const r of rows) {
    const name = `c${r.client}`;
    if (r.startTick > r.askedTick) remarks.push({ tick: r.askedTick, node: home(r.client), text: `${name} is busy: your request waits` });
    remarks.push({ tick: r.startTick, node: home(r.client), text: `${name} ${operationWords(inputOf(r.op))} (your request)` });
  }
  return toColumns(remarks);
}

function toColumns(rows: { tick: number; node: number; text: string }[]): StageRemarks {
  const sorted = rows.map((r, i) => ({ ...r, i })).sort((a, b) => a.tick - b.tick || a.i - b.i);
  return { tick: sorted.map((r) => r.tick), node: sorted.map((r) => r.node), text: sorted.map((r) => r.text) };
}

/** Two remark lists as one, by tick (a's first at equal ticks). */
export function mergeRemarks(a: StageRemarks, b: StageRemarks): StageRemarks {
  const rows: { tick: number; node: number; text: string }[] = [];
  for (let i = 0; i < a.text.length; i++) rows.push({ tick: a.tick[i], node: a.node[i], text: a.text[i] });
  for (let i = 0; i < b.text.length; i++) rows.push({ tick: b.tick[i], node: b.node[i], text: b.text[i] });
  return toColumns(rows);
}

/**
 * The stage without its script rows: the engine traces each request event as "scripted event k", which
 * says nothing the request's remarks do not say better. A lab whose only non-fault events are requests
 * narrates its stage through this.
 */
export function withoutScriptRows(stage: StageData): StageData {
  return { ...stage, narrated: stage.narrated.filter((row) => stage.events.kind[row] !== TraceKind.script) };
}
