/**
 * A tiny protocol for tests and examples: every node, every `periodTicks` of its local clock, pings one
 * peer picked from its own random stream (or all peers with `fanout: 'all'`); a ping is answered by a
 * pong. After `rounds` rounds a node stops setting timers, so a fault-free run ends on its own.
 *
 * Every handled event is appended to `log` with the node's local clock, so tests can check what a node
 * handled, when, and what its clock read.
 */
import type { Protocol } from '../actor';

export interface EchoMessage {
  kind: 'ping' | 'pong';
  round: number;
}

export interface Handled {
  /** True time (ticks). */
  t: number;
  /** The node's local clock at that moment. */
  local: number;
  node: number;
  what: 'ping' | 'pong' | 'timer' | 'start';
  /** Sender for messages, -1 otherwise. */
  from: number;
}

export interface EchoOptions {
  /** Local ticks between rounds (integer >= 1). Default 100. */
  periodTicks?: number;
  /** Rounds each node runs. Default 10. */
  rounds?: number;
  /** Ping one random peer per round (default) or every peer. */
  fanout?: 'one' | 'all';
  /** Receives every handled event (shared by all nodes). */
  log?: Handled[];
}

export function echo(options: EchoOptions = {}): Protocol<EchoMessage> {
  const period = options.periodTicks ?? 100;
  const rounds = options.rounds ?? 10;
  const log = options.log;
  return (ctx) => {
    let round = 0;
    const handled = (what: Handled['what'], from: number) =>
      log?.push({ t: ctx.now(), local: ctx.localNow(), node: ctx.id, what, from });
    return {
      onStart() {
        handled('start', -1);
        ctx.setTimer(period, 1);
      },
      onTimer() {
        handled('timer', -1);
        round++;
        if (ctx.nodeCount > 1) {
          if (options.fanout === 'all') ctx.broadcast({ kind: 'ping', round });
          else {
            const peer = (ctx.id + 1 + ctx.rng.int(ctx.nodeCount - 1)) % ctx.nodeCount;
            ctx.send(peer, { kind: 'ping', round });
          }
        }
        if (round < rounds) ctx.setTimer(period, 1);
      },
      onMessage(from, msg) {
        handled(msg.kind, from);
        if (msg.kind === 'ping') ctx.send(from, { kind: 'pong', round: msg.round });
      },
    };
  };
}
