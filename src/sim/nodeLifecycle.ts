/**
 * A node's run state and the four verbs that change it: the one state machine the engine runs (./faults.ts)
 * and a fault menu reads to grey out what would change nothing (./faultTable.ts `isNoOp`).
 *
 *   verb      up        paused                             crashed
 *   crash     crashed   crashed (what it held is dropped)  no-op
 *   recover   no-op     no-op                              up (incarnation + 1, a new actor)
 *   pause     paused    no-op                              no-op
 *   resume    no-op     up (handles what it held)          no-op
 *
 * A no-op is ignored and not traced, so a hand-edited script (recover an up node, resume twice) never
 * breaks a run, and a menu greys out exactly the items the engine would ignore. Recover of a paused node
 * is a no-op, not a resume: a paused process never died, so there is nothing to restart.
 */

/** Run state of a node: up, crashed (state lost, messages discarded), paused (holds everything). */
export const NodeStatus = { up: 0, crashed: 1, paused: 2 } as const;
export type NodeStatusCode = (typeof NodeStatus)[keyof typeof NodeStatus];

export type NodeVerb = 'crash' | 'recover' | 'pause' | 'resume';

/** NEXT[verb][status]: the status the verb leads to, or -1 when it changes nothing. */
const NEXT: Readonly<Record<NodeVerb, readonly [up: number, crashed: number, paused: number]>> = {
  crash: [NodeStatus.crashed, -1, NodeStatus.crashed],
  recover: [-1, NodeStatus.up, -1],
  pause: [NodeStatus.paused, -1, -1],
  resume: [-1, -1, NodeStatus.up],
};

/** The status `verb` leads to from `status`, or undefined when it is a no-op there. */
export function nodeTransition(status: NodeStatusCode, verb: NodeVerb): NodeStatusCode | undefined {
  const next = NEXT[verb][status];
  return next < 0 ? undefined : (next as NodeStatusCode);
}
