/**
 * The CLI runs batch experiments (PBS trials) on worker threads: any thread count prints the same run, the
 * one a plain program call gives, and --threads is checked like --budget.
 */
import { describe, expect, it } from 'vitest';
import { nodeIo, type CliIo } from './io';
import { main } from './scenario';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('npm run scenario -- --threads', () => {
  it('prints the same PBS run with 1, 2 and 3 worker threads (the golden hash of the default link)', async () => {
    const link = '/pbs?v=1&s=1&e=1';
    const outs = [];
    for (const threads of ['1', '2', '3']) outs.push(await run(['--threads', threads, link]));
    for (const out of outs) {
      expect(out.code).toBe(0);
      expect(out.stdout).toBe(outs[0].stdout);
    }
    expect(JSON.parse(outs[0].stdout).traceHash).toBe('e3421ddbd2bf61cd');
  }, 60_000);

  it('refuses a thread count outside 1..8', async () => {
    expect(await run(['--threads', '0', '/pbs?v=1&s=1&e=1'])).toEqual({ code: 2, stdout: '', stderr: '--threads takes an integer 1..8, got "0"\nRun with --help for usage.\n' });
  });
});
