/**
 * Pure selectors from a quorums result to what the Panel shows: the verdict in prose, the quorum facts in
 * a sentence, and one request's quorum (who was asked, who answered in time, what each returned, what was
 * chosen). Each reads one request's rows, never the whole run.
 */
import { resultProse } from '../../core/checkers';
import { showVersion } from '../../core/quorum';
import { OpKind, Phase, PHASE_NAMES, RequestStatus, type QuorumsResult } from './result';

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

/** The request to show first: the first stale read, else the first read, else request 0. */
export function firstInterestingRequest(result: QuorumsResult): number {
  const { kind, isStale } = result.requests;
  const stale = isStale.indexOf(1);
  if (stale >= 0) return stale;
  const read = kind.indexOf(OpKind.read);
  return read >= 0 ? read : 0;
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
  const title = `Request ${index + 1}: client ${q.process[index]} ${what} via n${q.coordinator[index]}`;
  let outcome: string = STATUS_NAMES[status] ?? 'unknown';
  if (status === RequestStatus.ok && isRead) {
    outcome = `ok: returned ${valueText(q.value[index])}, version ${showVersion(q.version[index])}`;
    if (q.isStale[index]) outcome += ` (stale: ${q.staleK[index]} completed write(s) behind)`;
  } else if (status === RequestStatus.ok) {
    outcome = `ok: stored as version ${showVersion(q.version[index])}`;
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
      returned: !replied ? 'no reply in time' : isQuery ? `${valueText(c.value[j])} ${showVersion(c.version[j])}` : `ack of ${showVersion(c.version[j])}`,
      isCounted: c.isCounted[j] === 1,
      isBehind: c.isBehind[j] === 1,
      standsInFor: c.hintFor[j] >= 0 ? `n${c.hintFor[j]}` : '',
    });
  }
  return { index, title, outcome, isStale: q.isStale[index] === 1, rows };
}
