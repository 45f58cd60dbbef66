import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectClientRequest, expectFirstScreen, expectInViewport, firstScreen } from '../../../e2e/labPage';

/** The trace hash `npx tsx src/cli/scenario.ts` prints for the page's current link. */
test('the stage: a card per region\'s leader; "Crash r1" from its menu crashes it at the playhead, the link changes and the CLI replays it to the page\'s hash', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('#/multi-leader');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(2);
  await expect(stage.locator('[data-client]')).toHaveCount(4);
  await page.getByLabel('Simulated time').fill('200');
  await expect(stage).toHaveAttribute('data-t', /^200(\.\d+)?$/);
  await expect(page.locator('[data-node="r1"]')).toHaveAttribute('aria-label', /^r1, applied \d+, to r0 \d+, k0 [\d|]+, conflicts \d+, up$/);
  const before = page.url();
  await page.locator('[data-node="r1"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover r1' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'Isolate r1' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Jump r1 clock by -1000 ms' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Crash r1' }).click();
  await waitForRun(page);
  await expect(page.locator('[data-node="r1"]')).toHaveAttribute('aria-label', /, crashed$/);
  expect(page.url()).not.toBe(before);
  await expect(page.getByText(/Scripted faults: Crash r1 at 200 ms\./)).toBeVisible();
  const hash = await page.getByTestId('trace-hash').textContent();
  expect(cliReplay(page).traceHash).toBe(hash);
  // Keyboard: Enter on the focused leader opens its menu; Escape hands focus back.
  await page.locator('[data-node="r1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Recover r1' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="r1"]')).toBeFocused();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('play moves batches and acks between the regions; conflicts are flagged on the cards and told in the narration', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/multi-leader');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await stage.getAttribute('data-t'))).toBeGreaterThan(60);
  await expect.poll(async () => Number(await stage.getAttribute('data-dots'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The first conflict: r0 meets writes 6 and 4 at 106.812 ms.
  await page.getByLabel('Simulated time').fill('106.812');
  await expect(page.locator('[data-node="r0"] .stage-card-badges')).toHaveText('conflict');
  await expect(page.locator('.narration [aria-current]')).toContainText('106.812 ms: r0: conflict on k1, writes 6 vs 4; LWW keeps 6');
  await page.locator('.lab-scene').getByRole('radio', { name: /siblings/ }).check();
  await expect(page.locator('.narration [aria-current]')).toContainText('writes 6 vs 4; both kept');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the measurements compare LWW and siblings on one workload, list conflicts and lost updates; a lost update shows on the timeline', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/multi-leader');
  await waitForRun(page);
  const compare = page.getByRole('table', { name: /conflicts resolved two ways/ });
  await expect(compare.getByRole('columnheader', { name: /last-writer-wins/ })).toBeVisible();
  await expect(compare.getByRole('row', { name: /lost updates/ })).toContainText('0');
  await expect(page.getByText(/A write reaches another region 72\.3 ms after it was made \(median/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Conflicts \(\d+\)$/ })).toBeVisible();
  await expect(page.getByText(/last-writer-wins: not linearizable/)).toBeVisible();
  const showLost = page.getByRole('button', { name: /^Show write \d+ on the timeline$/ }).last();
  const value = Number((await showLost.getAttribute('aria-label'))!.match(/\d+/)![0]);
  await showLost.click();
  await expect(page.getByText(new RegExp(`write k\\d = ${value}, ok, lost at the end`)).first()).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a lesson step sets its scenario, moves the playhead to its moment and rings the leader it names: clock skew', async ({ page }) => {
  await page.goto('#/multi-leader');
  await waitForRun(page);
  const lesson = page.getByRole('region', { name: /Guided lesson/ });
  for (let i = 0; i < 3; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { name: 'A clock behind loses even later writes' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('900');
  const r1 = page.locator('[data-node="r1"]');
  await expect(r1).toHaveAttribute('data-highlight', 'true');
  await expect(r1).toHaveAttribute('aria-label', /k0 6, .*clock −2000\.0 ms/);
  await expect(page.getByRole('table', { name: /^Lost updates/ }).getByRole('cell', { name: '878.5', exact: true })).toBeVisible();
  await page.mouse.move(0, 0);
  await expectNoAxeViolations(page);
});

test('the partition preset: the cut link and both sides\' unacknowledged writes on the cards before the heal', async ({ page }) => {
  await page.goto('#/multi-leader');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('partition');
  await waitForRun(page);
  await page.getByLabel('Simulated time').fill('1499');
  await expect(page.locator('[data-node="r0"]')).toHaveAttribute('aria-label', /to r1 13,/);
  await expect(page.locator('[data-node="r1"]')).toHaveAttribute('aria-label', /to r0 19,/);
  await expect(page.getByText('Scripted faults: Partition 0|1 at 300 ms · Heal all links at 1500 ms.')).toBeVisible();
});

test('the first screen: stage, time controls, lesson and narration in view at 1440x900, the stage first at 390x844, and the same in an embed', async ({ page }) => {
  await expectFirstScreen(page, '#/multi-leader', 'multi-leader');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
  await page.goto('#/multi-leader?v=1&embed=1');
  await waitForRun(page);
  const { scene, time, lesson } = firstScreen(page);
  for (const [what, part] of [['scene', scene], ['time controls', time], ['lesson card', lesson]] as const) await expectInViewport(page, part, what);
  await expectInViewport(page, page.locator('.lab-scene [data-stage]'), 'stage');
});

test('a request from a client\'s menu: "Write from c1" at the playhead adds one operation, the narration tells it, the link changes and the CLI replays it to the hash shown', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await expectClientRequest(page, { link: '#/multi-leader', t: 120, client: 1, op: 'write', told: /writes \d+ to k0 \(your request\)/ });
  expect(errors).toEqual([]);
});
