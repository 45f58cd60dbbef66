export { firstServers, isMember, isQuorum, isSingleChange, majorityOf, memberCount, membersOf } from './config';
export { ALARMS, FINDING_TITLES, INVARIANTS, entryProse, findingProse, isInvariant, type Alarm, type EntryRef, type Finding, type FindingKind, type Invariant, type StampedFinding } from './finding';
export { checkStates, type HistoryVerdict, type ServerState } from './history';
export {
  NOOP, appendEntry, configValue, copyLog, emptyLog, entryHash, hashAt, isConfigValue, lastIndex, lastTerm, latestConfig, logOf, termAt, truncateFrom, type RaftLog,
} from './log';
export { ROLE_NAMES, Role, adoptTerm, freshPersistent, freshVolatile, leaderIndexes, type PersistentState, type RoleCode, type VolatileState } from './persistent';
export { decidePreVote, decideVote, followerCommit, isUpToDate, leaderCommit, matchAppend, type AppendMatch, type CommitInput, type VoteReason, type VoteRequest, type Voter } from './rules';
export { ALARMS_MAX, SafetyMonitor } from './safety';
