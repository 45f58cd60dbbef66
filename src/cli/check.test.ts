/**
 * Goal: `npm run check` prints one JSON verdict per history and exits 0, and names the problem (line,
 * operation) with exit 2 on bad input. Method: main(argv, io) with captured streams, an in-memory file
 * system and a fake clock; one real Porcupine file from test-data/porcupine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FILE_BYTES_MAX, main, type CheckIo } from './check';

async function run(argv: string[], files: Record<string, string> = {}, clock?: () => number) {
  let stdout = '';
  let stderr = '';
  let t = 0;
  const io: CheckIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    now: clock ?? (() => t++),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, json: stdout.startsWith('{') ? JSON.parse(stdout) : undefined };
}

const etcdLog = ['INFO  jepsen.util - 0\t:invoke\t:write\t1', 'INFO  jepsen.util - 0\t:ok\t:write\t1', 'INFO  jepsen.util - 1\t:invoke\t:read\tnil', 'INFO  jepsen.util - 1\t:ok\t:read\tnil'].join('\n');
const kvLog = ['{:process 0, :type :invoke, :f :put, :key "a", :value "x"}', '{:process 0, :type :ok, :f :put, :key "a", :value "x"}', '{:process 1, :type :invoke, :f :get, :key "a", :value nil}', '{:process 1, :type :ok, :f :get, :key "a", :value "x"}'].join('\n');

describe('check CLI', () => {
  it('main(["--help"]) prints usage to stdout and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run check -- \[--model register\|kv\|etcd\] \[--budget-ms <ms>\]/);
  });

  it('main([etcd log]) prints one JSON object with the verdict and the explanation, exit 0', async () => {
    const { code, json } = await run(['h.log'], { 'h.log': etcdLog });
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['verdict', 'model', 'operations', 'partitions', 'explanation', 'ms']);
    expect(json).toMatchObject({ verdict: 'not linearizable', model: 'etcd', operations: 2, explanation: { cannotPlace: 1, longestPrefix: [0], conflicting: [0] } });
  });

  it('main([kv log]) detects the kv model and partitions by key', async () => {
    const { code, json } = await run(['h.txt'], { 'h.txt': kvLog });
    expect(code).toBe(0);
    expect(json).toMatchObject({ verdict: 'linearizable', model: 'kv', operations: 2, partitions: [{ key: 'a', verdict: 'linearizable' }], explanation: null });
  });

  it('main([json history]) reads History.forChecker()-shaped operations, ret null = unknown', async () => {
    const ops = [
      { process: 0, input: { f: 'write', value: 1 }, output: null, call: 0, ret: null, status: 'timeout' },
      { process: 1, input: { f: 'read' }, output: 1, call: 5, ret: 6 },
    ];
    const { code, json } = await run(['h.json'], { 'h.json': JSON.stringify(ops) });
    expect(code).toBe(0);
    expect(json).toMatchObject({ verdict: 'linearizable', model: 'register', operations: 2 });
  });

  it('--budget-ms: a search over its time (by the injected clock) ends with verdict unknown, exit 0', async () => {
    const ops = Array.from({ length: 200 }, (_, i) => ({ input: { f: 'write', value: i + 1 }, output: null, call: 0, ret: 1000 }));
    ops.push({ input: { f: 'read' } as never, output: -1 as never, call: 2000, ret: 2001 });
    let t = 0;
    const { code, json } = await run(['--budget-ms', '5', 'h.json'], { 'h.json': JSON.stringify(ops) }, () => (t += 1));
    expect(code).toBe(0);
    expect(json.verdict).toBe('unknown');
  });

  it('bad input exits 2 and names the problem: line, operation, model, option', async () => {
    const badLine = `${etcdLog}\nINFO  jepsen.util - 2\t:invoke\t:frobnicate\t1`;
    expect(await run(['h.log'], { 'h.log': badLine })).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^bad history h\.log: line 5: not a jepsen\.util line/) });
    expect(await run(['h.log'], { 'h.log': 'INFO  jepsen.util - 0\t:ok\t:write\t1' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/line 1: process 0 completes an operation it never invoked/) });
    expect(await run(['h.json'], { 'h.json': '[{"input": {"f": "read"}, "call": 5, "ret": 2}]' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/operation 0: "ret" must be a number >= call \(5\)/) });
    expect(await run(['h.json'], { 'h.json': '[{"input": {"f": "get", "key": "a"}, "call": 0, "ret": 1}]' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/operation 0: input\.f must be read, write or cas, got "get" \(model register\)/) });
    expect(await run(['--model', 'kv', 'h.log'], { 'h.log': etcdLog })).toMatchObject({ code: 2, stderr: expect.stringMatching(/a jepsen etcd log needs the model etcd or register, not kv/) });
    expect(await run(['h.txt'], { 'h.txt': 'hello' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown format/) });
    expect(await run(['h.txt'], { 'h.txt': '' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/the file is empty/) });
    expect(await run(['missing.log'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cannot read missing\.log: ENOENT/) });
    expect(await run([])).toMatchObject({ code: 2, stderr: 'give one history file\nRun with --help for usage.\n' });
    expect(await run(['--model', 'queue', 'h.log'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--model must be one of register, kv, etcd, cas-register, multi-register, got "queue"/) });
    expect(await run(['--budget-ms', 'soon', 'h.log'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--budget-ms takes a positive integer/) });
  });

  it('main([test-data/porcupine/jepsen/etcd_002.log]) agrees with Porcupine: linearizable', async () => {
    const path = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-data/porcupine/jepsen/etcd_002.log');
    expect(existsSync(path), `Porcupine's histories are expected at ${path} (test-data/porcupine in the repository)`).toBe(true);
    const { code, json } = await run([path], { [path]: readFileSync(path, 'utf8') }, () => performance.now());
    expect(code).toBe(0);
    expect(json).toMatchObject({ verdict: 'linearizable', model: 'etcd', operations: 77 });
  }, 20_000);
});

describe('check CLI: what it echoes is inert', () => {
  it('a file name or a history line carrying terminal escapes reaches stderr as \\uXXXX text', async () => {
    const { code, stderr } = await run(['h\u001b[2J.txt'], { 'h\u001b[2J.txt': 'INFO  jepsen.util - 0\t:ok\t:write\t\u001b]0;owned\u0007\u202E' });
    expect(code).toBe(2);
    expect(stderr).toContain('h\\u001b[2J.txt');
    expect(stderr).not.toMatch(/[\u001b\u0007\u202E]/);
  });
});

describe('check CLI: limits in the unit they name', () => {
  it('a file under the limit in characters but over it in bytes is refused, never checked in part', async () => {
    const euros = '€'.repeat(Math.floor(FILE_BYTES_MAX / 3) + 1);
    expect(euros.length).toBeLessThan(FILE_BYTES_MAX);
    const { code, stdout, stderr } = await run(['h.json'], { 'h.json': euros });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`bad history h.json: it is over ${FILE_BYTES_MAX.toLocaleString('en-US')} bytes (the limit)\n`);
  });
});

describe('check CLI: Jepsen/Knossos EDN histories', () => {
  const knossos = (path: string) => readFileSync(resolve(__dirname, '../../test-data/knossos', path), 'utf8');

  it('reads them with Knossos\' models and agrees with its verdicts, naming the operation Knossos pins', async () => {
    const bad = await run(['h.edn'], { 'h.edn': knossos('cas-register/bad/immediate-failure.edn') });
    expect(bad).toMatchObject({ code: 0, json: { verdict: 'not linearizable', model: 'cas-register', operations: 1 } });
    expect(bad.json.explanation.operations[0]).toMatchObject({ process: 1, text: 'read() -> 3' });
    const good = await run(['m.edn'], { 'm.edn': knossos('multi-register/good/multi-register.edn') });
    expect(good).toMatchObject({ code: 0, json: { verdict: 'linearizable', model: 'multi-register' } });
  });

  it('refuses a model that does not fit, and malformed EDN with its line', async () => {
    expect(await run(['--model', 'kv', 'h.edn'], { 'h.edn': '[{:process 0, :type :invoke, :f :read, :value nil}]' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/a Jepsen\/Knossos EDN history needs the model cas-register or multi-register, not kv/) });
    expect(await run(['h.edn'], { 'h.edn': '[{:process 0, :type :invoke, :f :read, :value nil}\n {:process 0 :type :ok :f :read :value #inst "x"}]' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^bad history h\.edn: line 2: the tag #inst is not read in histories/) });
    expect(await run(['h.edn'], { 'h.edn': '[{:process 0, :type :invoke, :f :txn, :value [[:read :x nil]]}\n {:process 0, :type :ok, :f :read, :value 1}]' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/line 2: process 0 completes read but invoked txn/) });
  });
});
