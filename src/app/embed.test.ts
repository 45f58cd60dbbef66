import { describe, expect, it } from 'vitest';
import { embedMessage, parseEmbedCommand } from './embed';

describe('embed protocol', () => {
  it('embedMessage(payload) adds protocol and version', () => {
    expect(embedMessage({ type: 'resize', height: 300 })).toEqual({ protocol: 'dsp-embed', version: 1, type: 'resize', height: 300 });
  });

  it('parseEmbedCommand() accepts exactly the known commands', () => {
    expect(parseEmbedCommand({ protocol: 'dsp-embed', version: 1, type: 'play' })).toEqual({ type: 'play' });
    expect(parseEmbedCommand({ protocol: 'dsp-embed', version: 1, type: 'hello' })).toEqual({ type: 'hello' });
    expect(parseEmbedCommand({ protocol: 'dsp-embed', version: 1, type: 'seek', t: 2.5 })).toEqual({ type: 'seek', t: 2.5 });
  });

  it('parseEmbedCommand() refuses other versions, unknown keys, bad values and non-objects', () => {
    expect(parseEmbedCommand({ protocol: 'dsp-embed', version: 2, type: 'play' })).toBeUndefined();
    expect(parseEmbedCommand({ protocol: 'dsp-embed', version: 1, type: 'play', extra: 1 })).toBeUndefined();
    expect(parseEmbedCommand({ protocol: 'dsp-embed', version: 1, type: 'seek', t: -1 })).toBeUndefined();
    expect(parseEmbedCommand({ protocol: 'dsp-embed', version: 1, type: 'seek', t: '1' })).toBeUndefined();
    expect(parseEmbedCommand('play')).toBeUndefined();
    expect(parseEmbedCommand(JSON.parse('{"protocol":"dsp-embed","version":1,"type":"play","__proto__":{}}'))).toBeUndefined();
  });
});
