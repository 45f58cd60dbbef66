import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';

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
  const trials = page.getByLabel(/^Trials/);
  await trials.fill('2000');
  await trials.press('Enter');
  await waitForRun(page);
  await expect(page).toHaveURL(/trials=2000/);
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
  const trials = page.getByLabel(/^Trials/);
  await trials.fill('200000');
  await trials.press('Enter');
  await expect(page.getByText(/1\.\.100,?000/).first()).toBeVisible();
  await expect(trials).toHaveAttribute('aria-invalid', 'true');
  expect(page.url()).not.toContain('trials=200000');

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
