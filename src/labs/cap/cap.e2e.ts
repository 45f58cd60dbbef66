import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectClientRequest, expectFirstScreen, expectInViewport } from '../../../e2e/labPage';

const stageOf = (page: Page) => page.locator('.lab-scene [data-stage]');

/** Moves the playhead to t through the time controls and waits for the stage to draw it. */
async function seek(page: Page, t: number): Promise<void> {
  await page.getByLabel('Simulated time').fill(String(t));
  await expect(stageOf(page)).toHaveAttribute('data-t', new RegExp(`^${t}(\\.\\d+)?$`));
}

test('the CAP lab: CP refuses the minority side and AP serves it, the PACELC table and CDFs; axe light and dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/cap');
  await waitForRun(page);
  await expect(page.getByText('Cut: n3, n4 cut off from n0, n1, n2, 150–450 ms. Minority side served: CP 0 of 9, AP 47 of 47.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'CAP: CP and AP on the same script' })).toBeVisible();
  await expect(page.getByText('CP refused every request the minority side asked during the cut and served all of the majority side\'s.')).toBeVisible();
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

test('the stage: n4 refuses under CP (card and narration), the AP toggle redraws without a re-run; crashing n1 from its menu changes the link, and the CLI replays it to the hash the page shows', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('#/cap');
  await waitForRun(page);
  const stage = stageOf(page);
  await expect(stage.locator('[data-node]')).toHaveCount(5);
  await seek(page, 211.21);
  await expect(page.locator('[data-node="n4"]')).toHaveAttribute('aria-label', 'n4, copy 26@7, ✗ read refused, up');
  await expect(page.locator('.narration [aria-current]')).toHaveText('211.206 ms: n4 refuses c4\'s read: no quorum');

  // The toggle is a view choice: the link and the run stay, the stage draws AP at the same t.
  const link = page.url();
  const hash = await page.getByTestId('trace-hash').textContent();
  await page.getByRole('button', { name: 'AP: any one copy' }).click();
  await expect(page.getByRole('heading', { name: 'The cluster at the playhead: AP' })).toBeVisible();
  await expect(page.locator('[data-node="n4"]')).toHaveAttribute('aria-label', /^n4, copy \d+@\d+, ✓ (read|wrote) \d+@\d+, up$/);
  expect([page.url(), await page.getByTestId('trace-hash').textContent()]).toEqual([link, hash]);
  await page.getByRole('button', { name: 'CP: majority quorums' }).click();

  await seek(page, 120);
  await page.locator('[data-node="n1"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover n1' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Crash n1' }).click();
  await expect(page).not.toHaveURL(link);
  await waitForRun(page);
  await expect(page.locator('[data-node="n1"]')).toHaveAttribute('aria-label', /, crashed$/);
  await expect(page.locator('.narration [aria-current]')).toHaveText('120.000 ms: n1 crashes');
  const shown = await page.getByTestId('trace-hash').textContent();
  expect(shown).not.toBe(hash);
  const cli = cliReplay(page);
  expect(cli.traceHash).toBe(shown);

  // Keyboard: Enter on the focused node opens its menu, Escape hands focus back.
  await page.locator('[data-node="n2"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Crash n2' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="n2"]')).toBeFocused();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('partitions from the stage: a drag across it cuts at the playhead, and the Partition dialog does the same by keyboard', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/cap');
  await waitForRun(page);
  await seek(page, 500);
  // A vertical line through the middle of the stage: n1 and n2 (right) from n0, n3, n4. The seek can scroll
  // the page (the slider takes focus): bring the stage into view and let it settle before measuring it.
  const overlay = page.locator('.lab-scene .stage-overlay');
  await overlay.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const box = (await overlay.boundingBox())!;
  const x = box.x + box.width * 0.6;
  await page.mouse.move(x, box.y + 4);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(x, box.y + box.height - 4, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await waitForRun(page);
  await expect(page.getByText(/^Cut: n3, n4 cut off from n0, n1, n2, 150–450 ms; n1, n2 cut off from n0, n3, n4, 500–/)).toBeVisible();
  await expect(page.locator('.narration [aria-current]')).toHaveText('500.000 ms: the network splits: {n0, n3, n4} | {n1, n2}');

  await page.getByRole('button', { name: 'Undo' }).click();
  await waitForRun(page);
  await page.getByRole('button', { name: 'Partition and links…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Partition and links' });
  await dialog.getByRole('checkbox', { name: 'n0' }).check();
  await dialog.getByRole('button', { name: 'Partition' }).click();
  await waitForRun(page);
  await expect(page.getByText(/^Cut: n3, n4 cut off from n0, n1, n2, 150–450 ms; n0 cut off from n1, n2, n3, n4, 500–/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a lesson step sets the stage: step 3 shows AP just before the heal, n0 and n3 ringed, their copies apart', async ({ page }) => {
  await page.goto('#/cap');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 2; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'AP serves both sides, and they diverge' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('449');
  await expect(page.getByRole('heading', { name: 'The cluster at the playhead: AP' })).toBeVisible();
  await expect(page.locator('[data-node="n0"]')).toHaveAttribute('aria-label', /^n0, copy 192@27,/);
  await expect(page.locator('[data-node="n3"]')).toHaveAttribute('aria-label', /^n3, copy 191@18,/);
  await expect(stageOf(page).locator('[data-highlight]')).toHaveCount(2);
  await expect(stageOf(page)).toHaveAttribute('aria-label', /The lesson points at n0, n3\.$/);
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900; at 390x844 the stage first', async ({ page }) => {
  await expectFirstScreen(page, '#/cap', 'cap');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectInViewport(page, stageOf(page), 'stage');
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
});

test('a request from a client\'s menu: "Write from c3" at the playhead adds one operation, the narration tells it, the link changes and the CLI replays it to the hash shown', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const current = await expectClientRequest(page, { link: '#/cap', t: 120, client: 3, op: 'write', told: /writes \d+ \(your request\)/ });
  // c3 is busy at 120 ms: the narration says its request waits; stepping on reaches the moment it starts.
  await expect(current).toHaveText('120.000 ms: c3 is busy: your request waits');
  const stage = stageOf(page);
  for (let i = 0; i < 40 && !/\(your request\)$/.test(await current.innerText()); i++) {
    const was = (await stage.getAttribute('data-t'))!;
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stage).not.toHaveAttribute('data-t', was);
    // The narration follows the playhead in its next frames (its current row: the last event at or before t).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  await expect(current).toHaveText(/^\d+\.\d{3} ms: c3 writes \d+ \(your request\)$/);
  expect(errors).toEqual([]);
});
