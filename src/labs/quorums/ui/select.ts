/**
 * Pure selectors from a quorums result to what the Panel shows: the verdict in prose, the quorum facts in
 * a sentence, and one request's quorum (who was asked, who answered in time, what each returned, what was
 * chosen). Each reads one request's rows, never the whole run.
 */
import { resultProse } from '../../../core/checkers';
import { showValueAt } from '../../../core/quorum';
import type { HistoryColumns } from '../../../viz/historyTimeline';
import type { DiagramContact, DiagramNode, OverlapData, QuorumDiagramData } from '../../../viz/quorumDiagram';
import { OpKind, Phase, PHASE_NAMES, RequestStatus, type QuorumsResult } from '../result';

export interface ContactRow {
  node: string;
  phase: string;
  sentMs: number;
  /** null when no reply came before the request's deadline. */
  replyMs: number | null;
  returned: string;
  isCounted: boolean;
  isBehind: boolean;
  /** The preferred replica a sloppy-quorum fallback stood in for ('' for a preferred replica). */
  standsInFor: string;
}

export interface RequestView {
  index: number;
  title: string;
  outcome: string;
  isStale: boolean;
  rows: ContactRow[];
}

const STATUS_NAMES = ['pending', 'ok', 'failed', 'timed out'] as const;

export function verdictText(result: QuorumsResult): string {
  return resultProse(result.check);
}

export function quorumText(result: QuorumsResult): string {
  const { n, w, r, quorum } = result;
  const head = `N = ${n}, W = ${w}, R = ${r}: `;
  if (!quorum.isStrict) {
    return `${head}W + R = ${w + r} ≤ N, so a read set can miss every replica a write reached: stale reads are possible even without failures.`;
  }
  return `${head}W + R = ${w + r} > N, so every read set shares at least ${quorum.overlapMin} replica(s) with every write set. Writes survive ${quorum.writeFailuresTolerated} down replica(s), reads ${quorum.readFailuresTolerated}.`;
}

function valueText(value: number): string {
  return value === 0 ? 'nil' : String(value);
}

export function requestView(result: QuorumsResult, index: number): RequestView | undefined {
  const q = result.requests;
  if (index < 0 || index >= q.kind.length) return undefined;
  const isRead = q.kind[index] === OpKind.read;
  const status = q.status[index];
  const what = isRead ? 'read' : `write ${valueText(q.value[index])}`;
  const title = `Op ${index}: c${q.process[index]} ${what}${q.isRequest[index] ? ' (your request)' : ''} via n${q.coordinator[index]}`;
  let outcome: string = STATUS_NAMES[status] ?? 'unknown';
  if (status === RequestStatus.ok && isRead) {
    outcome = `ok: returned ${showValueAt(q.value[index], q.version[index])}`;
    if (q.isStale[index]) outcome += ` (stale: ${q.staleK[index]} completed write(s) behind)`;
  } else if (status === RequestStatus.ok) {
    outcome = `ok: stored as ${showValueAt(q.value[index], q.version[index])}`;
  }
  const c = result.contacts;
  const rows: ContactRow[] = [];
  for (let j = q.contactStart[index]; j < q.contactStart[index + 1]; j++) {
    const replied = !Number.isNaN(c.replyMs[j]);
    const isQuery = c.phase[j] === Phase.query;
    rows.push({
      node: `n${c.node[j]}`,
      phase: PHASE_NAMES[c.phase[j]],
      sentMs: c.sentMs[j],
      replyMs: replied ? c.replyMs[j] : null,
      returned: !replied ? 'no reply in time' : isQuery ? showValueAt(c.value[j], c.version[j]) : `ack of ${showValueAt(c.value[j], c.version[j])}`,
      isCounted: c.isCounted[j] === 1,
      isBehind: c.isBehind[j] === 1,
      standsInFor: c.hintFor[j] >= 0 ? `n${c.hintFor[j]}` : '',
    });
  }
  return { index, title, outcome, isStale: q.isStale[index] === 1, rows };
}

// --- The graphical views: the quorum diagram, the read/write overlap, the client-history timeline ---

