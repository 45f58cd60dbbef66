import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen } from '../../../e2e/labPage';

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

test('the timeline outlines the checker\'s explanation, and selecting an operation there selects it in the quorum diagram; axe light and dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/quorums');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('no-write-back');
  await waitForRun(page);
  // The operation the checker could not place is outlined and selected first.
  await expect(page.locator('[data-highlight="15"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Op 15: client 7 read/ })).toBeVisible();
  await expect(page.locator('svg[data-marks="svg"] g[data-op]')).toHaveCount(21);
  // Keyboard: the previous operation of the same client (op 13, which read 12).
  const timeline = page.getByRole('group', { name: /Client history/ });
  await timeline.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { level: 3, name: /^Op 13: client 7 read/ })).toBeVisible();
  await expect(page.getByText(/^Selected op 13:/)).toBeVisible();
  // Pointer: clicking op 11's bar selects it in the diagram and the table.
  const bar = page.locator('g[data-op="11"] rect');
  await bar.click({ position: { x: 5, y: 3 } });
  await expect(page.getByRole('heading', { level: 3, name: /^Op 11: client 5 write 12/ })).toBeVisible();
  await expect(page.locator('.viz-quorum svg g[data-contact]').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a lesson step loads its scenario: the broken coordinator is caught', async ({ page }) => {
  await page.goto('#/quorums');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 6; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'A broken coordinator is caught' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  // The playhead goes to the moment the text speaks of: just after op 55 returned (3,922.01 ms).
  await expect(page.getByLabel('Simulated time')).toHaveValue('3922.1');
  await expect(page.getByRole('heading', { name: /What clients saw: not linearizable/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Op 55:/ })).toBeVisible();
  await expect(page.getByText(/They meet at n2, yet the read returned the older version/)).toBeVisible();
});

test('10^4 operations (the lab limit) draw on a canvas, aggregated per pixel column; zooming in brings back single bars; axe dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('#/quorums?v=1&ops=10000&clients=8');
  await waitForRun(page);
  await expect(page.locator('svg[data-marks="canvas-aggregated"]')).toBeVisible();
  await expect(page.getByTestId('history-canvas')).toBeVisible();
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  for (let i = 0; i < 6; i++) await zoomIn.click();
  await expect(page.locator('svg[data-marks="svg"] g[data-op]').first()).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the first screen: quorum diagram, time controls and lesson in view at 1440x900; at 390x844 the quorum diagram first', async ({ page }) => {
  await expectFirstScreen(page, '#/quorums', 'quorums');
});
