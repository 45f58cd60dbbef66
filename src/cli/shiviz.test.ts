/**
 * Goal: `npm run shiviz` prints one JSON object of counts for a well-formed log (with ShiViz's parser
 * options, or the upload format's first two lines) and exits 2 naming the line on a malformed one. Method:
 * main(argv, io) with captured streams over the real test-data/shiviz files and small broken logs held in
 * memory; one spawned run of the npm script checks the wiring end to end.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { main } from './shiviz';

const root = resolve(__dirname, '../..');

async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => {
      const text = files[path] ?? readFileSync(resolve(root, path), 'utf8');
      return text;
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, json: stdout.startsWith('{') ? JSON.parse(stdout) : undefined };
}

describe('shiviz CLI', () => {
  it('main(["--help"]) prints usage and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run shiviz -- <log file> \[--regex R\] \[--delimiter D\]/);
  });

  it('main([upload-format file]) reads the parser from line 1 and prints hosts, events, executions and concurrentPairs', async () => {
    const { code, json, stderr } = await run(['test-data/shiviz/RpcClientServer.log']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['hosts', 'events', 'executions', 'concurrentPairs', 'perExecution']);
    expect(json).toEqual({ hosts: 2, events: 10, executions: 1, concurrentPairs: 2, perExecution: [{ label: '', hosts: 2, events: 10, concurrentPairs: 2 }] });
  });

  it('main([file, --regex, --delimiter]) uses ShiViz parser options: multiple-comparison.log has 5 executions', async () => {
    const regex = String.raw`(?<ip>(\d{1,3}\.){3}\d{1,3}) (?<date>(\d{1,2}/){2}\d{4} (\d{2}:){2}\d{2} (AM|PM)) (?<action>(INFO|GET|POST)) (?<event>.*)\n(?<host>\w*) (?<clock>.*)`;
    const { code, json } = await run(['test-data/shiviz/multiple-comparison.log', '--regex', regex, `--delimiter=^=== (?<trace>.*) ===$`]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ hosts: 3, events: 40, executions: 5 });
    expect(json.perExecution.map((x: { label: string }) => x.label)).toContain('Different host from base');
  });

  it('main([simpledb.log]) reads ShiViz default format without options', async () => {
    const { code, json } = await run(['test-data/shiviz/simpledb.log']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ hosts: 5, events: 509, executions: 1 });
  });

  it('main([malformed log]) exits 2 and names each problem line on stderr, nothing on stdout', async () => {
    const log = ['a1', 'a {"a":1}', 'b1', 'b {"b":1, "a":1}', 'c1', 'c {"c":1, "b":1}', 'c2', 'c {"c":2,}'].join('\n');
    const { code, stdout, stderr } = await run(['bad.log'], { 'bad.log': log });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^bad log bad\.log: 2 problems\n/);
    expect(stderr).toMatch(/\n {2}line 6: the clock \{"b": 1, "c": 1\} of host "c" is not the merge of its parents' clocks; by ShiViz's rules it should be \{"a": 1, "b": 1, "c": 1\}\n/);
    expect(stderr).toMatch(/\n {2}line 8: the clock \{"c":2,\} is not JSON/);
  });

  it('main([log over a limit]) exits 2 naming the limit and the line', async () => {
    const log = Array.from({ length: 257 }, (_, h) => `e\nh${h} {"h${h}":1}`).join('\n');
    const { code, stderr } = await run(['many.log'], { 'many.log': log });
    expect(code).toBe(2);
    expect(stderr).toBe('bad log many.log: line 513: the log has more than 256 hosts (hostsMax)\n');
  });

  it('main with bad usage or a missing file exits 2 with the reason', async () => {
    expect((await run([])).stderr).toMatch(/^give one log file/);
    expect((await run(['a.log', '--regex'])).stderr).toMatch(/^--regex needs a regular expression/);
    expect((await run(['a.log', '--color'])).stderr).toMatch(/^unknown option --color/);
    const missing = await run(['nope.log'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cannot read nope\.log: ENOENT/);
    const badRegex = await run(['test-data/shiviz/chord.log', '--regex', '(?<host>x)']);
    expect(badRegex.code).toBe(2);
    expect(badRegex.stderr).toMatch(/^bad log test-data\/shiviz\/chord\.log: the parser regex must have the named groups/);
  });

  it('`npm run shiviz` runs the CLI from package.json and exits 2 on a malformed log', { timeout: 60_000 }, () => {
    const ok = spawnSync('npm', ['run', '-s', 'shiviz', '--', 'test-data/shiviz/simple-reliable-broadcast.log', '--regex', String.raw`\[\w+\] \[(?<date>([^ ]+ [^ ]+))\] [^ ]+ \[akka://Broadcast/user/(?<host>\w+)\] (?<clock>.*\}) (?<event>.*)`], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ hosts: 3, events: 39, executions: 1 });
    const bad = spawnSync('npm', ['run', '-s', 'shiviz', '--', 'test-data/shiviz/simple-reliable-broadcast.log'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('bad log test-data/shiviz/simple-reliable-broadcast.log: 1 problem\n  line 1: the parser regex captures no events\n');
  });
});

describe('shiviz CLI: what it echoes is inert', () => {
  it('a log line or file name carrying terminal escapes reaches stderr as \\uXXXX text', async () => {
    const { code, stderr } = await run(['bad\u001b[31m.log'], { 'bad\u001b[31m.log': 'a \u001b]0;owned\u0007 {"a":1}\nnot a host line \u202E\n' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^bad log bad\\u001b\[31m\.log: /);
    expect(stderr).not.toMatch(/[\u001b\u0007\u202E]/);
  });
});
