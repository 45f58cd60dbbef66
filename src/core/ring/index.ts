export {
  NODE_INDEX_MAX,
  distinctOwners,
  ownedArcs,
  ownedShare,
  pointIndexes,
  updateOwnedArcs,
  ownerOf,
  pointOf,
  replicaSet,
  replicaWalk,
  ringFromNodes,
  ringFromPoints,
  ringFromSorted,
  ringWithNode,
  successor,
  vnodePositions,
  type ReplicaWalk,
  type Ring,
} from './ring';
export { KEYS_MAX, keyHashes, keyName, lowerBound, sortKeys, upperBound, type SortedKeys } from './keys';
export { Assignment, type Moves } from './assignment';
export { ColumnVersion } from './versions';
export { modNMoved, modNOwner } from './modN';
export { RADIX_MIN, orderByValue, radixSortPairs } from './radix';
export { spliceRows } from './splice';
