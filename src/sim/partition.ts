/**
 * Partition groups: which nodes can talk. A partition is a list of groups; links inside a group work,
 * links between groups are cut both ways. Nodes listed in no group form one more group together, so
 * `[[0]]` isolates node 0 from everyone else, and `[[0, 1], [2, 3]]` over six nodes gives {0,1} {2,3} {4,5}.
 *
 * In a scenario event (scalars only) the groups are written as a string: "0,1|2,3" (node ids, ',' within a
 * group, '|' between groups).
 */

/** Parses "0,1|2,3" into [[0, 1], [2, 3]], checking ids against `nodeCount`. */
export function parseGroups(text: string, nodeCount: number): number[][] {
  if (text.trim() === '') throw new Error('partition groups must list at least one node, got ""');
  const groups = text.split('|').map((group) =>
    group.split(',').map((item) => {
      // Digits only: Number('') and Number(' ') are 0, Number('1e0') is 1; none of them names a node.
      const id = /^ *[0-9]+ *$/.test(item) ? Number(item) : NaN;
      if (!(Number.isInteger(id) && id >= 0 && id < nodeCount)) {
        throw new Error(`partition groups must hold node ids 0..${nodeCount - 1}, got "${item.trim()}" in "${text}"`);
      }
      return id;
    }),
  );
  return groups;
}

/** Group number of each node (0..groups.length; unlisted nodes get groups.length). Throws on a repeated node. */
export function groupOf(groups: readonly (readonly number[])[], nodeCount: number): Int32Array {
  const group = new Int32Array(nodeCount).fill(groups.length);
  const seen = new Uint8Array(nodeCount);
  groups.forEach((members, g) => {
    for (const id of members) {
      if (!(Number.isInteger(id) && id >= 0 && id < nodeCount)) throw new Error(`invalid partition node: ${id}`);
      if (seen[id]) throw new Error(`partition groups must not share nodes, node ${id} is listed twice`);
      seen[id] = 1;
      group[id] = g;
    }
  });
  return group;
}
