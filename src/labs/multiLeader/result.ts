/**
 * What the multi-leader program returns (types and codes only, so the Panel imports it without the
 * program). The same workload and faults run twice, once per resolution; `runs[0]` is last-writer-wins
 * and `runs[1]` siblings. Operation i is the same client call (kind, key, region, call time) in both runs;
 * only what reads returned, and so what clients wrote back as context, differs.
 *
 * Vocabulary:
 *   - time: simulated milliseconds (the scenario's unit); the engine ticks in microseconds.
 *   - value: the integer a write wrote (its operation index + 1); a read returns the values it found,
 *     several when the key has siblings.
 *   - conflict: two writes to one key, neither of whose writers had seen the other's, met at a leader.
 *   - fate of an acknowledged write after the run: kept (still stored), superseded (replaced by a write
 *     whose client had read it), or lost (gone, and no surviving write's client had read it).
 */
import type { CheckResult } from '../../core/checkers';
import type { StageData } from '../../core/stage/types';
import type { HistoryColumns } from '../../sim/kit/codes';
import type { LabResult, PackedOperations } from '../contract';

/** ops.kind (OpKind) and ops.status (OpStatus, as the client saw it): the codes every client history uses. */
export { OpKind, RequestStatus as OpStatus } from '../../sim/kit/codes';

/** How concurrent writes are resolved: by the highest (timestamp, region), or kept as siblings. */
export const RESOLUTIONS = ['lww', 'siblings'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** ops.fate (writes only). */
export const Fate = { none: 0, kept: 1, superseded: 2, lost: 3, unknown: 4 } as const;
export const FATE_NAMES = ['', 'kept', 'superseded', 'lost', 'unknown'] as const;

/** Per operation (history index): the shared columns (kind, process, callMs, retMs, status), and: */
export interface OpColumns extends HistoryColumns {
  region: Uint8Array;
  key: Uint8Array;
  /** Write: the value written. Read: the smallest value returned, 0 for none (nil), -1 when it failed. */
  value: Int32Array;
  /** Read: how many values it returned (2 or more: siblings). */
  returned: Uint8Array;
  /** Write: Fate code. */
  fate: Uint8Array;
  /** Write: the writing leader's clock reading when it stored the write, ms (NaN for reads). */
  tsMs: Float64Array;
}

/** Conflicts: pairs of concurrent writes to one key, in the order leaders met them. */
export interface ConflictColumns {
  key: Uint8Array;
  /** The region whose leader met the pair first. */
  region: Uint8Array;
  tMs: Float64Array;
  /** The two writes (operation indices): the one the leader held, and the one arriving. */
  a: Uint32Array;
  b: Uint32Array;
  /** The one of the two with the higher (timestamp, region): what last-writer-wins keeps of the pair. */
  lwwKeeps: Uint32Array;
}

/** Acknowledged writes lost: the write, and the write that finally holds its key. */
export interface LostColumns {
  op: Uint32Array;
  key: Uint8Array;
  /**
   * The write it lost to (an operation index): the one whose higher timestamp dropped it, or dropped the
   * later write that had read it (following `hops` such later writes).
   */
  winner: Uint32Array;
  /** Later writes that had read it before its line was dropped (0: it was dropped itself). */
  hops: Uint16Array;
  /**
   * 1 when the dropped write (it, or the last of its line) had read that winner: it lost although it came
   * causally after, which only a clock behind can do.
   */
  isAfterWinner: Uint8Array;
}

/** Each write's trip to each other region: one row per (write, other region). */
export interface ReplicationColumns {
  op: Uint32Array;
  from: Uint8Array;
  to: Uint8Array;
  writtenMs: Float64Array;
  /** When the region's leader applied it; NaN when it never did within the run. */
  appliedMs: Float64Array;
}

export interface RunResult {
  resolution: Resolution;
  metrics: Record<string, number>;
  ops: OpColumns;
  conflicts: ConflictColumns;
  lost: LostColumns;
  replication: ReplicationColumns;
  /**
   * Each write's dot as text ("r1#3": the third write through region 1's leader) and its context, the
   * version vector of what its client had read ("[2,1]": region 0's writes up to its 2nd, region 1's up
   * to its 1st), by operation index; '' for reads and for writes that never reached a leader.
   */
  writeDots: string[];
  writeContexts: string[];
  /** finalValues[region][key]: the values the leader holds at the end, sorted, '|'-joined ('' = none). */
  finalValues: string[][];
  /** Every region holds the same state of every key at the end. */
  isConverged: boolean;
  /** Linearizability verdict of the client history (key-value model, partitioned by key). */
  check: CheckResult;
  /** The client history in ms (what `check` judged), offered as a download. */
  historyMs: PackedOperations;
  traceHash: string;
  /**
   * What the stage draws (the program's runs; the tests' runs skip it): leaders r0.. with their cards
   * (applied, pending per peer, k0, conflicts and the conflict badge), clients, batches and acks in
   * flight, and each conflict a leader met as a sentence of the narration. The messages are the same in
   * both runs (replication never depends on the resolution); the cards and conflicts are the run's own.
   */
  stage?: StageData;
  /** Set when the run hit an engine limit. */
  stoppedAtLimit?: string;
}

export interface MultiLeaderResult extends LabResult {
  lab: 'multi-leader';
  regions: number;
  keys: number;
  /** [last-writer-wins, siblings]. */
  runs: [RunResult, RunResult];
}
