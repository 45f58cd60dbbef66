import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen, expectInViewport } from '../../../e2e/labPage';

/** The scenario link the page shows now (the location fragment without '#'). */
const linkOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));

test('the stage: a consumer\'s menu crashes it at the playhead, the link changes and the CLI replays it to the hash shown; axe light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('#/queues');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  // w0, p0..p5, c0..c4.
  await expect(stage.locator('[data-node]')).toHaveCount(12);
  await page.getByLabel('Simulated time').fill('30000');
  await expect(stage).toHaveAttribute('data-t', /^30000(\.\d+)?$/);
  await expect(page.locator('[data-node="c0"]')).toHaveAttribute('aria-label', /^c0, consumer, owns p0 p1, /);
  await expect(page.locator('[data-node="p0"]')).toHaveAttribute('aria-label', /^p0, broker b0, owner c0, end \d+ · com\. \d+, lag \d+, up$/);
  const before = await linkOf(page);
  await page.locator('[data-node="c0"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover c0' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Crash c0' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-node="c0"]')).toHaveAttribute('aria-label', /, crashed$/);
  const after = await linkOf(page);
  expect(after).not.toBe(before);
  const cli = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/scenario.ts', `#${after}`], { encoding: 'utf8' })) as { traceHash: string; scenario: { events: unknown[] } };
  expect(cli.scenario.events).toEqual([{ t: 30000, type: 'crash', node: 0 }]);
  await expect(page.getByTestId('trace-hash')).toHaveText(cli.traceHash);
  // The group learns of the crash a session timeout after c0's last heartbeat (every 3 s from its join at
  // 0.050 s: the last before 30 s is at 27.050 s; + 45 s) and rebalances.
  await expect(page.getByRole('table', { name: /Each rebalance/ }).getByRole('row').filter({ hasText: "c0's session timed out" })).toHaveCount(1);
  await expect(page.locator('.lab-slot-narration')).toContainText('its last heartbeat was at 27.050 s, so the group learns of it at 72.050 s');
  // A spare's own actions: start it (join the group) from its menu.
  await page.locator('[data-node="c3"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Start c3 (join the group)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="c3"]')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the SQS scene is a tab: standard beside FIFO, DLQs, and the two consumer outputs', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/queues');
  await waitForRun(page);
  await page.getByRole('button', { name: 'SQS: standard and FIFO queues' }).click();
  await waitForRun(page);
  expect(await linkOf(page)).toContain('mode=sqs');
  // w0, q0, q1, d0, d1, c0..c3.
  await expect(page.locator('[data-stage] [data-node]')).toHaveCount(9);
  await page.getByLabel(/Preset/).selectOption('sqs-dedup');
  await waitForRun(page);
  const compare = page.getByRole('table', { name: /Standard queue q0 beside FIFO queue q1/ });
  await expect(compare.getByRole('row', { name: /sends deduplicated/ }).getByRole('cell')).toHaveText(['0', '36']);
  const plain = page.getByRole('table', { name: /Outputs of standard queue q0/ });
  await expect(plain.getByRole('row', { name: /^duplicate rows/ }).getByRole('cell')).toHaveText(['52', '0']);
  await expect(page.getByRole('heading', { name: /✓ The 5 invariants held/ })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a lesson step sets its scenario, its moment and the nodes it names: a crash before the commit', async ({ page }) => {
  await page.goto('#/queues');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 3; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'A crash before the commit: redelivery' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('105100');
  await expect(page.locator('[data-node="c0"]')).toHaveAttribute('data-highlight');
  await expect(page.locator('[data-node="p0"]')).toHaveAttribute('data-highlight');
  await expect(page.locator('.lab-slot-narration')).toContainText('15 of its 27 records of p0 processed');
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900; at 390x844 the stage first', async ({ page }) => {
  await expectFirstScreen(page, '#/queues', 'queues');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
});
