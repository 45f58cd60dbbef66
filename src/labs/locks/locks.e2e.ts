import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen, expectInViewport } from '../../../e2e/labPage';

/** The scenario link the page shows now (the location fragment without '#'). */
const linkOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));

test('the stage: a client\'s menu pauses it (a GC) at the playhead, the link changes and the CLI replays it to the hash shown; axe light and dark', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('#/locks');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(12);
  await page.getByLabel('Simulated time').fill('100');
  await expect(stage).toHaveAttribute('data-t', /^100(\.\d+)?$/);
  await expect(page.locator('[data-node="c0"]')).toHaveAttribute('aria-label', /^c0, process, holds both, until \d+ ms, token 2, up$/);
  await expect(page.locator('[data-node="s0"]')).toHaveAttribute('aria-label', /^s0, leader, holds c0, until \d+ ms, token 2, up$/);
  const before = await linkOf(page);
  await page.locator('[data-node="c0"]').click();
  await expect(page.getByRole('menuitem', { name: 'Resume c0' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Pause c0' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-node="c0"]')).toHaveAttribute('aria-label', /, paused$/);
  const after = await linkOf(page);
  expect(after).not.toBe(before);
  expect(after).toMatch(/^\/locks\?v=1&z=/);
  const cli = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/scenario.ts', `#${after}`], { encoding: 'utf8' })) as { traceHash: string; scenario: { events: unknown[] } };
  expect(cli.scenario.events).toEqual([{ t: 100, type: 'pause', node: 10 }]);
  await expect(page.getByTestId('trace-hash')).toHaveText(cli.traceHash);
  // Paused for the rest of the run: both leases expire and c1 holds both locks.
  await expect(page.getByRole('table', { name: /^Holds/ }).getByRole('row').filter({ hasText: 'c1' }).first()).toBeVisible();
  // Keyboard: Enter opens a lock server's menu, Escape hands focus back.
  await page.locator('[data-node="r2"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Crash r2' })).toBeFocused();
  await expect(page.getByRole('menuitem', { name: 'Jump r2 clock by +2000 ms' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="r2"]')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the GC-pause preset: Redlock loses an update, the fencing storage rejects the stale token, and the narration says so', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/locks');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('gc-pause');
  await waitForRun(page);
  const compare = page.getByRole('table', { name: /Redlock .* beside Raft lock service/ });
  const lost = compare.getByRole('row', { name: /lost updates/ });
  await expect(lost.getByRole('cell')).toHaveText(['1', '0']);
  await expect(compare.getByRole('row', { name: /rejected by the fencing token/ }).getByRole('cell')).toHaveText(['0', '1']);
  await page.getByRole('button', { name: /Go to 1604\.382 ms, c0's write reaches d1/ }).click();
  await expect(page.getByLabel('Simulated time')).toHaveValue('1604.382');
  await expect(page.locator('.lab-slot-narration')).toContainText("d1 rejects c0's write: token 2 is below the highest it has seen");
  await expect(page.locator('[data-node="d1"]')).toHaveAttribute('aria-label', /token ≥ 11/);
  await expect(page.getByRole('heading', { name: /✓ The 6 invariants of the consensus side held/ })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a lesson step sets its scene, its moment and the nodes it names: why fencing tokens', async ({ page }) => {
  await page.goto('#/locks');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 3; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'Why fencing tokens' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('1604.382');
  await expect(page.locator('[data-node="d1"]')).toHaveAttribute('data-highlight');
  await expect(page.locator('[data-node="c0"]')).toHaveAttribute('data-highlight');
});

test('the scenes are tabs: IDs and total order each draw their nodes on the stage', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/locks');
  await waitForRun(page);
  await page.getByRole('button', { name: 'ID generation' }).click();
  await waitForRun(page);
  expect(await linkOf(page)).toContain('mode=ids');
  await expect(page.locator('[data-stage] [data-node]')).toHaveCount(9);
  await expect(page.getByRole('heading', { name: /Offending IDs/ })).toBeVisible();
  await page.getByRole('button', { name: 'Total order broadcast' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-stage] [data-node]')).toHaveCount(8);
  await expect(page.getByRole('table', { name: /What each replica delivered/ })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900; at 390x844 the stage first', async ({ page }) => {
  await expectFirstScreen(page, '#/locks', 'locks');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
});
