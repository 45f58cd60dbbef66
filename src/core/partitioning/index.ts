export { balance, countByOwner, movedCount, type Balance } from './balance';
export { liveNodes, modNOwners } from './modN';
export { autoSplitRanges, nodesTouched, rangeEnd, rangeJoin, rangeLeave, rangeOf, rangeOwners, splitRange, type RangeTable } from './range';
export { directoryJoin, directoryLeave, directoryTable } from './directory';
export { ringOf, ringOwners, ringOwnersSorted } from './consistent';
