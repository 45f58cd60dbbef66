export {
  ZERO, compare, covers, dominates, entry, formatVector, increment, isConcurrent, merge, versionVector, withEntry,
  type Order, type VersionVector,
} from './versionVector';
export { clockOf, contextOf, dropped, put, supersedes, sync, type Dot, type Siblings, type Version } from './siblings';
export { HLC_ZERO, hlcCompare, hlcLocal, hlcReceive, type Hlc } from './hlc';
