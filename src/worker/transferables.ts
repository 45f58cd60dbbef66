/** Finding the buffers a reply can move (shared by the API object and the run cache). */

/**
 * Every distinct ArrayBuffer behind a typed array (or a bare ArrayBuffer) anywhere in `value`, so the
 * reply moves them instead of copying. SharedArrayBuffers are shared, never transferred.
 */
export function collectTransferables(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object' || seen.has(item)) continue;
    seen.add(item);
    if (item instanceof ArrayBuffer) buffers.add(item);
    else if (ArrayBuffer.isView(item)) {
      if (item.buffer instanceof ArrayBuffer) buffers.add(item.buffer);
    } else if (item instanceof Map) {
      for (const [k, v] of item) stack.push(k, v);
    } else if (item instanceof Set) {
      for (const v of item) stack.push(v);
    } else {
      for (const v of Object.values(item)) stack.push(v);
    }
  }
  return [...buffers];
}
