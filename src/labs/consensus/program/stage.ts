/**
 * What the consensus stage shows (src/viz/stage), RaftScope's picture in cards: each server's role, term,
 * vote, election timer (a deadline), log tail and commit index, read by the engine's card probe after every
 * event, outside the trace (a run's hash is the same with or without it); messages named by
 * ./messages.ts ("RequestVote t3", "AppendEntries ×2", "AppendEntries reply + 12").
 *
 *   role    follower, pre-candidate (asking for pre-votes), candidate, leader
 *   term    currentTerm                      vote    the server voted for in it ('–': none)
 *   timer   the election deadline in true ms (0: none, as for a leader), drawn as a draining bar
 *   log     the last LOG_TAIL entries' terms as cells, oldest first: '~' marks an entry not known committed,
 *           '!' an entry a violation names, a leading '…' earlier entries      commit  'commitIndex/last index'
 */
import type { StageData } from '../../../core/stage/types';
import type { Finding } from '../../../core/raft/finding';
import { lastIndex } from '../../../core/raft/log';
import { Role } from '../../../core/raft/persistent';
import type { Simulation, StageOptions } from '../../../sim/index';
import { buildStage } from '../../../sim/stage/buildStage';
import { messageDescriber, type RaftMsg } from './messages';
import type { RaftServer } from './server';

export const CARD_FIELDS = ['role', 'term', 'vote', 'timer', 'log', 'commit'] as const;
/** Log entries a card shows. */
export const LOG_TAIL = 4;

function roleOf(s: RaftServer): string {
  const role = s.v.role;
  if (role === Role.leader) return 'leader';
  if (role === Role.candidate) return 'candidate';
  const isAsking = s.preVoteTerm > s.term && s.ctx.localNow() - s.lastHeardLeader >= s.opts.electionTicksMin;
  return isAsking ? 'pre-candidate' : 'follower';
}

/**
 * The log's cells from `from` to `to` (1-based, inclusive): each entry's term, '~' when above `commit`,
 * '!' on `marked`; '…' first when entries before `from` exist.
 */
export function logCells(terms: readonly number[], from: number, to: number, commit: number, marked = 0): string {
  const cells: string[] = from > 1 ? ['…'] : [];
  for (let i = from; i <= to; i++) cells.push(`${terms[i - 1]}${i > commit ? '~' : ''}${i === marked ? '!' : ''}`);
  return cells.join(' ');
}

function tail(s: RaftServer): string {
  const last = lastIndex(s.disk.log);
  return last === 0 ? '' : logCells(s.disk.log.terms, Math.max(1, last - LOG_TAIL + 1), last, s.v.commitIndex);
}

/** Stage options of a run whose engine ticks `ticksPerMs` per ms. */
export function stageOptions(ticksPerMs: number): StageOptions<RaftMsg> {
  return {
    describe: messageDescriber,
    probe: {
      fields: CARD_FIELDS,
      read(node, field) {
        const s = node.actor as unknown as RaftServer;
        switch (field) {
          case 0: return roleOf(s);
          case 1: return s.term;
          case 2: return s.disk.votedFor >= 0 ? `s${s.disk.votedFor}` : '–';
          case 3: {
            const deadline = s.electionDeadlineLocal;
            return deadline === Infinity ? 0 : (node.now() + deadline - node.localNow()) / ticksPerMs;
          }
          case 4: return tail(s);
          default: return `${s.v.commitIndex}/${lastIndex(s.disk.log)}`;
        }
      },
    },
  };
}

/**
 * A violation on the cards: at the step it happened, every server it names shows the log around the entry
 * it names (marked '!'), so the stage stopped there points at the entries involved.
 */
export function markViolation(sim: Simulation<RaftMsg>, f: Finding): void {
  const log = sim.stageLog;
  if (!log) return;
  for (const server of f.servers) {
    const node = sim.node(server);
    const s = node.actor as RaftServer | undefined;
    const entry = f.entries.find((e) => e.server === server) ?? f.entries[0];
    if (!s || !entry) continue;
    const last = lastIndex(s.disk.log);
    const to = Math.min(last, Math.max(entry.index + 1, LOG_TAIL));
    const from = Math.max(1, to - LOG_TAIL + 1);
    log.field(sim.now, server, 'log', logCells(s.disk.log.terms, from, to, s.v.commitIndex, entry.index <= last ? entry.index : 0));
  }
}

/** The run's stage: servers s0.., no clients drawn (commands arrive from outside), times in ms. */
export function stageOf(sim: Simulation<RaftMsg>, ticksPerMs: number): StageData {
  return buildStage({
    trace: sim.trace.columns(),
    log: sim.stageLog?.columns(),
    ticksPerUnit: ticksPerMs,
    timeUnit: 'ms',
    horizon: sim.now / ticksPerMs,
    nodeNames: Array.from({ length: sim.nodeCount }, (_, i) => `s${i}`),
    clients: { names: [], home: [] },
  });
}
