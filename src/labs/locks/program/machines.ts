/**
 * The state machines the Raft log drives (./raft.ts): the lock service, the ID counter and the broadcast
 * register. Each applies committed entries in index order and answers the same on every server. A retried
 * command (same client and sequence number) that got into the log twice is answered again, not re-run
 * (clients keep their sequence numbers on disk, so a restarted client does not reuse one).
 *
 * The lock (one resource):
 *   acquire(c, ttl) at leader-stamped time T: granted when nobody holds it, the holder's lease ended
 *                   (T >= expiresAt) or c holds it already; holder = c, token = this entry's index,
 *                   expiresAt = T + ttl. Otherwise refused, naming the holder.
 *   release(c, tok) the lock is free again if c still holds it under token tok; else nothing.
 * No clock is read: T comes from the entry, so every server decides the same.
 */
import type { CmdResult } from './messages';
import type { EntryRecord, StateMachine } from './raft';

const NO_RESULT: CmdResult = { ok: true, value: 0, holder: -1 };

/** Replays of a (client, seq) answer what the first application answered. */
class Dedup {
  private readonly last = new Map<number, { seq: number; result: CmdResult }>();
  seen(client: number, seq: number): CmdResult | undefined {
    const l = this.last.get(client);
    return l !== undefined && l.seq >= seq ? { ...l.result, replay: true } : undefined;
  }
  remember(client: number, seq: number, result: CmdResult): CmdResult {
    this.last.set(client, { seq, result });
    return result;
  }
}

export class LockMachine implements StateMachine {
  holder = -1;
  token = 0;
  /** Leader-stamped ticks the lease ends. */
  expiresAt = 0;
  private readonly dedup = new Dedup();

  apply(index: number, e: EntryRecord): CmdResult {
    const cmd = e.cmd;
    if (cmd.op !== 'acquire' && cmd.op !== 'release') return NO_RESULT;
    const again = this.dedup.seen(cmd.client, cmd.seq);
    if (again) return again;
    if (cmd.op === 'acquire') {
      const isFree = this.holder < 0 || e.stampTicks >= this.expiresAt || this.holder === cmd.client;
      if (!isFree) return this.dedup.remember(cmd.client, cmd.seq, { ok: false, value: 0, holder: this.holder });
      this.holder = cmd.client;
      this.token = index;
      this.expiresAt = e.stampTicks + cmd.ttlTicks;
      return this.dedup.remember(cmd.client, cmd.seq, { ok: true, value: index, holder: cmd.client });
    }
    const isMine = this.holder === cmd.client && this.token === cmd.token;
    if (isMine) this.holder = -1;
    return this.dedup.remember(cmd.client, cmd.seq, { ok: isMine, value: cmd.token, holder: this.holder });
  }

  /** Holder at leader-stamped time `t` (-1: free or expired). */
  holderAt(t: number): number {
    return this.holder >= 0 && t < this.expiresAt ? this.holder : -1;
  }
}

/** IDs from the log: the index of the entry that asked. Unique and increasing by State Machine Safety. */
export class IdMachine implements StateMachine {
  last = 0;
  /** IDs handed out. */
  count = 0;
  private readonly dedup = new Dedup();
  apply(index: number, e: EntryRecord): CmdResult {
    const cmd = e.cmd;
    if (cmd.op !== 'nextId') return NO_RESULT;
    const again = this.dedup.seen(cmd.client, cmd.seq);
    if (again) return again;
    this.last = index;
    this.count++;
    return this.dedup.remember(cmd.client, cmd.seq, { ok: true, value: index, holder: -1 });
  }
}

/** Atomic broadcast: every `set` is delivered, in log order; x is the last value delivered. */
export class BroadcastMachine implements StateMachine {
  readonly delivered: number[] = [];
  private readonly dedup = new Dedup();
  apply(index: number, e: EntryRecord): CmdResult {
    const cmd = e.cmd;
    if (cmd.op !== 'set') return NO_RESULT;
    const again = this.dedup.seen(cmd.client, cmd.seq);
    if (again) return again;
    this.delivered.push(cmd.value);
    return this.dedup.remember(cmd.client, cmd.seq, { ok: true, value: index, holder: -1 });
  }
}
