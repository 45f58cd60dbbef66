import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labs } from '../labs/registry';
import { parseLocationHash } from './links';
import { SITE_PAGES } from './store/types';
import { TOUR, labsForHeading } from './tour';

const seed = resolve(__dirname, '../../../shared/seed/distributed-systems.md');

describe('the course tour', () => {
  it.runIf(existsSync(seed))('follows the seed: its ## sections in order, each with its ### headings in order', () => {
    const text = readFileSync(seed, 'utf8');
    const sections: { title: string; parts: string[] }[] = [];
    for (const line of text.split('\n')) {
      const h2 = /^## (.+)$/.exec(line);
      const h3 = /^### (.+)$/.exec(line);
      if (h2) sections.push({ title: h2[1].trim(), parts: [] });
      else if (h3) sections.at(-1)!.parts.push(h3[1].trim());
    }
    const taught = sections.filter((s) => s.title !== 'When to Activate');
    expect(TOUR.map((s) => s.title)).toEqual(taught.map((s) => s.title));
    for (const section of TOUR) {
      const headings = taught.find((s) => s.title === section.title)!.parts;
      // A section's ### headings appear in the tour in the seed's order (table rows may be added beside them).
      expect(section.parts.filter((p) => headings.includes(p)), section.title).toEqual(headings);
    }
  });

  it('names every registered lab under some heading, and every heading with a lab links it', () => {
    const shown = new Set(TOUR.flatMap((s) => s.parts.flatMap((p) => labsForHeading(p, labs))).map((lab) => lab.id));
    expect([...labs.map((lab) => lab.id)].filter((id) => !shown.has(id))).toEqual([]);
    expect(labsForHeading('Consistent Hashing', labs).map((l) => l.id)).toEqual(['consistent-hashing']);
    expect(labsForHeading('Quorum Reads/Writes', labs).map((l) => l.id)).toEqual(['quorums', 'pbs']);
  });

  it('#/tour is the tour page, and no lab may take a page\'s path', () => {
    expect(parseLocationHash('#/tour')).toEqual({ kind: 'page', page: 'tour' });
    for (const page of SITE_PAGES) expect(labs.map((lab) => lab.id)).not.toContain(page);
  });
});
