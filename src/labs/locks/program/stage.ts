/**
 * What the locks stage shows (src/viz/stage): a card per node, read by the engine's card probe after every
 * event (outside the trace: a run's hash is the same with or without it), messages named by ./messages.ts,
 * and the observer's remarks in the narration.
 *
 *   locks      role; holder (a Raft server: the holder in its state machine; a Redlock server: whose key it
 *              keeps; a storage node: its version and last writer; a process: the locks it believes it
 *              holds); lease (when that lease ends, in true ms: the deadline bar); token (Raft's fencing
 *              token; d1: the highest it has seen).
 *   ids        role; last (the last ID issued or received); count (IDs issued: by a generator since it started, or
 *              applied by a Raft server's state machine).
 *   broadcast  role; x (the last value delivered); order (the last values delivered, oldest first).
 */
import type { StageData } from '../../../core/stage/types';
import { buildStage, type NodeContext, type StageOptions } from '../../../sim/index';
import { nodeNamesOf, type Mode } from '../result';
import { Client } from './client';
import { IdMachine, type BroadcastMachine, type LockMachine } from './machines';
import { messageDescriber, type Msg } from './messages';
import type { Observer } from './observer';
import { RaftServer } from './raft';
import { GossipReplica, RedlockServer, Snowflake, Storage } from './servers';
import type { World } from './world';

export const CARD_FIELDS: Readonly<Record<Mode, readonly string[]>> = {
  locks: ['role', 'holder', 'lease', 'token'],
  ids: ['role', 'last', 'count'],
  broadcast: ['role', 'x', 'order'],
};
/** Values an order field shows. */
export const ORDER_TAIL = 4;

const ROLES = ['follower', 'candidate', 'leader'] as const;

/** A deadline on `node`'s local clock (ticks) as true ms. */
function trueMs(node: NodeContext<Msg>, localTicks: number, tpm: number): number {
  return (node.now() + localTicks - node.localNow()) / tpm;
}

function tail(values: readonly number[]): string {
  const from = Math.max(0, values.length - ORDER_TAIL);
  return (from > 0 ? '… ' : '') + values.slice(from).join(' ');
}

const LOCKS_NAMES = nodeNamesOf('locks');

function locksField(node: NodeContext<Msg>, a: unknown, field: string, tpm: number): number | string {
  if (a instanceof RaftServer) {
    const m = a.machine as LockMachine;
    const live = m.holder >= 0 && a.ctx.localNow() < m.expiresAt;
    if (field === 'role') return ROLES[a.v.role];
    if (field === 'holder') return live ? `c${m.holder}` : '–';
    if (field === 'lease') return live ? trueMs(node, m.expiresAt, tpm) : 0;
    return m.token > 0 ? m.token : '–';
  }
  if (a instanceof RedlockServer) {
    if (field === 'role') return 'redis';
    const has = a.hasKey();
    if (field === 'holder') return has ? LOCKS_NAMES[a.holderClient] : '–';
    if (field === 'lease') return has ? trueMs(node, a.expiresAt, tpm) : 0;
    return '–';
  }
  if (a instanceof Storage) {
    if (field === 'role') return 'storage';
    if (field === 'holder') return a.lastWriter >= 0 ? `v${a.version} ${LOCKS_NAMES[a.lastWriter]}` : `v${a.version}`;
    if (field === 'lease') return 0;
    return a.fencing ? `≥ ${a.highest}` : '–';
  }
  const c = a as Client;
  const rl = c.rlPhase !== 'idle' && c.rlPhase !== 'acquiring';
  const ra = c.raPhase !== 'idle' && c.raPhase !== 'acquiring';
  if (field === 'role') return 'process';
  if (field === 'holder') return rl && ra ? 'both' : rl ? 'Redlock' : ra ? 'Raft' : '–';
  if (field === 'lease') return rl || ra ? trueMs(node, Math.max(rl ? c.rlValidUntil : 0, ra ? c.raValidUntil : 0), tpm) : 0;
  return ra ? c.raToken : '–';
}

function otherField(a: unknown, field: string): number | string {
  if (a instanceof RaftServer) {
    if (field === 'role') return ROLES[a.v.role];
    if (a.machine instanceof IdMachine) return field === 'last' ? a.machine.last || '–' : a.machine.count;
    const delivered = (a.machine as BroadcastMachine).delivered;
    return field === 'x' ? (delivered.length ? delivered[delivered.length - 1] : '–') : tail(delivered);
  }
  if (a instanceof Snowflake) {
    if (field === 'role') return 'generator';
    return field === 'last' ? (a.lastMs >= 0 ? `${a.lastMs}-${a.generator}-${a.seq}` : '–') : a.count;
  }
  if (a instanceof GossipReplica) {
    if (field === 'role') return 'gossip';
    return field === 'x' ? (a.delivered.length ? a.delivered[a.delivered.length - 1] : '–') : tail(a.delivered);
  }
  const c = a as Client;
  if (field === 'role') return 'process';
  return field === 'last' || field === 'x' ? c.lastText : '';
}

export function stageOptions(mode: Mode, tpm: number): StageOptions<Msg> {
  const fields = CARD_FIELDS[mode];
  return {
    describe: messageDescriber(tpm),
    probe: {
      fields,
      read(node, f) {
        const a = node.actor;
        return mode === 'locks' ? locksField(node, a, fields[f], tpm) : otherField(a, fields[f]);
      },
    },
  };
}

export function stageOf(w: World, obs: Observer, tpm: number, horizonMs: number): StageData {
  return buildStage({
    trace: w.sim.trace.columns(),
    log: w.sim.stageLog?.columns(),
    ticksPerUnit: tpm,
    timeUnit: 'ms',
    horizon: horizonMs,
    nodeNames: w.names,
    remarks: obs.remarkColumns(),
  });
}
