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
  const inflated = inflatePrefix(input, bytesMax);
  // The stream must end at the input's last byte: bytes after its end would be ignored, so two different
  // links would mean one scenario. The final block ends in the last byte it needs, so the stream without
  // the input's last byte completes exactly when bytes follow the stream's end.
  if (inflated.ok && input.length > 0 && inflatePrefix(input.subarray(0, input.length - 1), bytesMax).ok) {
    return { ok: false, reason: 'corrupt', detail: 'bytes follow the end of the data' };
  }
  return inflated;
}

function inflatePrefix(input: Uint8Array, bytesMax: number): Inflated {
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
