/**
 * Schema migrations of the CAP lab's links (LabSpec.migrations). Each step receives the sparse scenario a
 * link carried (only the keys that differed from that schema's defaults).
 *
 * 1 -> 2: schema 1 described its one cut by three parameters, `sideB` (the nodes cut off, "3,4"; ids past
 * the cluster ignored, the last node alone when none remained), `partitionMs` (150) and `healMs` (450), and
 * had no script. Schema 2 scripts the cut: a partition of side B at partitionMs and a heal at healMs, the
 * very events schema 1's program handed the engine, so an old link replays to the same trace hash.
 */

const V1_DEFAULTS = { nodes: 5, sideB: '3,4', partitionMs: 150, healMs: 450 } as const;
const NODES_MAX = 9;

/** Schema 1's side B as the program read it: ids, side B's nodes ascending ("2,3"). Throws on a bad text. */
export function sideBOfV1(sideB: string, nodes: number): string {
  const side = new Uint8Array(nodes);
  const seen = new Set<number>();
  for (const item of sideB.split(',')) {
    const id = Number(item);
    if (!(Number.isInteger(id) && id >= 0 && id < NODES_MAX)) throw new Error(`sideB must list nodes 0..${NODES_MAX - 1}, got ${item}`);
    if (seen.has(id)) throw new Error(`sideB lists node ${id} twice`);
    seen.add(id);
    if (id < nodes) side[id] = 1;
  }
  const ids: number[] = [];
  side.forEach((isB, id) => isB && ids.push(id));
  if (ids.length >= nodes) throw new Error(`sideB must leave at least one node on side A, got all ${nodes}`);
  return ids.length > 0 ? ids.join(',') : String(nodes - 1);
}

export function migrateV1(old: Record<string, unknown>): Record<string, unknown> {
  const { sideB, partitionMs, healMs, ...rest } = old;
  const nodes = typeof rest.nodes === 'number' ? rest.nodes : V1_DEFAULTS.nodes;
  // A readable link's values are guessed: "sideB=2" arrives as the number 2.
  const groups = sideBOfV1(String(sideB ?? V1_DEFAULTS.sideB), nodes);
  return {
    ...rest,
    events: [
      { t: partitionMs ?? V1_DEFAULTS.partitionMs, type: 'partition', groups },
      { t: healMs ?? V1_DEFAULTS.healMs, type: 'heal' },
    ],
  };
}

export const migrations: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = { 1: migrateV1 };
