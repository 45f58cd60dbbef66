import { describe, expect, it } from 'vitest';
import { allGoldenLinks, replayGolden } from '../testing/replayGolden';

const all = await allGoldenLinks();

// The same links as golden.test.ts, run in real Chromium: the same scenario gives the same trace hash in the
// browser as in Node (float formatting, sort stability, hashing and typed-array byte order included).
describe('golden links (Chromium)', () => {
  it.each(all.map(({ golden }) => [golden.what, golden] as const))('%s replays to its recorded trace hash', async (_what, golden) => {
    expect(await replayGolden(golden)).toBe(golden.traceHash);
  });

  it('runs in a browser, not in Node', () => {
    expect(typeof window).toBe('object');
    expect(navigator.userAgent).toMatch(/Chrome/);
  });
});
