/**
 * Every message of the five scenes, one union tagged by `k`, and how the stage names them.
 *
 *   clients      req (a request to a service: `what` is the endpoint), resp (its answer).
 *   shared-db    q (a query: write, read or apply, with its database cost), qr (its result), event (A's order
 *                count after a commit, to B: the fix's way to learn A's data).
 *   2pc          begin (client -> coordinator or orchestrator), prepare / vote / commit / abort / ack / status
 *                (2PC), step / stepReply / comp / compReply (a saga's local transaction and compensation),
 *                read / readReply (the reader's reads of p0 and s0).
 *   clocks       put (a write with its stamps), fwd (a writer tells the other what it wrote).
 *   partition    call / callReply (front service -> downstream).
 *   locality     row / rowReply (one read of one row).
 */
import type { MessageDescriber } from '../../../sim/index';

export type Msg =
  | { k: 'req'; id: number; what: number }
  | { k: 'resp'; id: number; outcome: 'ok' | 'fallback' | 'error'; value: number }
  | { k: 'q'; id: number; op: 'write' | 'read' | 'apply'; costTicks: number; value: number; schema: number }
  | { k: 'qr'; id: number; value: number; ok: boolean }
  | { k: 'event'; orders: number; commitTick: number }
  | { k: 'begin'; tx: number; failStep: number }
  | { k: 'prepare'; tx: number; no: boolean }
  | { k: 'vote'; tx: number; yes: boolean }
  | { k: 'commit'; tx: number }
  | { k: 'abort'; tx: number }
  | { k: 'ack'; tx: number }
  | { k: 'status'; tx: number }
  | { k: 'step'; tx: number; step: number; fail: boolean }
  | { k: 'stepReply'; tx: number; step: number; ok: boolean }
  | { k: 'comp'; tx: number; step: number }
  | { k: 'compReply'; tx: number; step: number }
  | { k: 'read'; id: number }
  | { k: 'readReply'; id: number; balance: number }
  | { k: 'put'; value: number; wall: number; l: number; c: number }
  | { k: 'fwd'; value: number; l: number; c: number }
  | { k: 'call'; id: number }
  | { k: 'callReply'; id: number }
  | { k: 'row'; id: number; i: number }
  | { k: 'rowReply'; id: number; i: number };

export const KINDS = ['request', 'answer', 'query', 'result', 'event', 'begin', 'PREPARE', 'vote', 'COMMIT', 'ABORT', 'ack', 'status?', 'step', 'step reply', 'compensate', 'compensated', 'read', 'read reply', 'put', 'forward', 'call', 'call reply', 'row?', 'row'] as const;
const KIND_OF: Record<Msg['k'], (typeof KINDS)[number]> = {
  req: 'request', resp: 'answer', q: 'query', qr: 'result', event: 'event', begin: 'begin', prepare: 'PREPARE', vote: 'vote', commit: 'COMMIT',
  abort: 'ABORT', ack: 'ack', status: 'status?', step: 'step', stepReply: 'step reply', comp: 'compensate', compReply: 'compensated', read: 'read',
  readReply: 'read reply', put: 'put', fwd: 'forward', call: 'call', callReply: 'call reply', row: 'row?', rowReply: 'row',
};

/** Endpoint names by scene: `what` indexes these. */
export const ENDPOINTS = ['A', 'B', 'orders', 'profile', 'EU user', 'US user', 'EU traveller'] as const;
export const WHAT = { A: 0, B: 1, orders: 2, profile: 3, eu: 4, us: 5, traveller: 6 } as const;

/** A message's label on the stage and in the narration ("PREPARE T3", "vote YES", "C1 T3"). */
export function describeMsg(m: Msg): string {
  switch (m.k) {
    case 'req': return `${ENDPOINTS[m.what]} #${m.id}`;
    case 'resp': return m.outcome === 'ok' ? 'ok' : m.outcome;
    case 'q': return m.schema > 1 ? `${m.op} (schema ${m.schema})` : m.op;
    case 'qr': return m.ok ? 'ok' : 'no such column';
    case 'event': return `orders = ${m.orders}`;
    case 'begin': return `begin T${m.tx}`;
    case 'prepare': return `PREPARE T${m.tx}`;
    case 'vote': return `vote ${m.yes ? 'YES' : 'NO'} T${m.tx}`;
    case 'commit': return `COMMIT T${m.tx}`;
    case 'abort': return `ABORT T${m.tx}`;
    case 'ack': return `ack T${m.tx}`;
    case 'status': return `T${m.tx}?`;
    case 'step': return `T${m.step + 1} of tx ${m.tx}`;
    case 'stepReply': return `T${m.step + 1} ${m.ok ? 'done' : 'failed'}`;
    case 'comp': return `C${m.step + 1} of tx ${m.tx}`;
    case 'compReply': return `C${m.step + 1} done`;
    case 'read': return 'read';
    case 'readReply': return `${m.balance}`;
    case 'put': return `x := ${m.value}`;
    case 'fwd': return `wrote ${m.value}`;
    case 'call': return `call #${m.id}`;
    case 'callReply': return `reply #${m.id}`;
    case 'row': return `row ${m.i + 1}?`;
    case 'rowReply': return `row ${m.i + 1}`;
  }
}

/** The kinds each scene sends (the legend lists these). */
export const SCENE_KINDS: Readonly<Record<string, readonly (typeof KINDS)[number][]>> = {
  'shared-db': ['request', 'answer', 'query', 'result', 'event'],
  '2pc': ['begin', 'PREPARE', 'vote', 'COMMIT', 'ABORT', 'ack', 'status?', 'step', 'step reply', 'compensate', 'compensated', 'read', 'read reply'],
  clocks: ['put', 'forward'],
  partition: ['request', 'answer', 'call', 'call reply'],
  locality: ['request', 'answer', 'row?', 'row'],
};

export function messageDescriber(mode: string): MessageDescriber<Msg> {
  return { kind: (m) => KIND_OF[m.k], label: (m) => describeMsg(m), kinds: SCENE_KINDS[mode] };
}
