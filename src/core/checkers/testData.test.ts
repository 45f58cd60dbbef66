/**
 * Goal: test-data/ stays an unedited copy of ../shared/data (the material no one here wrote). Method: when
 * ../shared/data exists beside the repository (a developer's machine), compare every file byte for byte;
 * on a clean clone without it, check the copy is complete by its own README's counts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
const copy = join(repo, 'test-data');
const shared = resolve(repo, '../shared/data');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('test-data', () => {
  it('holds the Porcupine histories (103 etcd logs, 4 kv logs) and the ShiViz logs with their READMEs', () => {
    expect(readdirSync(join(copy, 'porcupine/jepsen')).filter((f) => f.endsWith('.log'))).toHaveLength(103);
    expect(readdirSync(join(copy, 'porcupine/kv'))).toHaveLength(4);
    expect(existsSync(join(copy, 'porcupine/README.md'))).toBe(true);
    expect(existsSync(join(copy, 'shiviz/README.md'))).toBe(true);
  });

  it.runIf(existsSync(shared))('is byte-identical to ../shared/data where that folder exists', () => {
    const theirs = files(shared).map((f) => relative(shared, f)).sort();
    const ours = files(copy).map((f) => relative(copy, f)).filter((f) => f !== 'README.md').sort();
    expect(ours).toEqual(theirs);
    for (const file of theirs) expect(readFileSync(join(copy, file)).equals(readFileSync(join(shared, file))), file).toBe(true);
  });
});