/** Request i as the quorum diagram draws it; `timeoutMs` is the scenario's coordinator deadline. */
export function quorumDiagramData(result: QuorumsResult, index: number, timeoutMs: number): QuorumDiagramData | undefined {
  const view = requestView(result, index);
  if (!view) return undefined;
  const q = result.requests;
  const c = result.contacts;
  const contacts: DiagramContact[] = [];
  for (let j = q.contactStart[index]; j < q.contactStart[index + 1]; j++) {
    const replied = !Number.isNaN(c.replyMs[j]);
    contacts.push({
      node: c.node[j],
      phase: c.phase[j],
      sentMs: c.sentMs[j],
      replyMs: c.replyMs[j],
      label: !replied ? 'silent' : c.phase[j] === Phase.query ? showValueAt(c.value[j], c.version[j]) : 'ack',
      isCounted: c.isCounted[j] === 1,
      isBehind: c.isBehind[j] === 1,
      hintFor: c.hintFor[j],
    });
  }
  return {
    nodes: diagramNodes(result, q.coordinator[index]),
    phaseNames: PHASE_NAMES,
    callMs: q.callMs[index],
    retMs: q.retMs[index],
    deadlineMs: q.callMs[index] + timeoutMs,
    contacts,
    outcome: view.outcome,
    chosen: q.status[index] !== RequestStatus.ok ? '' : `${q.kind[index] === OpKind.read ? '' : 'stored '}${showValueAt(q.value[index], q.version[index])}`,
    isStale: view.isStale,
  };
}

function diagramNodes(result: QuorumsResult, coordinator: number): DiagramNode[] {
  return Array.from({ length: result.nodeCount }, (_, id) => ({
    id,
    label: `n${id}`,
    role: id < result.n ? ('replica' as const) : ('fallback' as const),
    isCoordinator: id === coordinator,
  }));
}

export interface OverlapView {
  data: OverlapData;
  /** The nodes in both sets. */
  both: number[];
  explanation: string;
}

/**
 * The read/write pair the overlap view draws for request i: a read and the latest write that completed
 * (ok) before it was called; a write and the first ok read called after it returned. Undefined (with a
 * reason) when there is no such pair.
 */
export function overlapPair(result: QuorumsResult, index: number): { read: number; write: number } | { reason: string } {
  const q = result.requests;
  const isOk = (i: number) => q.status[i] === RequestStatus.ok;
  if (q.kind[index] === OpKind.read) {
    if (!isOk(index)) return { reason: 'This read got no answer, so it has no read set.' };
    let write = -1;
    for (let i = 0; i < q.kind.length; i++) {
      if (q.kind[i] === OpKind.write && isOk(i) && q.retMs[i] < q.callMs[index] && (write < 0 || q.retMs[i] > q.retMs[write])) write = i;
    }
    return write < 0 ? { reason: 'No write completed before this read was called: it should return nil or a concurrent write.' } : { read: index, write };
  }
  if (!isOk(index)) return { reason: 'This write was not acknowledged, so it has no write set the clients rely on.' };
  let read = -1;
  for (let i = 0; i < q.kind.length; i++) {
    if (q.kind[i] === OpKind.read && isOk(i) && q.callMs[i] > q.retMs[index] && (read < 0 || q.callMs[i] < q.callMs[read])) read = i;
  }
  return read < 0 ? { reason: 'No read was called after this write returned.' } : { read, write: index };
}

const names = (ids: readonly number[]) => ids.map((id) => `n${id}`).join(', ');

export function overlapView(result: QuorumsResult, index: number): OverlapView | { reason: string } {
  const pair = overlapPair(result, index);
  if ('reason' in pair) return pair;
  const { read, write } = pair;
  const q = result.requests;
  const c = result.contacts;
  const readSet: number[] = [];
  const writeSet: number[] = [];
  const stoodIn: string[] = [];
  const silent: number[] = [];
  for (let j = q.contactStart[read]; j < q.contactStart[read + 1]; j++) {
    if (c.phase[j] === Phase.query && c.hintFor[j] < 0 && Number.isNaN(c.replyMs[j])) silent.push(c.node[j]);
    if (c.phase[j] !== Phase.query || c.isCounted[j] !== 1) continue;
    readSet.push(c.node[j]);
    if (c.hintFor[j] >= 0) stoodIn.push(`n${c.node[j]} for n${c.hintFor[j]}`);
  }
  for (let j = q.contactStart[write]; j < q.contactStart[write + 1]; j++) {
    // The write set is what the client was promised: acks that counted and came before the write's answer.
    if (c.phase[j] !== Phase.store || c.isCounted[j] !== 1 || !(c.replyMs[j] <= q.retMs[write])) continue;
    writeSet.push(c.node[j]);
    if (c.hintFor[j] >= 0) stoodIn.push(`n${c.node[j]} for n${c.hintFor[j]}`);
  }
  readSet.sort((a, b) => a - b);
  writeSet.sort((a, b) => a - b);
  const both = readSet.filter((id) => writeSet.includes(id));
  const readName = `read op ${read}`;
  const writeName = writeNameOf(result, write);
  const data: OverlapData = { nodes: diagramNodes(result, -1), readSet, writeSet, readName, writeName };
  return { data, both, explanation: overlapExplanation(result, read, write, { readSet, writeSet, both, stoodIn, silent }) };
}

