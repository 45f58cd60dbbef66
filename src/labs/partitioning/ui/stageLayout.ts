/**
 * Where the partitioning stage puts its nodes (positions in [0, 1] x [0, 1], which the stage fits into its
 * box) and how its aggregate tier groups them. Stage ids: storage nodes 0..nodes-1, then the directory when
 * there is one, then the router.
 *
 *   up to RING_NODES storage nodes          more
 *
 *         n0                             router   directory
 *     n9      n1                      n0  n1  n2  n3  n4  n5 ...
 *   n8  router  n2                    n12 n13 ...
 *     n7  dir  n3
 *         n5                          (a group per band of grid columns)
 *
 * On a narrow screen the ring becomes two columns (n0..n4 left, n5..n9 right, the router between): cards
 * on a ring that narrow would overlap.
 *
 * Requests leave the router for every node, so the router sits where every spoke is short: the centre of
 * the ring, or above the grid. Groups (for bundles at scale): the router, the directory, then bands of
 * grid columns, so bundles fan out from the router, each as wide as its band's load.
 */

export const RING_NODES = 12;
/** Bands of grid columns the aggregate tier bundles toward, at most. */
const BANDS_MAX = 12;
/** The grid fills y from here down (the router and the directory sit above). */
const GRID_TOP = 0.2;
/** A stage box is about this much wider than tall. */
const ASPECT = 2.2;

export interface StageLayout {
  positions: { x: Float64Array; y: Float64Array };
  /** A group per node (the aggregate tier bundles messages between groups). */
  regions: Int32Array;
}

export function stageLayout(nodes: number, hasDirectory: boolean, isNarrow = false): StageLayout {
  const total = nodes + (hasDirectory ? 1 : 0) + 1;
  const layout: StageLayout = { positions: { x: new Float64Array(total), y: new Float64Array(total) }, regions: new Int32Array(total) };
  const { x, y } = layout.positions;
  const router = total - 1;
  const directory = hasDirectory ? nodes : -1;
  layout.regions[router] = 0;
  if (directory >= 0) layout.regions[directory] = 1;
  const groupBase = hasDirectory ? 2 : 1;
  let centre: [number, number, number, number];
  if (nodes > RING_NODES) centre = placeGrid(layout, nodes, groupBase, hasDirectory);
  else if (isNarrow) centre = placeColumns(layout, nodes, groupBase, hasDirectory);
  else centre = placeRing(layout, nodes, groupBase, hasDirectory);
  [x[router], y[router]] = [centre[0], centre[1]];
  if (directory >= 0) [x[directory], y[directory]] = [centre[2], centre[3]];
  return layout;
}

/** Node i on an ellipse, n0 on top, clockwise; returns where the router and the directory go (x, y, x, y). */
function placeRing(l: StageLayout, nodes: number, group: number, hasDirectory: boolean): [number, number, number, number] {
  for (let i = 0; i < nodes; i++) {
    const angle = 2 * Math.PI * (0.75 + i / nodes);
    l.positions.x[i] = 0.5 + 0.5 * Math.cos(angle);
    l.positions.y[i] = 0.5 + 0.5 * Math.sin(angle);
    l.regions[i] = group;
  }
  return hasDirectory ? [0.36, 0.5, 0.64, 0.5] : [0.5, 0.5, 0.5, 0.5];
}

/** The first half of the nodes down the left edge, the rest down the right; the router (and directory) between. */
function placeColumns(l: StageLayout, nodes: number, group: number, hasDirectory: boolean): [number, number, number, number] {
  const left = Math.ceil(nodes / 2);
  for (let i = 0; i < nodes; i++) {
    const [col, k, count] = i < left ? [0, i, left] : [1, i - left, nodes - left];
    l.positions.x[i] = col;
    l.positions.y[i] = count > 1 ? k / (count - 1) : 0.5;
    l.regions[i] = group;
  }
  return hasDirectory ? [0.5, 0.3, 0.5, 0.7] : [0.5, 0.5, 0.5, 0.5];
}

/** Row-major cells below GRID_TOP, grouped in bands of columns; the router (and directory) above. */
function placeGrid(l: StageLayout, nodes: number, groupBase: number, hasDirectory: boolean): [number, number, number, number] {
  const cols = Math.max(1, Math.ceil(Math.sqrt(nodes * ASPECT)));
  const rows = Math.ceil(nodes / cols);
  const bands = Math.min(BANDS_MAX, cols);
  for (let i = 0; i < nodes; i++) {
    const [row, col] = [Math.floor(i / cols), i % cols];
    l.positions.x[i] = cols > 1 ? col / (cols - 1) : 0.5;
    l.positions.y[i] = rows > 1 ? GRID_TOP + ((1 - GRID_TOP) * row) / (rows - 1) : 1;
    l.regions[i] = groupBase + Math.floor((col * bands) / cols);
  }
  return hasDirectory ? [0.4, 0, 0.6, 0] : [0.5, 0, 0.5, 0];
}
