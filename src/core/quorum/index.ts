export { overlap, quorumFacts, type QuorumFacts } from './quorum';
export { COUNTER_MAX, INITIAL_VERSION, WRITERS, counterOf, hashedVersion, nextVersion, showValueAt, showVersion, version, writerOf } from './version';