interface OverlapSets {
  readSet: number[];
  writeSet: number[];
  both: number[];
  /** Fallbacks that stood in, "n3 for n0". */
  stoodIn: string[];
  /** Preferred replicas that gave the read no reply in time. */
  silent: number[];
}

function overlapExplanation(result: QuorumsResult, read: number, write: number, sets: OverlapSets): string {
  const { readSet, writeSet, both, stoodIn, silent } = sets;
  const { n, w, r } = result;
  const q = result.requests;
  const head = `${readTitle(read)} counted replies from ${names(readSet) || 'no node'}; ${writeNameOf(result, write)} counted acks from ${names(writeSet) || 'no node'} before it returned.`;
  const sawIt = q.version[read] >= q.version[write];
  const at = (op: number) => showValueAt(q.value[op], q.version[op]);
  if (both.length > 0) {
    const tail = sawIt
      ? ` They meet at ${names(both)}, so the read saw ${at(write)} or newer (it returned ${at(read)}).`
      : ` They meet at ${names(both)}, yet the read returned the older ${at(read)}: the coordinator did not choose the highest version among its replies.`;
    return head + tail;
  }
  const why: string[] = [];
  if (w + r <= n) why.push(`W + R = ${w + r} ≤ N = ${n}, so the sets need not share a replica`);
  if (stoodIn.length > 0) {
    const cause = silent.length > 0 ? `${names(silent)} did not answer the read in time (a crash, a pause or a partition), and ` : '';
    why.push(`${cause}sloppy-quorum fallbacks stood in (${stoodIn.join('; ')}), so the sets were drawn from more than the N replicas and W + R > N no longer forces them to meet`);
  }
  if (writeSet.length < w) why.push(`the write's client was told ok after ${writeSet.length} ack(s), fewer than W = ${w}: a broken coordinator`);
  if (readSet.length < r) why.push(`the read counted ${readSet.length} repl${readSet.length === 1 ? 'y' : 'ies'}, fewer than R = ${r}`);
  if (why.length === 0) why.push('no rule above explains it');
  return `${head} They do not meet: ${why.join('; and ')}.${sawIt ? '' : ` The read returned ${at(read)}, older than the write's ${at(write)}.`}`;
}

function readTitle(read: number): string {
  return `Read op ${read}`;
}

function writeNameOf(result: QuorumsResult, write: number): string {
  return `write ${valueText(result.requests.value[write])} (op ${write})`;
}

/** The history as the generic timeline's columns (the lab's codes are the timeline's: read 0, write 1). */
export function timelineColumns(result: QuorumsResult): HistoryColumns {
  const q = result.requests;
  return { process: q.process, call: q.callMs, ret: q.retMs, kind: q.kind, status: q.status, flags: q.isStale };
}

export const KIND_NAMES = ['read', 'write'] as const;

/** One line about request i for the timeline's tooltip and selection line. */
export function describeRequest(result: QuorumsResult, index: number): string {
  const q = result.requests;
  if (index < 0 || index >= q.kind.length) return '';
  const what = q.kind[index] === OpKind.read ? 'read' : `write ${valueText(q.value[index])}`;
  const ret = Number.isNaN(q.retMs[index]) ? 'no answer' : `${q.retMs[index].toFixed(1)} ms`;
  const yours = q.isRequest[index] ? ' (your request)' : '';
  return `c${q.process[index]} ${what}${yours} via n${q.coordinator[index]}, ${q.callMs[index].toFixed(1)} ms → ${ret}: ${requestView(result, index)!.outcome}`;
}

/** Query replies from a replica older than the version its request chose (what read repair reduces). */
export function behindReplies(result: QuorumsResult): number {
  let count = 0;
  for (const b of result.contacts.isBehind) count += b;
  return count;
}
