import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectFirstScreen } from '../../../e2e/labPage';

test('the stage: callers and servers; "Crash s3" from its menu crashes it at the playhead, the link changes and the CLI replays it to the page\'s hash', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto('#/failure-handling');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(4);
  await page.getByLabel('Simulated time').fill('3000');
  await expect(stage).toHaveAttribute('data-t', /^3000(\.\d+)?$/);
  await expect(page.locator('[data-node="s3"]')).toHaveAttribute('aria-label', /^s3, server, slots \d\/5, queue \d+/);
  // A caller offers no service slowdown; a server does.
  await page.locator('[data-node="c0"]').click();
  await expect(page.getByRole('menuitem', { name: 'Crash c0' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Slow c0/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  const before = page.url();
  await page.locator('[data-node="s3"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover s3' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'Slow s3\'s service 3x' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Crash s3' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-node="s3"]')).toHaveAttribute('aria-label', /, crashed$/);
  expect(page.url()).not.toBe(before);
  await expect(page.getByText(/Script: Crash s3 at 3000 ms · Crash s2 at 5000 ms · Recover s2 at 10000 ms\./)).toBeVisible();
  const hash = await page.getByTestId('trace-hash').textContent();
  expect(cliReplay(page).traceHash).toBe(hash);
  // Keyboard: Enter on the focused server opens its menu; Escape hands focus back.
  await page.locator('[data-node="s2"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Crash s2' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="s2"]')).toBeFocused();
  expect(errors).toEqual([]);
});

test('a strategy tab runs it on the same workload beside none; the invariants hold; leader failure links to the consensus lab', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto('#/failure-handling');
  await waitForRun(page);
  await expect(page.getByTestId('fh-headline')).toContainText('amplification 3.39; time to recover after the last fault: not recovered by the end (60 s)');
  await page.getByRole('button', { name: 'Timeout + breaker' }).click();
  await waitForRun(page);
  await expect(page.getByRole('button', { name: 'Timeout + breaker' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('fh-headline')).toContainText('The breakers opened 6 times and rejected 813 calls at once');
  await expect(page.getByRole('row', { name: /time to recover/ })).toContainText('6.0 s');
  await expect(page.getByRole('heading', { name: 'Breaker state per caller' })).toBeVisible();
  await expect(page.getByTestId('fh-checks').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('fh-checks')).not.toContainText('✗');
  await expect(page.getByRole('link', { name: 'Leader failure →' })).toHaveAttribute('href', '#/consensus?v=1&lesson=3');
  const hash = await page.getByTestId('trace-hash').textContent();
  expect(cliReplay(page).traceHash).toBe(hash);
  expect(errors).toEqual([]);
});

test('a lesson step sets its scenario, moves the playhead to its moment and rings the nodes it names: the breaker opens', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('#/failure-handling?v=1&lesson=7');
  await waitForRun(page);
  const lesson = page.getByRole('region', { name: /Guided lesson/ });
  await expect(lesson.getByRole('heading', { name: 'A slow downstream opens the breaker' })).toBeVisible();
  await expect(page.getByLabel('Simulated time')).toHaveValue('11541.201');
  await expect(page.locator('[data-node="c1"]')).toHaveAttribute('data-highlight', 'true');
  await expect(page.locator('[data-node="c1"]')).toHaveAttribute('aria-label', /open · in flight/);
  await expect(page.locator('.narration [aria-current]')).toContainText("11541.201 ms: c1's breaker opens: 10 of the last 20 calls failed (50 %, threshold 50 %)");
  await page.mouse.move(0, 0);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('play moves the playhead and the cards follow it; pause stops it', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto('#/failure-handling');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await page.getByLabel('Simulated time').fill('9990');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await stage.getAttribute('data-t'))).toBeGreaterThan(9991);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The stage draws the playhead deferred (a render React may slice): on a loaded machine it can still be
  // catching up with the paused moment when the click returns. Once it has (two reads 200 ms apart agree),
  // it must not move again.
  const shown = async () => Number(await stage.getAttribute('data-t'));
  let t = await shown();
  await expect.poll(async () => {
    const before = t;
    await page.waitForTimeout(200);
    t = await shown();
    return t === before;
  }).toBe(true);
  await page.waitForTimeout(500);
  expect(await shown()).toBe(t);
  // s2 is down until 10000 ms: its card says so.
  await page.getByLabel('Simulated time').fill('9000');
  await expect(page.locator('[data-node="s2"]')).toHaveAttribute('aria-label', /, crashed$/);
  await page.getByLabel('Simulated time').fill('11000');
  await expect(page.locator('[data-node="s2"]')).toHaveAttribute('aria-label', /, up$/);
  expect(errors).toEqual([]);
});

test('the first screen: stage, time controls and lesson in view at 1440x900, the stage first at 390x844', async ({ page }) => {
  test.setTimeout(180_000);
  await expectFirstScreen(page, '#/failure-handling', 'failure-handling');
});

test('a link over a limit is refused with the limit named', async ({ page }) => {
  await page.goto('#/failure-handling?v=1&s=1&e=1&ratePerSec=5000');
  await expect(page.getByText(/ratePerSec must be .*500/)).toBeVisible();
});
