/**
 * The checker against Knossos' own test histories (test-data/knossos, unedited; expected verdicts from its
 * README, the models of Knossos' core_test.clj): every good history linearizable, every bad one not, and on
 * the two Knossos pins, the same first operation that cannot be linearized.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from './linearizability';
import { knossosModel, parseKnossosHistory } from './knossosFormat';
import { detectFormat } from './porcupineFormats';

const root = resolve(__dirname, '../../../test-data/knossos');

function check(path: string) {
  const text = readFileSync(path, 'utf8');
  expect(detectFormat(text), path).toBe('edn');
  const parsed = parseKnossosHistory(text);
  if (!parsed.ok) throw new Error(`${path}: ${parsed.message}`);
  const result = checkLinearizability(knossosModel(parsed.model), parsed.operations as never[]);
  return { parsed, result, text };
}

const folder = (name: string) => readdirSync(join(root, name)).filter((f) => f.endsWith('.edn')).sort().map((f) => join(root, name, f));

describe('Knossos histories', () => {
  it('cas-register/good: all 93 linearizable', () => {
    const files = folder('cas-register/good');
    expect(files).toHaveLength(93);
    for (const file of files) expect([file, check(file).result.verdict]).toEqual([file, 'linearizable']);
  }, 120_000);

  it('cas-register/bad: all 5 not linearizable', () => {
    const files = folder('cas-register/bad');
    expect(files).toHaveLength(5);
    for (const file of files) expect([file, check(file).result.verdict]).toEqual([file, 'not linearizable']);
  }, 60_000);

  it('multi-register/good: linearizable, read as transactions over x and y', () => {
    const { parsed, result } = check(join(root, 'multi-register/good/multi-register.edn'));
    expect(parsed.model).toBe('multi-register');
    expect(result.verdict).toBe('linearizable');
    expect(result.operations).toBeGreaterThan(50);
  }, 60_000);

  it('the pins of Knossos\' tests: the first operation that cannot be linearized is process 1\'s ok read of 3', () => {
    for (const name of ['immediate-failure.edn', 'rethink-fail-minimal.edn']) {
      const { parsed, result } = check(join(root, 'cas-register/bad', name));
      const explanation = result.explanation!;
      const culprit = parsed.operations.find((op) => op.index === explanation.cannotPlace)!;
      expect([name, culprit.process, culprit.input, culprit.output, culprit.status]).toEqual([name, 1, { f: 'read' }, 3, 'ok']);
    }
  });

  it('multi-register: a read of a value no transaction wrote makes the same history not linearizable', () => {
    const path = join(root, 'multi-register/good/multi-register.edn');
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    // The first ok transaction that read x a definite value: make it read 99 instead.
    const at = lines.findIndex((line, i) => /\[:read :x \d+\]/.test(line) && lines.slice(Math.max(0, i - 3), i + 1).join(' ').includes(':type :ok'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at].replace(/\[:read :x \d+\]/, '[:read :x 99]');
    const parsed = parseKnossosHistory(lines.join('\n'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(checkLinearizability(knossosModel(parsed.model), parsed.operations as never[]).verdict).toBe('not linearizable');
  });
});
