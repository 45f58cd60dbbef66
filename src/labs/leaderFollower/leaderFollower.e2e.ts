import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectClientRequest, expectFirstScreen, expectInViewport, showFigure } from '../../../e2e/labPage';

test('the leader-follower lab shows the verdict, the three modes side by side, the lag and who led; axe light and dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/leader-follower');
  await waitForRun(page);
  await expect(page.getByRole('heading', { name: /What clients saw: linearizable/ })).toBeVisible();
  const modes = page.getByRole('table', { name: 'Replication modes compared on this scenario' });
  await expect(modes.getByRole('columnheader', { name: /^sync$/ })).toBeVisible();
  await expect(modes.getByRole('row', { name: /write latency p50/ })).toBeVisible();
  await showFigure(page.getByRole('img', { name: /^Lag in entries per node/ }));
  await showFigure(page.getByRole('img', { name: /^Role timeline: 1 leadership over 3 nodes/ }));
  await expect(page.getByRole('heading', { name: 'Acknowledged writes lost: 0' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('async failover: the lost acknowledged writes are listed and counted, the checker outlines the read that shows it; axe light and dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/leader-follower');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('async-failover');
  await waitForRun(page);
  await expect(page.getByRole('heading', { name: /What clients saw: not linearizable/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Acknowledged writes lost: 8' })).toBeVisible();
  const lost = page.getByRole('table', { name: /Lost acknowledged writes/ });
  await expect(lost.getByRole('row')).toHaveCount(9);
  await expect(page.getByText(/At 186\.0 ms n2 became leader of epoch 3/)).toBeVisible();
  await expect(page.locator('[data-highlight="216"]')).toBeVisible();
  // Keyboard: a lost write's Select button selects it in the client history.
  await lost.getByRole('button', { name: 'Select op 174 in the client history' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Selected op 174:/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('split brain without fencing is shaded and counted; with fencing the old leader steps down', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/leader-follower');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('split-brain');
  await waitForRun(page);
  await expect(page.getByText(/^Split brain: two nodes could take writes at the same time for 665\.6 ms/)).toBeVisible();
  await expect(page.getByRole('img', { name: /1 split-brain span shaded/ })).toBeVisible();
  await page.getByLabel(/Preset/).selectOption('split-brain-fenced');
  await waitForRun(page);
  await expect(page.getByText(/^Never two nodes serving writes at once/)).toBeVisible();
  await expect(page.getByText(/n0, leader of epoch 1, heard of epoch 2 and stepped down/)).toBeVisible();
  // The leadership table's buttons move the playhead (keyboard reachable).
  const leaderships = page.getByRole('table', { name: /Leaderships/ });
  await leaderships.getByRole('button', { name: /when n1 began leading epoch 2/ }).click();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a lesson step loads its scenario: fencing', async ({ page }) => {
  await page.goto('#/leader-follower');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 5; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'Fencing: epochs and leases' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  // The playhead goes to the moment the text speaks of: n0 stepping down at 309.7 ms.
  await expect(page.getByLabel('Simulated time')).toHaveValue('309.7');
  await expect(page.locator('.lf-roles text[data-highlight]')).toHaveText('▸ n0');
  await expect(page.getByRole('heading', { name: 'Acknowledged writes lost: 4' })).toBeVisible();
  await expect(page.getByText(/^Never two nodes serving writes at once/)).toBeVisible();
});

test('the stage: a card per node, a fault menu on n1 whose "Crash n1" inserts a crash at the playhead; narration follows', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/leader-follower');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(3);
  await expect(page.locator('[data-node="n0"]')).toHaveAttribute('aria-label', /^n0, leader, epoch 1, log \d+/);
  await page.getByLabel('Simulated time').fill('120');
  await expect(stage).toHaveAttribute('data-t', /^120(\.\d+)?$/);
  await page.locator('[data-node="n1"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover n1' })).toHaveAttribute('aria-disabled', 'true');
  const before = page.url();
  const hashBefore = await page.getByTestId('trace-hash').innerText();
  await page.getByRole('menuitem', { name: 'Crash n1' }).click();
  await expect(page).not.toHaveURL(before);
  await waitForRun(page);
  await expect(page.locator('[data-node="n1"]')).toHaveAttribute('aria-label', /, crashed$/);
  // The new link in Node: the CLI decodes the crash at the playhead and prints the hash the page shows.
  const shown = await page.getByTestId('trace-hash').innerText();
  expect(shown).not.toBe(hashBefore);
  const cli = cliReplay(page);
  expect(cli.scenario.events).toEqual([{ t: 120, type: 'crash', node: 1 }]);
  expect(cli.traceHash).toBe(shown);
  await expect(page.locator('.narration [aria-current]')).toContainText('ms: ');
  // Keyboard: the focused node's menu opens with Enter and Escape hands focus back.
  await page.locator('[data-node="n1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Recover n1' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="n1"]')).toBeFocused();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900; at 390x844 the stage first', async ({ page }) => {
  await expectFirstScreen(page, '#/leader-follower', 'leader-follower');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
});

test('a request from a client\'s menu: "Write from c1" at the playhead adds one operation, the narration tells it, the link changes and the CLI replays it to the hash shown', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await expectClientRequest(page, { link: '#/leader-follower', t: 120, client: 1, op: 'write', told: /writes \d+ \(your request\)/ });
  expect(errors).toEqual([]);
});
