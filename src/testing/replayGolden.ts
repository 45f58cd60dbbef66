/** The golden links of every registered lab, and their replay: the shared body of the Node and Chromium golden tests. */
import { decodeLink } from '../app/links';
import { plainContext, type GoldenLink } from '../labs/contract';
import { labs } from '../labs/registry';

/** Every registered lab's golden links (each lab's golden.ts, found through the registry), labs in registry order. */
export async function allGoldenLinks(): Promise<{ lab: string; golden: GoldenLink }[]> {
  const perLab = await Promise.all(labs.map(async (lab) => ({ lab: lab.id, links: (await lab.loadGoldenLinks()).goldenLinks })));
  return perLab.flatMap(({ lab, links }) => links.map((golden) => ({ lab, golden })));
}

export async function replayGolden(golden: GoldenLink): Promise<string> {
  const decoded = decodeLink(golden.link, labs);
  if (!decoded.ok) throw new Error(`golden link no longer decodes (${decoded.step}): ${decoded.message}`);
  const { program } = await decoded.lab.loadProgram();
  return program(decoded.scenario, plainContext()).traceHash;
}
