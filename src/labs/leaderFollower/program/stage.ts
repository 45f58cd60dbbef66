/**
 * What the leader-follower stage shows (src/viz/stage): each message's kind and label, and each node's
 * card (role, epoch, log length, what it applied, and a leader's commit index), read by the engine's card
 * probe after every event, outside the trace (the run's hash is the same with or without it).
 *
 *   append #4..6   leader -> follower, entries 4 to 6        hb          an empty append (heartbeat)
 *   ack 6 / nack   a follower's answer                       applied 5   its apply thread got further
 *   vote? e3       a candidate asks                          vote e3 yes / vote e3 no
 */
import type { StageData } from '../../../core/stage/types';
import type { Simulation, StageOptions } from '../../../sim/index';
import { buildStage } from '../../../sim/stage/buildStage';
import { requestRemarks, withoutScriptRows } from '../../../sim/kit/clientRequest';
import type { RequestRow } from '../../../sim/kit/closedLoop';
import { Role } from './disk';
import type { Msg } from './messages';
import type { ReplicaNode } from './node';

/** Kinds in a fixed order, so each keeps its colour in every run. */
export const MESSAGE_KINDS = ['append', 'heartbeat', 'ack', 'applied', 'vote?', 'vote'] as const;
export const CARD_FIELDS = ['role', 'epoch', 'log', 'applied', 'commit'] as const;
const ROLE_NAMES = ['follower', 'candidate', 'leader'];

function kindOf(m: Msg): string {
  switch (m.k) {
    case 'append': return m.entries.length === 0 ? 'heartbeat' : 'append';
    case 'appendReply': return 'ack';
    case 'applied': return 'applied';
    case 'vote': return 'vote?';
    default: return 'vote';
  }
}

function labelOf(m: Msg): string {
  switch (m.k) {
    case 'append': {
      const n = m.entries.length;
      return n === 0 ? 'hb' : n === 1 ? `append #${m.prevIndex + 1}` : `append #${m.prevIndex + 1}..${m.prevIndex + n}`;
    }
    case 'appendReply': return m.ok ? `ack ${m.matched}` : 'nack';
    case 'applied': return `applied ${m.applied}`;
    case 'vote': return `vote? e${m.epoch}`;
    default: return `vote e${m.epoch} ${m.granted ? 'yes' : 'no'}`;
  }
}

export const stageOptions: StageOptions<Msg> = {
  describe: { kind: kindOf, label: labelOf, kinds: MESSAGE_KINDS },
  probe: {
    fields: CARD_FIELDS,
    read(node, field) {
      const actor = node.actor as unknown as ReplicaNode;
      const disk = actor.disk;
      switch (field) {
        case 0: return ROLE_NAMES[disk.role] ?? 'follower';
        case 1: return disk.epoch;
        case 2: return disk.log.length;
        case 3: return disk.applied;
        default: return disk.role === Role.leader && actor.lead ? actor.lead.commitIndex : '';
      }
    },
  },
};

/** The run's stage: nodes n0.., clients c0.. beside node c mod nodes, times in ms; the script's requests narrated. */
export function stageOf(sim: Simulation<Msg>, clients: number, ticksPerMs: number, requests: readonly RequestRow[] = []): StageData {
  const nodes = sim.nodeCount;
  return withoutScriptRows(buildStage({
    trace: sim.trace.columns(),
    log: sim.stageLog?.columns(),
    ticksPerUnit: ticksPerMs,
    timeUnit: 'ms',
    horizon: sim.now / ticksPerMs,
    nodeNames: Array.from({ length: nodes }, (_, i) => `n${i}`),
    clients: { names: Array.from({ length: clients }, (_, c) => `c${c}`), home: Array.from({ length: clients }, (_, c) => c % nodes) },
    remarks: requestRemarks(requests, (op) => sim.history.operations[op].input, (c) => c % nodes),
  }));
}
