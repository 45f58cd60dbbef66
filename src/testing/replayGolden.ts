/** Decodes a golden link and runs its lab's program: the shared body of the Node and Chromium golden tests. */
import { decodeLink } from '../app/links';
import { plainContext } from '../labs/contract';
import type { GoldenLink } from '../labs/goldenLinks';
import { labs } from '../labs/registry';

export async function replayGolden(golden: GoldenLink): Promise<string> {
  const decoded = decodeLink(golden.link, labs);
  if (!decoded.ok) throw new Error(`golden link no longer decodes (${decoded.step}): ${decoded.message}`);
  const { program } = await decoded.lab.loadProgram();
  return program(decoded.scenario, plainContext()).traceHash;
}
