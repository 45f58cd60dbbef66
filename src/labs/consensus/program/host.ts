/**
 * What a Raft server is configured with, and what it reports as it changes (the observer, ./observer.ts,
 * implements the reports: it feeds the safety monitor and records the result's columns). A server calls
 * a report right after the change it names, except `truncating`, called before the entries go.
 */
import type { RoleCode } from '../../../core/raft/persistent';
import type { BrokenVariant } from '../result';

export interface ServerOptions {
  /** Engine nodes (servers that may ever take part). */
  nodes: number;
  electionTicksMin: number;
  electionTicksMax: number;
  heartbeatTicks: number;
  preVote: boolean;
  checkQuorum: boolean;
  broken: BrokenVariant;
  /** Most entries one AppendEntries carries. */
  batchMax: number;
}
/** Heartbeat rounds a joining server gets to catch up before the leader gives up on adding it. */
export const CATCH_UP_ROUNDS_MAX = 20;

export interface ServerHost {
  role(server: number, role: RoleCode, term: number): void;
  term(server: number, term: number): void;
  vote(server: number, term: number, candidate: number): void;
  appended(server: number, index: number, isLeader: boolean): void;
  truncating(server: number, from: number, isLeader: boolean): void;
  committed(server: number, from: number, to: number, term: number, isLeader: boolean): void;
  applied(server: number, index: number, value: number): void;
  config(server: number, mask: number): void;
  /** The server accepted AppendEntries from the leader of `term` (a new leader reports its own term). */
  heard(server: number, term: number): void;
  /** A leader gave up adding `node`: it did not catch up. */
  catchUpFailed(server: number, node: number): void;
}
