/**
 * JSON.parse, refusing an object that names a key twice. JSON.parse keeps the last of repeated keys, so
 * `{"nodes":3,"nodes":900}` would read as 900 while a reader of the text may see 3: a link must have one
 * meaning. Syntax is JSON.parse's; this adds one scan of the (already valid) text for repeated keys.
 */
export function parseStrictJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const repeated = firstRepeatedKey(text);
  if (repeated !== undefined) throw new SyntaxError(`the key ${JSON.stringify(repeated)} appears twice in one object`);
  return value;
}

/** The first key repeated within one object of valid JSON `text`, or undefined. */
export function firstRepeatedKey(text: string): string | undefined {
  // One frame per open container: the keys seen so far for an object, null for an array.
  const frames: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectKey) {
        const keys = frames[frames.length - 1]!;
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      frames.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      frames.push(null);
    } else if (c === '}' || c === ']') {
      frames.pop();
    } else if (c === ',') {
      expectKey = frames[frames.length - 1] instanceof Set;
    }
  }
  return undefined;
}
