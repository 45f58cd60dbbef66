import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { goldenLinks } from '../src/labs/consistentHashing/golden';
import { waitForRun } from './axe';

// The same scenario link gives the same trace hash in Chromium (the worker) and in Node (npm run scenario).
test('a link shows the trace hash the CLI prints for it, and its golden hash', async ({ page }) => {
  test.setTimeout(90_000);
  for (const golden of goldenLinks.slice(1, 3)) {
    const stdout = execFileSync('npx', ['tsx', 'src/cli/scenario.ts', `#${golden.link}`], { encoding: 'utf8' });
    const cli = JSON.parse(stdout) as { traceHash: string; lab: string; metrics: Record<string, number> };
    expect(cli.traceHash).toBe(golden.traceHash);
    await page.goto('about:blank');
    await page.goto(`#${golden.link}`);
    await waitForRun(page);
    await expect(page.getByTestId('trace-hash')).toHaveText(cli.traceHash);
  }
});

test('the CLI refuses a link over a limit, naming the limit, with a non-zero exit', () => {
  let failure: { status: number; stderr: string } | undefined;
  try {
    execFileSync('npx', ['tsx', 'src/cli/scenario.ts', '#/consistent-hashing?v=1&vnodes=5000'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    failure = error as { status: number; stderr: string };
  }
  expect(failure?.status).toBe(2);
  expect(failure?.stderr).toContain('vnodes must be 1..1000, got 5000');
});
