import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen, openParameters } from '../../../e2e/labPage';

const small = '#/pbs?v=1&s=1&e=1&trials=5000';

test('the PBS lab loads: the plot, one table row per configuration, WARS legs and the lesson', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(small);
  await waitForRun(page);
  await expect(page.getByRole('heading', { name: 'Probability of a consistent read t ms after commit' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Percentage of reads that return the latest write/ })).toBeVisible();
  const table = page.locator('.pbs-table table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table).toContainText('N=3 R=2 W=2');
  await expect(table).toContainText('at commit');
  await expect(page.locator('.pbs-legs li')).toHaveCount(4);
  await expect(page.getByText(/Guided lesson · step 1 of 5/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('changing trials or the preset edits the link and redraws the plot', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(small);
  await waitForRun(page);
  const headline = page.locator('.pbs-headline');
  const before = await headline.innerText();
  await openParameters(page);
  const trials = page.getByLabel(/^Trials/);
  await trials.fill('2000');
  await trials.press('Enter');
  await waitForRun(page);
  await expect(page).toHaveURL(/trials=2000/);
  await page.keyboard.press('Escape');
  await expect(page.locator('figcaption')).toContainText('2,000 simulated writes');
  await expect(headline).not.toHaveText(before);

  await page.getByLabel('Preset').selectOption({ label: 'Yammer' });
  await waitForRun(page);
  await expect(page).toHaveURL(/latency=ymmr/);
  await expect(page.locator('.pbs-table table')).toContainText('N=3 R=1 W=2');
  await expect(page.locator('.pbs-legs')).toContainText('Pareto (min 3 ms, α 3.5)');
  await page.getByLabel('stale reads (zoomed in)').check();
  await expect(page.getByRole('img', { name: /Percentage of reads that miss the latest write/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('values over a limit are refused, naming the limit or the configuration', async ({ page }) => {
  await page.goto(small);
  await waitForRun(page);
  await openParameters(page);
  const trials = page.getByLabel(/^Trials/);
  await trials.fill('200000');
  await trials.press('Enter');
  await expect(page.getByText(/1\.\.100,?000/).first()).toBeVisible();
  await expect(trials).toHaveAttribute('aria-invalid', 'true');
  expect(page.url()).not.toContain('trials=200000');
  // The drawer, open with a refused value in it, passes axe too.
  await expectNoAxeViolations(page);

  await page.goto('about:blank');
  await page.goto('#/pbs?v=1&s=1&e=1&r2=4');
  await expect(page.locator('.banner')).toContainText('config 2: R (read quorum) must be at most N = 3, got r2 = 4');
});

test('the PBS page passes axe in light and dark', async ({ page }) => {
  await page.goto(small);
  await waitForRun(page);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('the playhead is t ms after commit: Step moves the plot\'s cursor one grid point, the table reads the curves there, Play sweeps on', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(small);
  await waitForRun(page);
  const readout = page.locator('.time-readout');
  await expect(readout).toHaveText('0 / 60 ms');
  await expect(page.locator('.pbs-at')).toContainText('Reads issued at the moment of commit that return the write: N=3 R=1 W=1');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(readout).toHaveText('1 / 60 ms');
  await expect(page.locator('.pbs-table').getByRole('columnheader', { name: 'consistent at the playhead (t = 1 ms)' })).toBeVisible();
  await expect(page.locator('.pbs-at')).toContainText('Reads issued 1 ms after commit that return the write');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByLabel('Simulated time').inputValue())).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(errors).toEqual([]);
});

test('a lesson step puts the playhead where its text speaks: 10 ms after commit', async ({ page }) => {
  await page.goto(small);
  await waitForRun(page);
  await page.locator('.lesson').getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('10');
  await expect(page.locator('.pbs-at')).toContainText('Reads issued 10 ms after commit that return the write: N=3 R=1 W=1 92.');
});

test('the first screen: plot, time controls and lesson in view at 1440x900; at 390x844 the plot first', async ({ page }) => {
  await expectFirstScreen(page, small, 'pbs');
});
