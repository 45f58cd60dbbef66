/**
 * The kinds of trace entries: one table shared by the engine, the trace, the worker and (later) the UI and
 * URL, so that "crash", "partition" or "heal" mean one thing everywhere. The fault kinds use the same words
 * as the scenario event types (./faults.ts).
 *
 * Column meaning per kind (from / to / payload; -1 where a column does not apply):
 *   send, deliver, lose, block, duplicate, discard: sender / receiver / message id
 *   timer:                                           node / -1 / the timer's tag
 *   crash, recover, pause, resume, clockJump, skew, drift: node / -1 / script index (-1 if not scripted)
 *   partition, heal, cut, slow, lossy, duplicating:  link source or -1 / link target or -1 / script index
 *   invoke, ok, fail, timeout:                       client process / -1 / operation index
 *   note:                                            node / the protocol's code / the protocol's value
 *   script:                                          -1 / -1 / script index (a lab's own scripted event)
 */
export const TraceKind = {
  /** A node handed a message to the network. */
  send: 0,
  /** The network handed a message to its receiver, which handled it. */
  deliver: 1,
  /** The network lost the message at random (link loss). */
  lose: 2,
  /** The link was cut (partition or one-way cut) when the message was sent or when it arrived. */
  block: 3,
  /** The network scheduled an extra copy of the message (link duplication). */
  duplicate: 4,
  /** The message arrived at a crashed node and was thrown away. */
  discard: 5,
  /** A node's timer fired and was handled. */
  timer: 6,
  crash: 7,
  recover: 8,
  pause: 9,
  resume: 10,
  partition: 11,
  heal: 12,
  cut: 13,
  clockJump: 14,
  skew: 15,
  drift: 16,
  invoke: 17,
  ok: 18,
  fail: 19,
  timeout: 20,
  note: 21,
  script: 22,
  /** A link's messages take longer from now on (or, with 0, no longer do). */
  slow: 23,
  /** A link loses a share of its messages from now on (or, with 0, no longer does). */
  lossy: 24,
  /** A link duplicates a share of its messages from now on (or, with 0, no longer does). */
  duplicating: 25,
} as const;

export type TraceKindName = keyof typeof TraceKind;
export type TraceKindCode = (typeof TraceKind)[TraceKindName];

/** Names by code, for display: `traceKindNames[TraceKind.crash] === 'crash'`. */
export const traceKindNames: readonly TraceKindName[] = (() => {
  const names: TraceKindName[] = [];
  for (const name of Object.keys(TraceKind) as TraceKindName[]) names[TraceKind[name]] = name;
  return names;
})();
