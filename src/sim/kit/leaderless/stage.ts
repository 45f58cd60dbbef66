/**
 * What the stage (src/viz/stage) shows of a leaderless store run: each message's kind and label, each
 * node's card (replica or fallback, the value@version it stores, the hints it holds), recorded outside the
 * trace (a run's hash is the same with or without it). Values are unique per write and a write's version is
 * (counter, writer = its value), so "12@3" names both: value 12, written with counter 3.
 *
 *   read? / version?    a read's query, a write's first round      reply 12@3   a replica's answer
 *   store 12@3          a write's second round                      ack          a stored copy
 *   write-back 12@3     ABD: a read stores what it chose            repair 12@3  read repair, after answering
 *   hint 12@3 for n0    a fallback keeps it for n0                  handoff 12@3 the fallback hands it over
 *   late reply 12@3     a reply (or `late ack`) that reached its coordinator after the round had its quorum
 *
 * A reply's lateness is known only when it arrives, so the labels of late replies are rewritten after the
 * run, from the recorder (which reply counted) and the contact each reply answered (noted as the engine
 * describes each send: the stage log calls `kind` once per message, in message-id order).
 */
import type { RegisterOp } from '../history';
import { showValueAt, writerOf } from '../../../core/quorum';
import type { StageData } from '../../../core/stage/types';
import type { NodeContext } from '../../nodeContext';
import { buildStage } from '../../stage/buildStage';
import { requestRemarks } from '../clientRequest';
import type { StageLogColumns, StageOptions } from '../../stageLog';
import { TraceKind } from '../../traceKind';
import { TICKS_PER_MS } from '../time';
import { Phase } from './codes';
import type { Msg } from './messages';
import type { QuorumNode } from './node';
import type { StoreRecorder } from './recorder';
import type { StoreRun } from './store';

/** Kinds in a fixed order, so each keeps its colour and shape in every run (requests filled, replies hollow). */
export const MESSAGE_KINDS = ['query', 'store', 'write-back', 'repair', 'reply', 'ack', 'hint', 'late reply'] as const;
export const CARD_FIELDS = ['role', 'stored', 'hints'] as const;
const LATE = MESSAGE_KINDS.indexOf('late reply');
/** A put's kind and label word by its contact's phase (a query is never a put). */
const PUT_WORDS: Record<number, string> = { [Phase.store]: 'store', [Phase.writeBack]: 'write-back', [Phase.repair]: 'repair' };

const valueAt = showValueAt;

/** The hints a fallback holds, as its card shows them: '' (none), "n0 12@3", "2: n0 n1". */
export function hintsText(hints: readonly (readonly [number, number])[]): string {
  if (hints.length === 0) return '';
  // A hint's version is (counter, writer) and the writer is the value written: value@counter again.
  if (hints.length === 1) return `n${hints[0][0]} ${valueAt(writerOf(hints[0][1]), hints[0][1])}`;
  return `${hints.length}: ${hints.map(([replica]) => `n${replica}`).join(' ')}`;
}

export class StoreStage {
  /** Per message id: the contact a reply answers (-1: not a reply to a request). */
  private readonly replyOf: number[] = [];
  private readonly storedVersion: number[] = [];
  private readonly storedText: string[] = [];
  private rec: StoreRecorder | undefined;
  private history: () => readonly RegisterOp[] = () => [];

  /** `n`: the replicas (nodes 0..n-1); the others are fallbacks. One StoreStage per run. */
  constructor(private readonly n: number) {}

  /** The engine's stage options for a run with this recorder and history: pass it as runStore's `stage`. */
  readonly options = (rec: StoreRecorder, history: () => readonly RegisterOp[]): StageOptions<Msg> => {
    this.rec = rec;
    this.history = history;
    return {
      describe: { kind: (m) => this.kindOf(m), label: (m) => this.labelOf(m), kinds: MESSAGE_KINDS },
      probe: { fields: CARD_FIELDS, read: (node, field) => this.card(node, field) },
    };
  };

