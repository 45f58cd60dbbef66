import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectFirstScreen, expectInViewport } from '../../../e2e/labPage';

test('the stage: c0, f1 and s2; "Crash s2" from its menu crashes the store at the playhead, the link changes and the CLI replays it to the page\'s hash', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('#/bloom-filters');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(3);
  await page.getByLabel('Simulated time').fill('200');
  await expect(stage).toHaveAttribute('data-t', /^200(\.\d+)?$/);
  await expect(page.locator('[data-node="f1"]')).toHaveAttribute('aria-label', /^f1, front, filter, no \d+ · read \d+ · wasted \d+, up$/);
  const before = page.url();
  await page.locator('[data-node="s2"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover s2' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'Pause s2' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Crash s2' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-node="s2"]')).toHaveAttribute('aria-label', /, crashed$/);
  expect(page.url()).not.toBe(before);
  await expect(page.getByText(/Faults: crash s2 at 200 ms\./)).toBeVisible();
  // Every get needing the store from then on times out.
  await expect(page.getByRole('row', { name: /requests timed out/ })).not.toContainText(/\b0$/);
  const hash = await page.getByTestId('trace-hash').textContent();
  expect(cliReplay(page).traceHash).toBe(hash);
  // Keyboard: Enter on the focused store opens its menu; Escape hands focus back.
  await page.locator('[data-node="s2"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Recover s2' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="s2"]')).toBeFocused();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a click on the link between f1 and s2 slows it from the playhead: store answers take longer, and the CLI replays the link', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('#/bloom-filters');
  await waitForRun(page);
  const before = await page.getByRole('row', { name: /median get that read the store/ }).textContent();
  await page.getByLabel('Simulated time').fill('100');
  const f1 = (await page.locator('[data-node="f1"]').boundingBox())!;
  const s2 = (await page.locator('[data-node="s2"]').boundingBox())!;
  await page.mouse.click((f1.x + f1.width + s2.x) / 2, f1.y + f1.height / 2);
  await page.getByRole('menuitem', { name: 'Slow f1 → s2 by 50 ms' }).click();
  await waitForRun(page);
  await expect(page.getByText(/Faults: slow f1 → s2 by 50 ms at 100 ms\./)).toBeVisible();
  await expect(page.getByRole('row', { name: /median get that read the store/ })).not.toHaveText(before!);
  const hash = await page.getByTestId('trace-hash').textContent();
  expect(cliReplay(page).traceHash).toBe(hash);
  expect(errors).toEqual([]);
});

test('play moves requests; the bit array rings the k bits of the key at the playhead with the filter\'s answer', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/bloom-filters');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await stage.getAttribute('data-t'))).toBeGreaterThan(2.5); // paced so a hop (about 1 ms) crosses in about a second
  await expect.poll(async () => Number(await stage.getAttribute('data-dots'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByLabel('Simulated time').fill('3.055');
  const bits = page.locator('.bf-bits');
  await expect(bits).toHaveAttribute('data-op', '0');
  await expect(bits.locator('.bf-op')).toHaveText('At 3.055 ms, f1: get miss-0: bits 485,959, 948,424, 452,384, 914,852, 418,817, 881,292, 385,266; bit 485,959 is 0: definitely no');
  await expect(page.locator('.narration [aria-current]')).toContainText('3.055 ms: f1: miss-0? bit 485,959 is 0: definitely no');
  await page.getByLabel('Simulated time').fill('37.35');
  await expect(bits.locator('.bf-op')).toContainText('get item-86516: bits 455,322, 675,831, 896,341, 158,347, 378,862, 599,381, 819,905 all set: probably yes');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the measurements: the measured rate against the formula with the best k, deletion, and the reads saved', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/bloom-filters');
  await waitForRun(page);
  await expect(page.getByTestId('bf-rate')).toContainText('Measured 0.973 %: 973 of 100,000 keys never inserted answered "probably yes". The formula (1 - e^(-kn/m))^k gives 1.004 %');
  await expect(page.getByTestId('bf-design')).toContainText('About 10 bits per element give 1 %: exactly 9.585 at the best k.');
  await expect(page.getByRole('img', { name: /the best k is 7/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /standard filter, the deleted elements' bits cleared/ })).toContainText('35,867 of 90,000');
  await expect(page.getByTestId('bf-context')).toContainText('157 disk reads saved');
  await page.getByLabel(/Preset/).selectOption('overflow');
  await waitForRun(page);
  await expect(page.getByRole('row', { name: /saturated counters decremented anyway/ })).toContainText('43,578 of 50,000');
  await expect(page.getByRole('row', { name: /counters that saturate/ })).toContainText('0 of 50,000');
  expect(errors).toEqual([]);
});

test('a lesson step sets its scenario, moves the playhead to its moment and rings the nodes it names: a false positive', async ({ page }) => {
  await page.goto('#/bloom-filters');
  await waitForRun(page);
  const lesson = page.getByRole('region', { name: /Guided lesson/ });
  for (let i = 0; i < 3; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { name: 'A false positive: bits set by other keys' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('129.558');
  await expect(page.locator('[data-node="s2"]')).toHaveAttribute('data-highlight', 'true');
  await expect(page.locator('.bf-bits .bf-op')).toContainText('get miss-6: bits 21, 52, 20 all set: probably yes: a false positive');
  await expect(page.getByRole('row', { name: /false positives: wasted disk reads/ })).toContainText('4');
  await page.mouse.move(0, 0);
  await expectNoAxeViolations(page);
});

test('the first screen: stage, bit array, time controls, lesson and narration in view at 1440x900, the stage first at 390x844', async ({ page }) => {
  await expectFirstScreen(page, '#/bloom-filters', 'bloom-filters');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-scene .bf-bits canvas'), 'bit array');
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
});

test('a link over a limit is refused with the limit named', async ({ page }) => {
  await page.goto('#/bloom-filters?v=1&s=1&e=1&m=20000000');
  await expect(page.getByText(/m must be .*10,000,000/)).toBeVisible();
});
