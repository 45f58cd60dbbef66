import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen, expectInViewport, firstScreen } from '../../../e2e/labPage';

/** The trace hash `npx tsx src/cli/scenario.ts` prints for the page's current link. */
function cliHash(page: Page): string {
  const fragment = new URL(page.url()).hash;
  const stdout = execFileSync('npx', ['tsx', 'src/cli/scenario.ts', fragment], { encoding: 'utf8' });
  return (JSON.parse(stdout) as { traceHash: string }).traceHash;
}

test('the stage: a card per replica with its clocks; "Crash r1" from its menu crashes it at the playhead, the link changes and the CLI replays it to the page\'s hash', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('#/vector-clocks');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(3);
  await page.getByLabel('Simulated time').fill('200');
  await expect(stage).toHaveAttribute('data-t', /^200(\.\d+)?$/);
  await expect(page.locator('[data-node="r1"]')).toHaveAttribute('aria-label', /^r1, pt [\d.]+, Lamport \d+, HLC [\d.]+·\d+, VV \[\d+,\d+,\d+\], LWW \w+, siblings [\w|]+, /);
  const before = page.url();
  await page.locator('[data-node="r1"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover r1' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'Jump r1 clock by -100 ms' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Crash r1' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-node="r1"]')).toHaveAttribute('aria-label', /, crashed$/);
  expect(page.url()).not.toBe(before);
  await expect(page.getByText(/Scripted faults: Crash r1 at 200 ms\./)).toBeVisible();
  const hash = await page.getByTestId('trace-hash').textContent();
  expect(cliHash(page)).toBe(hash);
  await page.locator('[data-node="r1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Recover r1' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="r1"]')).toBeFocused();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the space-time diagram follows the playhead and sets it; the writes wall-clock LWW lost are counted; commit wait switches the stage', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/vector-clocks?v=1&skewMs=-100');
  await waitForRun(page);
  const diagram = page.locator('[data-spacetime]');
  await expect(diagram).toBeVisible();
  await expect(diagram).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
  await expect(page.getByText(/3 committed writes lost by wall-clock last-writer-wins \(c1, b1, b3\), marked ✕ on the diagram; 1 of them had seen the write it lost to \(b3\)/)).toBeVisible();
  // The stage's playhead moves the diagram's line...
  const line = diagram.locator('.spacetime-playhead');
  await page.getByLabel('Simulated time').fill('100');
  await expect(line).toHaveAttribute('style', /translateX/);
  const at100 = await line.getAttribute('style');
  await page.getByLabel('Simulated time').fill('500');
  await expect.poll(() => line.getAttribute('style')).not.toBe(at100);
  // ...and a click on the diagram's empty space moves the stage's playhead there.
  const stage = page.locator('[data-stage]');
  await diagram.locator('.spacetime-box').scrollIntoViewIfNeeded();
  const box = (await diagram.locator('.spacetime-box').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.8, box.y + 6);
  await expect.poll(async () => Number(await stage.getAttribute('data-t'))).toBeGreaterThan(600);
  await expect(page.getByRole('table', { name: /The same writes resolved by four stores/ }).getByRole('row', { name: /committed writes lost/ })).toContainText('3');
  await page.locator('.lab-scene').getByRole('radio', { name: /commit wait/ }).check();
  await expect(page.getByRole('heading', { name: 'Space-time diagram (commit wait (TrueTime-style))' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a ShiViz log pasted on the page is drawn in the same diagram', async ({ page }) => {
  await page.goto('#/vector-clocks');
  await waitForRun(page);
  const log = ['start', 'a {"a":1}', 'send m', 'a {"a":2}', 'receive m', 'b {"a":2,"b":1}', 'local', 'b {"a":2,"b":2}'].join('\n');
  await page.getByLabel('Log text (paste)').fill(log);
  await page.getByRole('button', { name: 'Import pasted log' }).click();
  const result = page.locator('.spacetime-import-result');
  await expect(result).toHaveAttribute('data-import-events', '4');
  await expect(result).toHaveAttribute('data-import-problems', '0');
  await expect(result.locator('[data-spacetime]')).toBeVisible();
});

test('a lesson step sets its scenario, moves the playhead to its moment and rings the replicas it names: the later write loses', async ({ page }) => {
  await page.goto('#/vector-clocks');
  await waitForRun(page);
  const lesson = page.getByRole('region', { name: /Guided lesson/ });
  await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { name: 'A slow clock makes the later write lose' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('273.034');
  const r1 = page.locator('[data-node="r1"]');
  await expect(r1).toHaveAttribute('data-highlight', 'true');
  await expect(r1).toHaveAttribute('aria-label', /VV \[1,3,2\], LWW c2, .*clock −98\.3 ms/);
  await expect(page.getByRole('cell', { name: 'lost to c2, which it had seen' }).first()).toBeVisible();
  await page.mouse.move(0, 0);
  await expectNoAxeViolations(page);
});

test('the first screen: stage, time controls, lesson and narration in view at 1440x900, the stage first at 390x844; axe light and dark', async ({ page }) => {
  await expectFirstScreen(page, '#/vector-clocks', 'vector-clocks');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.goto('#/vector-clocks?v=1&embed=1');
  await waitForRun(page);
  const { scene, time, lesson } = firstScreen(page);
  for (const [what, part] of [['scene', scene], ['time controls', time], ['lesson card', lesson]] as const) await expectInViewport(page, part, what);
});