  /** The run's stage: nodes n0.., clients c0.. beside node c mod nodes, times in ms, late replies relabelled. */
  build(run: StoreRun, clients: number): StageData {
    const { sim } = run;
    const nodes = sim.nodeCount;
    const log = sim.stageLog!.columns();
    this.relabelLate(log, run.rec);
    const stage = buildStage({
      trace: sim.trace.columns(),
      log,
      ticksPerUnit: TICKS_PER_MS,
      timeUnit: 'ms',
      horizon: sim.now / TICKS_PER_MS,
      nodeNames: Array.from({ length: nodes }, (_, i) => `n${i}`),
      clients: { names: Array.from({ length: clients }, (_, c) => `c${c}`), home: Array.from({ length: clients }, (_, c) => c % nodes) },
      remarks: requestRemarks(run.requests, (op) => run.history[op].input, (c) => c % nodes),
    });
    // Timers (deadlines, fallbacks, handoff retries) show through what they cause; their tags mean nothing to a reader.
    // Requests' script rows are told by their remarks (../clientRequest.ts).
    stage.narrated = stage.narrated.filter((row) => stage.events.kind[row] !== TraceKind.timer && stage.events.kind[row] !== TraceKind.script);
    return stage;
  }

  private kindOf(m: Msg): string {
    this.replyOf.push(m.k === 'got' || m.k === 'ack' ? m.c : -1);
    switch (m.k) {
      case 'get': return 'query';
      case 'got': return 'reply';
      case 'ack': return 'ack';
      default:
        if (m.op < 0 || m.hintFor >= 0) return 'hint';
        return PUT_WORDS[this.rec!.phaseOf(m.c)] ?? 'store';
    }
  }

  private labelOf(m: Msg): string {
    switch (m.k) {
      case 'get': {
        const ask = this.history()[m.op]?.input.f === 'write' ? 'version?' : 'read?';
        return m.hintFor >= 0 ? `${ask} for n${m.hintFor}` : ask;
      }
      case 'got': return `reply ${valueAt(m.value, m.version)}`;
      case 'ack': return 'ack';
      default: {
        const what = valueAt(m.value, m.version);
        if (m.op < 0) return `handoff ${what}`;
        if (m.hintFor >= 0) return `hint ${what} for n${m.hintFor}`;
        return `${PUT_WORDS[this.rec!.phaseOf(m.c)] ?? 'store'} ${what}`;
      }
    }
  }

  /** The probe runs after every event of every node: the stored text is rebuilt only when the version moves. */
  private card(node: NodeContext<Msg>, field: number): string {
    const isReplica = node.id < this.n;
    if (field === 0) return isReplica ? 'replica' : 'fallback';
    // Only fallbacks (nodes n..) hold a hint, and only replicas a copy of the key.
    if (field === 2) return isReplica ? '' : hintsText((node.actor as unknown as QuorumNode).hints());
    if (!isReplica) return '';
    const actor = node.actor as unknown as QuorumNode;
    if (this.storedVersion[node.id] !== actor.version) {
      this.storedVersion[node.id] = actor.version;
      this.storedText[node.id] = valueAt(actor.value, actor.version);
    }
    return this.storedText[node.id];
  }

  /** Replies that reached an open request without counting (its round already had its quorum): 'late ...'. */
  private relabelLate(log: StageLogColumns, rec: StoreRecorder): void {
    const labelIds = new Map<string, number>();
    const lateLabel = (label: number): number => {
      const text = `late ${log.labels[label]}`;
      let id = labelIds.get(text);
      if (id === undefined) {
        id = log.labels.length;
        log.labels.push(text);
        labelIds.set(text, id);
      }
      return id;
    };
    for (let id = 0; id < log.messageCount; id++) {
      const c = this.replyOf[id];
      if (c === undefined || c < 0 || !rec.isLate(c)) continue;
      log.messageKind[id] = LATE;
      log.messageLabel[id] = lateLabel(log.messageLabel[id]);
    }
  }
}
