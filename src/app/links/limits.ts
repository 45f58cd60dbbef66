/** Hard limits of the link codec. A link can never make the page allocate or compute more than these. */
import { formatNumber } from '../../viz/shared/format';

/** The codec version this app writes and the newest it reads. */
export const CODEC_VERSION = 1;
/** Longest fragment decoded, in characters (static hosts and chat apps cut around 2 k..8 k). */
export const LINK_CHARS_MAX = 8192;
/** Largest inflated JSON, in bytes. */
export const INFLATED_BYTES_MAX = 65536;
/**
 * Compressed bytes pushed into the inflater at once. Deflate expands at most ~1032:1, so one push yields at
 * most ~16.5 KB past the cap before we abort: a zip bomb never allocates megabytes.
 */
export const INFLATE_CHUNK_BYTES = 16;

/** Formats a count for messages: 65536 -> "65,536". */
export function formatCount(count: number): string {
  return formatNumber(count);
}
