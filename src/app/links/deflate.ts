/** deflate-raw with an output cap on the way in: the one place links touch fflate. */
import { Inflate, deflateSync } from 'fflate';
import { INFLATE_CHUNK_BYTES } from './limits';

export function deflateRaw(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 9 });
}

export type Inflated =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'over-cap'; bytesSeen: number }
  | { ok: false; reason: 'corrupt'; detail: string };

/**
 * Inflates deflate-raw `input`, refusing as soon as the output passes `bytesMax`. The input is pushed in
 * small chunks because one push inflates everything it is given: pushing 3 KB of a zip bomb at once would
 * allocate 3 MB before we could look. `bytesSeen` reports how far it got (tests assert it stays near the cap).
 */
export function inflateRawCapped(input: Uint8Array, bytesMax: number): Inflated {
  const chunks: Uint8Array[] = [];
  let bytesSeen = 0;
  let isOverCap = false;
  let isDone = false;
  const inflater = new Inflate((chunk, final) => {
    bytesSeen += chunk.length;
    if (bytesSeen > bytesMax) isOverCap = true;
    else chunks.push(chunk);
    if (final) isDone = true;
  });
  try {
    for (let at = 0; at < input.length && !isOverCap; at += INFLATE_CHUNK_BYTES) {
      const end = Math.min(at + INFLATE_CHUNK_BYTES, input.length);
      inflater.push(input.subarray(at, end), end === input.length);
    }
    if (input.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (isOverCap) return { ok: false, reason: 'over-cap', bytesSeen };
    return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
  if (isOverCap) return { ok: false, reason: 'over-cap', bytesSeen };
  if (!isDone) return { ok: false, reason: 'corrupt', detail: 'the data ends early' };
  const bytes = new Uint8Array(bytesSeen);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}
