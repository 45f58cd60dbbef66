/**
 * Goal: the checker agrees with Porcupine on every history of its test data (test-data/porcupine, an
 * unedited copy of ../shared/data/porcupine; the expected verdicts are those of Porcupine's
 * porcupine_test.go, listed in the data's README). Method: read each file from disk, parse it, check it,
 * compare. When the data is missing the tests fail and say where it is expected (never a silent skip).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from './linearizability';
import { kvModel, kvUnpartitionedModel } from './models/kv';
import { registerModel } from './models/register';
import { parseJepsenLog, parseKvLog } from './porcupineFormats';

/** The repository root: the nearest folder above this file holding package.json. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

const DATA = resolve(repoRoot(), 'test-data/porcupine');
const MISSING = `Porcupine's test histories are expected in ${DATA} (test-data/porcupine in the repository, with jepsen/ and kv/; see its README for the source)`;

/** Porcupine's checkJepsen(t, N, true) cases; every other etcd_NNN (except the empty 095) is expected false. */
const JEPSEN_LINEARIZABLE = new Set([2, 5, 7, 18, 25, 31, 38, 45, 48, 49, 51, 53, 56, 67, 75, 76, 80, 87, 92, 98, 100, 101, 102]);

function read(relative: string): string {
  const path = join(DATA, relative);
  if (!existsSync(path)) throw new Error(`${MISSING}; missing: ${path}`);
  return readFileSync(path, 'utf8');
}

describe('Porcupine test data', () => {
  it('the data folder exists with 103 jepsen logs and 4 kv logs', () => {
    expect(existsSync(join(DATA, 'jepsen')), MISSING).toBe(true);
    expect(readdirSync(join(DATA, 'jepsen')).filter((f) => /^etcd_\d{3}\.log$/.test(f))).toHaveLength(103);
    expect(readdirSync(join(DATA, 'kv')).sort()).toEqual(['c01-bad.txt', 'c01-ok.txt', 'c10-bad.txt', 'c10-ok.txt']);
  });

  it('checkLinearizability(registerModel(), etcd_NNN) gives Porcupine\'s verdict on all 102 etcd histories', () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (let n = 0; n <= 102; n++) {
      if (n === 95) continue; // empty: "etcd cluster failed to start up in test 95"
      const name = `jepsen/etcd_${String(n).padStart(3, '0')}.log`;
      const parsed = parseJepsenLog(read(name));
      if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
      const expected = JEPSEN_LINEARIZABLE.has(n) ? 'linearizable' : 'not linearizable';
      const result = checkLinearizability(registerModel(), parsed.operations);
      checked++;
      if (result.verdict !== expected) disagreements.push(`${name}: ${result.verdict}, expected ${expected}`);
      if (result.verdict === 'not linearizable') expect(result.explanation, name).toBeDefined();
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBe(102);
  }, 30_000);

  it('parseJepsenLog(etcd_095) of the empty log gives no operations', () => {
    expect(parseJepsenLog(read('jepsen/etcd_095.log'))).toEqual({ ok: true, operations: [] });
  });

  it.each([
    ['c01-ok', 'linearizable'],
    ['c01-bad', 'not linearizable'],
    ['c10-ok', 'linearizable'],
    ['c10-bad', 'not linearizable'],
  ] as const)('checkLinearizability(kvModel(), %s) partitioned by key is %s', (name, expected) => {
    const parsed = parseKvLog(read(`kv/${name}.txt`));
    if (!parsed.ok) throw new Error(parsed.message);
    const result = checkLinearizability(kvModel(), parsed.operations);
    expect(result.verdict).toBe(expected);
    expect(result.partitions.length).toBeGreaterThan(1);
  });

  it.each([
    ['c01-ok', 'linearizable'],
    ['c01-bad', 'not linearizable'],
  ] as const)('checkLinearizability(kvUnpartitionedModel(), %s) agrees with the partitioned model: %s', (name, expected) => {
    // c10 unpartitioned takes seconds (as in Porcupine: "about 60-90 seconds" there): measured in bench/checker.ts.
    const parsed = parseKvLog(read(`kv/${name}.txt`));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(checkLinearizability(kvUnpartitionedModel(), parsed.operations).verdict).toBe(expected);
  });
});
