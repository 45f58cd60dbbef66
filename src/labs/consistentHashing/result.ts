/**
 * What the consistent-hashing program returns (types only, so the Panel can import it without pulling the
 * program). Everything that grows with keys or ring points is a typed array the worker transfers; every
 * per-frame array has a fixed bound (nodes, bins, samples), so the main thread's work never grows with the
 * key count.
 *
 * Vocabulary:
 *   - hash space: unsigned 32-bit integers 0..2^32-1, drawn as a circle clockwise from the top
 *     (angle = position / 2^32 * 360 degrees).
 *   - node index: nodes are numbered 0, 1, 2... in order of appearance (the initial `nodes`, then each `add`
 *     event takes the next index); a node's name is `nodeNames[index]` ("n0", "n1"...). Indexes are never
 *     reused, so arrays "per node" have length `nodeNames.length` and include removed nodes (see `alive`).
 *   - key index: keys are named `key-${index}`, index 0..keys-1.
 */
import type { Balance } from '../../core/partitioning/balance';
import type { LabResult, ScenarioEvent } from '../contract';

/** Number of arc bins the ring is cut into for aggregated drawing (0.5 degree each). */
export const RING_BINS = 720;
/** At most this many keys: every key is in the result (positions, owners, moves). Above: a sample. */
export const KEYS_EXACT_MAX = 5000;
/** Largest sample of keys (shown keys, and moved keys per frame) when keys > KEYS_EXACT_MAX. */
export const KEY_SAMPLE_MAX = 2000;
/** At most this many ring points (vnodes over all nodes): every point is in the frame. Above: bins only. */
export const POINTS_EXACT_MAX = 5000;
/** vnodes values of the load sweep (those <= 1000). */
export const SWEEP_VNODES: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export interface ConsistentHashingResult extends LabResult {
  lab: 'consistent-hashing';
  /** Name of every node that ever existed, by node index ("n0", "n1", ...). */
  nodeNames: string[];
  /** Total number of keys (the scenario's `keys`). */
  keyCount: number;
  /** Replication factor R of the scenario (replica sets hold min(R, live nodes) nodes). */
  replicas: number;
  /**
   * The keys drawn as dots. When `exact` (keyCount <= KEYS_EXACT_MAX) these are all keys; otherwise the
   * first KEY_SAMPLE_MAX keys, which are a uniform sample of the hash space because key hashes are random.
   */
  shownKeys: {
    exact: boolean;
    /** Key index of each shown key (name `key-${index}`). */
    index: Uint32Array;
    /** Hash position of each shown key, 0..2^32-1. */
    position: Uint32Array;
  };
  /** Keys per arc bin over all keys (constant across frames: keys do not move on the circle). */
  binKeys: Uint32Array;
  /** One frame for the initial ring (t = 0), then one per event, in event order. */
  frames: RingFrame[];
  /** Load sweeps against vnodes; each frame names its sweep by `sweepIndex`. */
  sweeps: VnodeSweep[];
}

/** The ring and its load after one step. */
export interface RingFrame {
  /** Step of this frame (0 for the initial ring, else the event's t). */
  t: number;
  /** 'initial', or the type of the event applied ('add' | 'remove' | 'weight'). */
  kind: 'initial' | 'add' | 'remove' | 'weight';
  /** The event applied in this frame (null for the initial ring). */
  event: ScenarioEvent | null;
  /** Node the event concerns (-1 for the initial ring). */
  node: number;
  /** 1 when the node is in the ring at this frame, per node index. */
  alive: Uint8Array;
  /** Capacity weight per node index (vnodes of node = vnodes x weight); 0 for nodes not in the ring. */
  weight: Uint8Array;
  /** Number of nodes in the ring. */
  liveNodes: number;
  /** Number of ring points (vnodes over all live nodes). */
  points: number;

  /** Keys owned per node index (0 for nodes not in the ring). */
  keyCounts: Uint32Array;
  /** Exact fraction of the hash space each node owns (sums to 1 over live nodes), per node index. */
  share: Float64Array;
  /** Load statistics over live nodes: keys per node. */
  load: Balance & {
    /** Same figures weighted: each node's load divided by its weight (what "balanced" means with weights). */
    maxOverMeanPerWeight: number;
  };

  /** What moved from the previous frame (null for the initial ring). */
  moved: MovedKeys | null;

  /** Owner (node index) of each shown key (`result.shownKeys`) in this frame. */
  shownOwners: Uint16Array;

  /** Per arc bin (RING_BINS of them): owner of the bin's middle point, ring points in it, keys moved into this frame. */
  bins: {
    owner: Uint16Array;
    points: Uint32Array;
    moved: Uint32Array;
  };

  /** Every ring point (position ascending, owner) when points <= POINTS_EXACT_MAX; null above (use bins). */
  vnodes: { position: Uint32Array; owner: Uint16Array } | null;

  /** The lookup walk for the scenario's `lookup` key (null when `lookup` is ''). */
  lookup: LookupWalk | null;

  /** Index into `result.sweeps` of the load sweep for this frame's node set. */
  sweepIndex: number;
}

export interface MovedKeys {
  /** Keys whose owner changed, and their share of all keys in percent. */
  count: number;
  pct: number;
  /**
   * The least any scheme must move to reach the new target shares, in percent: the total variation between
   * the old and new weight shares. For an add it is w/W (1/N with equal weights), for a remove the removed
   * node's old share.
   */
  idealPct: number;
  /**
   * Keys that change owner under hash-mod-N on the same key hashes (owner = live nodes sorted by index,
   * [hash mod N]); mod-N ignores weights, so a weight change moves nothing under it.
   */
  modNCount: number;
  modNPct: number;
  /** Whether `sample` holds every moved key (count <= KEYS_EXACT_MAX) or an evenly strided sample. */
  exact: boolean;
  /** Moved keys (all or a sample of at most KEY_SAMPLE_MAX), ascending by position. */
  sample: {
    index: Uint32Array;
    position: Uint32Array;
    from: Uint16Array;
    to: Uint16Array;
  };
  /** Moved keys per node index: how many each node gave away (`out`) and received (`in`). */
  out: Uint32Array;
  in: Uint32Array;
}

/** How the lookup key finds its owner and replicas: walk clockwise from its hash. */
export interface LookupWalk {
  key: string;
  /** Hash position of the key. */
  position: number;
  /** Ring points visited clockwise from the key until `replicaSet` is full (at most 64 kept; see `visitedCount`). */
  visitedPosition: Uint32Array;
  visitedOwner: Uint16Array;
  visitedCount: number;
  /** The owner (first point clockwise, position >= key hash, wrapping past 2^32-1 to the start). */
  owner: number;
  /** The next min(R, live nodes) distinct nodes clockwise, owner first. */
  replicaSet: Uint16Array;
}

/**
 * Load balance against vnodes, for a fixed node set with equal weights: what virtual nodes buy.
 * Arrays are parallel to `vnodes`.
 */
export interface VnodeSweep {
  /** The node indexes the sweep used (the live nodes of the first frame that uses it). */
  nodes: Uint16Array;
  /** vnodes per node for each point of the sweep. */
  vnodes: Uint16Array;
  /** Exact hash-space share per node: stdev / mean in percent, and max / mean. No sampling noise. */
  shareStdevPct: Float64Array;
  shareMaxOverMean: Float64Array;
  /** The same on `sampleKeys` actual keys (includes the sampling noise you see with few keys per node). */
  keyStdevPct: Float64Array;
  keyMaxOverMean: Float64Array;
  sampleKeys: number;
}
