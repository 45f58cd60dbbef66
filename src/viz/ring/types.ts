/**
 * The ring renderers' own input types: plain typed arrays, nothing from the lab. A lab's selectors adapt
 * its result to these.
 */
import type { VizStyle } from '../shared/palette';

/** The vnodes on the ring. */
export interface RingPoints {
  /** Hash positions of the vnodes, 0..2^32-1, sorted ascending. */
  positions: Uint32Array;
  /** Owner (node) index of each vnode, same length as positions. */
  owners: ArrayLike<number>;
  /** Index of each vnode within its node (0..vnodes-1), for tooltips. Optional. */
  replicaIndexes?: ArrayLike<number>;
}

/** Keys placed on the ring. */
export interface RingKeys {
  /** Hash positions of the keys, 0..2^32-1 (any order). */
  positions: Uint32Array;
  /** Current owner index of each key. */
  owners: ArrayLike<number>;
  /** Owner index before the last change; a key whose previous owner differs has moved. Optional. */
  previousOwners?: ArrayLike<number>;
  /** Key names for tooltips. Optional; rendered as text only. */
  labels?: readonly string[];
}

/** A key lookup to draw: the clockwise walk from the key's hash to its owner and replicas. */
export interface RingLookup {
  /** The key's hash position. */
  position: number;
  /** Vnode indexes (into RingPoints) where the walk picks each replica, owner first. */
  vnodes: readonly number[];
  /** The key as typed, for the label. */
  label: string;
}

/** One moved key's hand-over, in hash units measured clockwise from the key's own position. */
export interface MoveTrack {
  /** The key's index in RingKeys. */
  key: number;
  position: number;
  fromOwner: number;
  toOwner: number;
  /** Clockwise distance from the key to its old owner's vnode (in the previous ring). */
  fromOffset: number;
  /** Clockwise distance from the key to its new owner's vnode. */
  toOffset: number;
}

/** What both ring renderers (RingSvg, RingCanvas) take besides their data. */
export interface RingViewProps {
  /** Moved keys' hand-overs (sampled on the canvas) and the tween progress in [0, 1] (1, or reduced motion: the final state). */
  tracks?: readonly MoveTrack[];
  progress?: number;
  /** Node names by owner index; rendered as text only. */
  nodeLabels: readonly string[];
  style: VizStyle;
  selectedNode?: number;
  onSelectNode?: (owner: number) => void;
  /** Accessible name of the diagram: say what it shows. */
  label: string;
  /** Fixed size in CSS pixels; default: the container's size. */
  width?: number;
  height?: number;
}
