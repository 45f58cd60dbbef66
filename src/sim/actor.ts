/**
 * What a protocol provides: a factory that builds one node's actor from its context. The engine calls it
 * at the start for every node (in id order) and again when a crashed node recovers, so everything the
 * actor keeps in its own fields is volatile and lost in a crash; what must survive goes in `ctx.storage`
 * (the node's "disk"), as Raft's term, vote and log do.
 */
import type { NodeContext } from './nodeContext';

export interface Actor<M> {
  /** Called once the node runs: at the start of the first run, and after each recover. */
  onStart?(): void;
  /** A message from node `from` arrived and the node is running. */
  onMessage(from: number, msg: M): void;
  /** A timer set with `ctx.setTimer(delay, tag)` fired (`handle` is what setTimer returned). */
  onTimer?(tag: number, handle: number): void;
}

export type Protocol<M> = (ctx: NodeContext<M>) => Actor<M>;
