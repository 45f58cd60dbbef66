/**
 * What the quorums program returns (types and codes only, so a Panel imports it without the program).
 * Per-request data is columnar (typed arrays the worker transfers): the quorum diagram of request i reads
 * `requests.*[i]` and its contacts `contacts.*[j]` for j in [requests.contactStart[i], contactStart[i+1]).
 * The store, its vocabulary (request, contact, version, value) and most columns are the replicated-system
 * kit's (src/sim/kit/leaderless/codes.ts); time is in simulated milliseconds.
 */
import type { CheckResult } from '../../core/checkers';
import type { StalenessReport } from '../../core/checkers';
import type { QuorumFacts } from '../../core/quorum';
import type { StageData } from '../../core/stage/types';
import type { LabResult } from '../contract';
import type { ContactColumns, HandoffColumns, StoreRequestColumns } from '../../sim/kit/leaderless/codes';

export type { ContactColumns, HandoffColumns };
/** requests.kind (OpKind) and requests.status (RequestStatus): the codes every client history uses. */
export { OpKind, RequestStatus } from '../../sim/kit/codes';
export { BUGS, COORDINATOR_CHOICES, Phase, PHASE_NAMES, type Bug, type CoordinatorChoice } from '../../sim/kit/leaderless/codes';

/** Per request: the store's columns (coordinator, value, version...) and where its contacts are. */
export interface RequestColumns extends StoreRequestColumns {
  /** Contacts of request i are [contactStart[i], contactStart[i + 1]); length = requests + 1. */
  contactStart: Uint32Array;
}

export interface QuorumsResult extends LabResult {
  lab: 'quorums';
  nodeCount: number;
  n: number;
  w: number;
  r: number;
  quorum: QuorumFacts;
  requests: RequestColumns;
  contacts: ContactColumns;
  handoffs: HandoffColumns;
  /** Linearizability verdict of the history (single register), with its explanation when violated. */
  check: CheckResult;
  /** k-staleness and t-visibility of the reads (ms). */
  staleness: StalenessReport;
  /** What each node stores at the end: version and value (-1 for nodes past N that hold no copy). */
  finalVersion: Int32Array;
  finalValue: Int32Array;
  /** What the stage draws: nodes (replicas, fallbacks), clients, messages in flight, cards (stored value@version, hints held). */
  stage: StageData;
}
