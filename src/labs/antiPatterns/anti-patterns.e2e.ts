import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectFirstScreen, expectInViewport } from '../../../e2e/labPage';

/** The scenario link the page shows now (the location fragment without '#'). */
const linkOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));

test('the stage: the shared database\'s menu crashes it at the playhead, the link changes and the CLI replays it to the hash shown; axe light and dark', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('#/anti-patterns');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(9);
  await page.getByLabel('Simulated time').fill('1000');
  await expect(stage).toHaveAttribute('data-t', /^1000(\.\d+)?$/);
  await expect(page.locator('[data-node="d0"]')).toHaveAttribute('aria-label', /^d0, database, slots \d\/2.*, up$/);
  const before = await linkOf(page);
  await page.locator('[data-node="d0"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover d0' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Crash d0' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-node="d0"]')).toHaveAttribute('aria-label', /, down$|, crashed$/);
  const after = await linkOf(page);
  expect(after).not.toBe(before);
  expect(after).toMatch(/^\/anti-patterns\?v=1&z=/);
  const cli = cliReplay(page);
  expect(cli.scenario.events).toEqual([{ t: 1000, type: 'crash', node: 4 }]);
  await expect(page.getByTestId('trace-hash')).toHaveText(cli.traceHash);
  // The shared database never comes back in this run: both services on it go down, the fix's stay up.
  const compare = page.getByRole('table', { name: /shared database .* beside a store per service/ });
  await expect(compare.getByRole('row', { name: /services down in a database fault/ }).getByRole('cell')).toHaveText(['2', '0']);
  await expect(page.getByRole('heading', { name: 'Services down per database fault' })).toBeVisible();
  // Keyboard: Enter opens a node's menu, Escape hands focus back.
  await page.locator('[data-node="d1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Crash d1' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="d1"]')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('2PC: the coordinator-crash preset holds the participants\' locks until the coordinator recovers, then releases them', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/anti-patterns');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('2pc-coordinator-crash');
  await waitForRun(page);
  await page.getByLabel('Simulated time').fill('1200');
  await expect(page.locator('[data-node="t0"]')).toHaveAttribute('aria-label', /T4 COMMIT logged/);
  for (const p of ['p0', 'p1', 'p2']) await expect(page.locator(`[data-node="${p}"]`)).toHaveAttribute('aria-label', /T4 prepared/);
  await page.getByLabel('Simulated time').fill('1810');
  await expect(page.locator('.lab-slot-narration')).toContainText('t0 recovers and reads COMMIT T4 in its log');
  await page.getByLabel('Simulated time').fill('1812');
  for (const p of ['p0', 'p1', 'p2']) await expect(page.locator(`[data-node="${p}"]`)).toHaveAttribute('aria-label', /free/);
  await expect(page.getByRole('heading', { name: /✓ The scene's 3 invariants held/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Transfers/ }).getByRole('row', { name: /^T4 / })).toContainText('1811.801');
  expect(errors).toEqual([]);
});

test('a lesson step sets its scene, its moment and the nodes it names: the coordinator crashes after logging COMMIT', async ({ page }) => {
  await page.goto('#/anti-patterns');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 4; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'The coordinator crashes after logging COMMIT' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('1200');
  await expect(page.locator('[data-node="t0"]')).toHaveAttribute('data-highlight');
  await expect(page.locator('[data-node="p1"]')).toHaveAttribute('data-highlight');
});

test('the scenes are tabs, each drawing its nodes on the stage; the clocks scene links to the clocks lab', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/anti-patterns');
  await waitForRun(page);
  const counts: [string, string, number][] = [['2PC vs saga', '2pc', 10], ['Synchronized clocks', 'clocks', 4], ['No partition handling', 'partition', 5], ['Data locality', 'locality', 9]];
  for (const [tab, mode, nodes] of counts) {
    await page.getByRole('button', { name: tab }).click();
    await waitForRun(page);
    expect(await linkOf(page)).toContain(`mode=${mode}`);
    await expect(page.locator('[data-stage] [data-node]')).toHaveCount(nodes);
    if (mode === 'clocks') await expect(page.getByRole('link', { name: /open the clocks lab/ })).toHaveAttribute('href', /#\/vector-clocks\?.*skewMs=-100/);
  }
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900; at 390x844 the stage first', async ({ page }) => {
  await expectFirstScreen(page, '#/anti-patterns', 'anti-patterns');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
});
