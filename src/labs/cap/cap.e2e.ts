import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen } from '../../../e2e/labPage';

test('the CAP lab shows CP refusing side B and AP serving it, the PACELC table and CDFs; axe light and dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/cap');
  await waitForRun(page);
  await expect(page.getByRole('heading', { name: /CAP: the same cut, 150–450 ms/ })).toBeVisible();
  await expect(page.getByText('CP refused every request side B asked during the cut and served all of side A\'s.')).toBeVisible();
  await expect(page.getByText(/AP served every request on both sides during the cut/)).toBeVisible();
  await expect(page.getByText('✓ linearizable').first()).toBeVisible();
  const table = page.getByRole('table', { name: /PACELC presets/ });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('rowheader', { name: 'PC/EC' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Read latency distribution of each PACELC preset with no cut' })).toBeVisible();
  await expect(page.getByText(/Guided lesson · step 1 of 5/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('moving a node with its button edits the cut in the link and re-runs', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/cap');
  await waitForRun(page);
  const n2 = page.getByRole('button', { name: 'n2: side A' });
  await n2.click();
  await waitForRun(page);
  await expect(page.getByRole('button', { name: 'n2: side B' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/sideB=2%2C3%2C4|sideB=2,3,4|z=/);
  // Side B now holds three of five nodes: CP serves it and refuses side A.
  await expect(page.getByText('CP refused every request side A asked during the cut and served all of side B\'s.')).toBeVisible();
  expect(errors).toEqual([]);
});

test('dragging a line across the drawing cuts the cluster there', async ({ page }) => {
  await page.goto('#/cap');
  await waitForRun(page);
  const svg = page.getByRole('img', { name: /The cluster and its cut/ });
  const box = (await svg.boundingBox())!;
  // A vertical line down the middle, drawn downwards: the nodes left of centre (n3, n4) go to side B.
  await page.mouse.move(box.x + box.width * 0.45, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height - 2, { steps: 4 });
  await page.mouse.up();
  await waitForRun(page);
  await expect(page.getByText('Side A: n0, n1, n2 · side B: n3, n4', { exact: false })).toBeVisible();
  // Draw the other way up: now n1, n2 (right of centre) are side B; n0 sits on the line's left.
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height - 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.55, box.y + 2, { steps: 4 });
  await page.mouse.up();
  await waitForRun(page);
  await expect(page.getByRole('button', { name: 'n1: side B' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'n3: side A' })).toBeVisible();
});

test('a lesson step loads its scenario: step 2 cuts n2 off a three-node cluster', async ({ page }) => {
  await page.goto('#/cap');
  await waitForRun(page);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('heading', { name: 'CP refuses the minority' })).toBeVisible();
  await page.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  // The playhead goes to the moment the text speaks of: the cut, at 150 ms.
  await expect(page.getByLabel('Simulated time')).toHaveValue('150');
  // The node the text names is ringed in the drawing, and named in its label.
  await expect(page.locator('.cap-node[data-highlight]')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /The lesson points at n2\./ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'n2: side B' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^n3/ })).toHaveCount(0);
  await expect(page.getByText('side B served').first()).toBeVisible();
  await expect(page.locator('.cap-figures').first()).toContainText('0% of 8');
});

test('the first screen: cut, time controls and lesson in view at 1440x900; at 390x844 the cut first', async ({ page }) => {
  await expectFirstScreen(page, '#/cap', 'cap');
});
