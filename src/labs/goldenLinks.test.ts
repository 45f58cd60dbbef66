import { describe, expect, it } from 'vitest';
import { goldenLinks } from './goldenLinks';
import { labs } from './registry';
import { replayGolden } from '../testing/replayGolden';

describe('golden links (Node)', () => {
  it.each(goldenLinks.map((g) => [g.what, g] as const))('%s replays to its recorded trace hash', async (_what, golden) => {
    expect(await replayGolden(golden)).toBe(golden.traceHash);
  });

  it('every registered lab has at least one golden link', () => {
    for (const lab of labs) expect(goldenLinks.some((g) => g.link.startsWith(`/${lab.id}?`))).toBe(true);
  });
});
