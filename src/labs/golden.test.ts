import { describe, expect, it } from 'vitest';
import { labs } from './registry';
import { allGoldenLinks, replayGolden } from '../testing/replayGolden';

const all = await allGoldenLinks();

describe('golden links (Node)', () => {
  it.each(all.map(({ golden }) => [golden.what, golden] as const))('%s replays to its recorded trace hash', async (_what, golden) => {
    expect(await replayGolden(golden)).toBe(golden.traceHash);
  });

  it('every registered lab has golden links, each a link to that lab', () => {
    for (const lab of labs) expect(all.filter((g) => g.lab === lab.id).length).toBeGreaterThan(0);
    for (const { lab, golden } of all) expect(golden.link.startsWith(`/${lab}?`)).toBe(true);
  });
});
