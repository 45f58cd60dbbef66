/**
 * The narration's words for a CAP run's client rows (the templates in src/viz/narration word the rest:
 * sends, deliveries, the cut blocking a message, faults). The trace names a client row by its process and
 * operation; these say who asked which node for what, and how it ended:
 *
 *   c3 asks n3 to read                       n3 answers c3's read: 12@3
 *   c0 asks n0 to write 15                   n0 acknowledges c0's write: 15@4
 *   n3 refuses c3's read: no quorum          n2 is down: c2's read is refused
 *   n2 crashed: c2 gets no answer to its read (asked before the crash)
 *   n3 gives up on c1's write 20: too few acks (it may still take effect)
 */
import { isInside } from '../../../core/stage/query';
import { Kind, type RowWords } from '../../../viz/narration/sentences';
import { OpKind, versionText, type CapStage } from '../result';

export function capWords({ stage, requests }: CapStage): RowWords {
  const ev = stage.events;
  return (row) => {
    const kind = ev.kind[row];
    if (kind !== Kind.invoke && kind !== Kind.ok && kind !== Kind.fail && kind !== Kind.timeout) return undefined;
    const op = ev.payload[row];
    const client = `c${requests.client[op]}`;
    const node = requests.coordinator[op];
    const name = stage.nodeNames[node];
    const isRead = requests.kind[op] === OpKind.read;
    const version = versionText(requests.version[op]);
    if (kind === Kind.invoke) return isRead ? `${client} asks ${name} to read` : `${client} asks ${name} to write ${op + 1}`;
    if (kind === Kind.ok) {
      return isRead ? `${name} answers ${client}'s read: ${version}` : `${name} acknowledges ${client}'s write: ${version}`;
    }
    const what = isRead ? 'read' : `write ${op + 1}`;
    const [asked, now] = [requests.callMs[op], ev.time[row]];
    if (isInside(stage.crashes, node, asked)) return `${name} is down: ${client}'s ${what} is refused`;
    if (isInside(stage.crashes, node, now)) return `${name} crashed: ${client} gets no answer to its ${what}`;
    if (isInside(stage.pauses, node, asked) || isInside(stage.pauses, node, now)) return `${name} is paused: ${client} gives up on its ${what}`;
    if (kind === Kind.timeout) return `${name} gives up on ${client}'s ${what}: too few acks (it may still take effect)`;
    return `${name} refuses ${client}'s ${what}: no quorum`;
  };
}
