import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectFirstScreen, expectInViewport } from '../../../e2e/labPage';

/** The scenario link the page shows now (the location fragment without '#'). */
const linkOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));

test('the stage: a server\'s menu crashes it at the playhead, the link changes and the CLI replays it to the hash shown; axe light and dark', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('#/consensus');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(5);
  await page.getByLabel('Simulated time').fill('400');
  await expect(stage).toHaveAttribute('data-t', /^400(\.\d+)?$/);
  await expect(page.locator('[data-node="s2"]')).toHaveAttribute('aria-label', /^s2, leader, term 1, vote s2, log .*, commit \d+\/\d+, up$/);
  const before = await linkOf(page);
  await page.locator('[data-node="s2"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover s2' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'Time out s2 now' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Send request to s2' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Crash s2' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-node="s2"]')).toHaveAttribute('aria-label', /, crashed$/);
  const after = await linkOf(page);
  expect(after).not.toBe(before);
  expect(after).toMatch(/^\/consensus\?v=1&z=/);
  // The same link in Node: the CLI prints the trace hash the page shows.
  const cli = cliReplay(page);
  expect(cli.scenario.events).toEqual([{ t: 400, type: 'crash', node: 2 }]);
  await expect(page.getByTestId('trace-hash')).toHaveText(cli.traceHash);
  // A new leader follows: the leaderships table names term 2.
  await expect(page.getByRole('table', { name: /Leaderships/ }).getByRole('rowheader', { name: '2' })).toBeVisible();
  // Keyboard: Enter opens a server's menu, "Time out s4 now" inserts the event, Escape hands focus back.
  await page.locator('[data-node="s4"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Crash s4' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="s4"]')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a broken-variant preset: the run stops at the violation, the stage rings the servers and marks the entries, the narration says why', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/consensus');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('broken-commit-old-term');
  await waitForRun(page);
  await expect(page.getByRole('heading', { name: /✗ Leader Completeness broke at 878\.156 ms/ })).toBeVisible();
  const narration = page.locator('.lab-slot-narration');
  await expect(narration.getByText(/s2 became leader of term 6 without the committed entry 28/)).toBeVisible();
  await narration.getByRole('button', { name: 'Go to the violation' }).click();
  await expect(page.getByLabel('Simulated time')).toHaveValue('878.156');
  await expect(page.locator('[data-node][data-highlight]')).toHaveCount(2);
  await expect(page.locator('[data-node="s2"]')).toHaveAttribute('data-highlight');
  await expect(page.locator('[data-node="s0"] .stage-cell[data-marked]')).toHaveText('1');
  await expect(page.locator('[data-node="s2"] .stage-cell[data-marked]')).toHaveText('4');
  await expect(page.locator('[data-node="s0"]')).toHaveAttribute('aria-label', /log earlier entries, .*1 marked/);
  await expect(page.getByRole('note')).toContainText('Leader Completeness broke');
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a lesson step sets its scene, its moment and the servers it names: why a majority of votes', async ({ page }) => {
  await page.goto('#/consensus');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 4; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'Why a majority of votes?' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('172.577');
  await expect(page.locator('[data-node="s2"]')).toHaveAttribute('data-highlight');
  await expect(page.locator('[data-node="s0"]')).toHaveAttribute('data-highlight');
  await expect(page.getByRole('heading', { name: /✗ Election Safety broke at 172\.577 ms/ })).toBeVisible();
});

test('the election-time experiment runs in the worker, draws its CDFs beside the paper, and a trial opens on the stage', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('#/consensus?v=1&s=1&e=1&trials=40');
  await waitForRun(page);
  await page.getByRole('button', { name: /Run the bottom graph/ }).click();
  await waitForRun(page);
  expect(await linkOf(page)).toContain('experiment=scale');
  await expect(page.getByRole('img', { name: /Time without a leader after the leader crashes: one curve per election timeout range \(40, 40, 40, 40, 40 trials\)/ })).toBeVisible();
  const table = page.getByRole('table', { name: /Time without a leader per election timeout range/ });
  await expect(table.getByRole('row')).toHaveCount(6);
  await table.getByRole('button', { name: 'Median trial, 150–300 ms' }).click();
  await waitForRun(page);
  // The trial: five servers, s3 and s4 cut off from s0's replies, s0 crashed at the playhead, no experiment.
  const link = await linkOf(page);
  expect(link).toMatch(/^\/consensus\?v=1&z=/);
  await expect(page.locator('[data-node="s0"]')).toHaveAttribute('aria-label', /, crashed$/);
  await expect(page.getByRole('button', { name: /Run the bottom graph/ })).toBeEnabled();
  await expect(page.locator('.lab-slot-narration')).toContainText('s0 crashes');
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900; at 390x844 the stage first', async ({ page }) => {
  await expectFirstScreen(page, '#/consensus', 'consensus');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
});
