import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from './axe';

test('the quorums lab shows the verdict, the quorum arithmetic and one request\'s quorum; axe light and dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/quorums');
  await waitForRun(page);
  await expect(page.getByRole('heading', { name: /What clients saw: linearizable/ })).toBeVisible();
  await expect(page.getByText(/W \+ R = \d+ > N/)).toBeVisible();
  const table = page.getByRole('table', { name: /Replicas contacted/ });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const first = await page.getByRole('heading', { level: 3, name: /^Op \d+:/ }).innerText();
  const shown = Number(first.match(/^Op (\d+):/)![1]);
  await page.getByRole('button', { name: 'Next →' }).first().click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^Op ${shown + 1}:`) })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('without the write-back preset the checker reports the stale read', async ({ page }) => {
  await page.goto('#/quorums');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('no-write-back');
  await waitForRun(page);
  await expect(page.getByRole('heading', { name: /What clients saw: not linearizable/ })).toBeVisible();
});
