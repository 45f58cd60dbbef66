/**
 * "Check a history": a pasted or loaded history is checked in a worker with the reader and checker of
 * `npm run check`, the verdict told in words and drawn on the history timeline with the explanation outlined.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, watchErrors } from './axe';

test('a Knossos history that is not linearizable: the verdict, the operation Knossos pins, outlined on the timeline', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/');
  await page.getByRole('link', { name: 'Check a history' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check a history' })).toBeVisible();
  const file = resolve('test-data/knossos/cas-register/bad/rethink-fail-minimal.edn');
  await page.getByLabel('Or load a file').setInputFiles(file);
  await expect(page.getByLabel('History', { exact: true })).toHaveValue(readFileSync(file, 'utf8'));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const result = page.locator('.check-result');
  await expect(result.getByRole('heading', { name: '✗ Not linearizable' })).toBeVisible();
  await expect(result).toContainText('checked against the cas-register model');
  await expect(result.locator('.check-explanation')).toContainText('process 1, read() -> 3');
  await expect(result.getByRole('group', { name: /the checker’s explanation outlined/ })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a Porcupine etcd log checks as linearizable; a malformed history is refused naming its line; an example loads', async ({ page }) => {
  await page.goto('#/check');
  const box = page.getByLabel('History', { exact: true });
  await box.fill(readFileSync(resolve('test-data/porcupine/jepsen/etcd_002.log'), 'utf8'));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: '✓ Linearizable' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.check-result')).toContainText('from a jepsen history, checked against the etcd model');

  await box.fill('[{:process 0, :type :invoke, :f :read, :value nil}\n {:process 0 :type :ok :f :read :value #inst "x"}]');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The history cannot be checked: line 2: the tag #inst is not read in histories.');

  await page.getByRole('button', { name: /^JSON: a stale read/ }).click();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: '✗ Not linearizable' })).toBeVisible();
});
