/**
 * The embed protocol: versioned messages between an embedded lab and the page around it.
 *
 * To the parent:   { protocol: 'dsp-embed', version: 1, type: 'ready' }
 *                  { ..., type: 'resize', height }        content height in CSS pixels
 *                  { ..., type: 'state', link }           the full URL of the current state
 * From the parent: { protocol: 'dsp-embed', version: 1, type: 'hello' }   asks for ready, resize and state again
 *                  { protocol: 'dsp-embed', version: 1, type: 'play' | 'pause' }
 *                  { ..., type: 'seek', t }               simulated time
 * Commands are accepted only from window.parent and only when they match this schema exactly.
 */
export const EMBED_PROTOCOL = 'dsp-embed';
export const EMBED_VERSION = 1;

export type EmbedMessage =
  | { protocol: typeof EMBED_PROTOCOL; version: typeof EMBED_VERSION; type: 'ready' }
  | { protocol: typeof EMBED_PROTOCOL; version: typeof EMBED_VERSION; type: 'resize'; height: number }
  | { protocol: typeof EMBED_PROTOCOL; version: typeof EMBED_VERSION; type: 'state'; link: string };

export type EmbedCommand = { type: 'hello' } | { type: 'play' } | { type: 'pause' } | { type: 'seek'; t: number };

type Payload<M> = M extends unknown ? Omit<M, 'protocol' | 'version'> : never;

export function embedMessage(payload: Payload<EmbedMessage>): EmbedMessage {
  return { protocol: EMBED_PROTOCOL, version: EMBED_VERSION, ...payload } as EmbedMessage;
}

/** The command in `data`, or undefined when it is not exactly one of ours (unknown keys are refused). */
export function parseEmbedCommand(data: unknown): EmbedCommand | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (record.protocol !== EMBED_PROTOCOL || record.version !== EMBED_VERSION) return undefined;
  const keys = Object.keys(record).sort().join(',');
  if ((record.type === 'hello' || record.type === 'play' || record.type === 'pause') && keys === 'protocol,type,version') {
    return { type: record.type };
  }
  if (record.type === 'seek' && keys === 'protocol,t,type,version') {
    const t = record.t;
    if (typeof t === 'number' && Number.isFinite(t) && t >= 0) return { type: 'seek', t };
  }
  return undefined;
}
