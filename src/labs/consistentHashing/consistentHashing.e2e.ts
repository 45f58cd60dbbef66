import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen, expectInViewport, firstScreen, openParameters } from '../../../e2e/labPage';

const small = '#/consistent-hashing?v=1&s=1&e=1&keys=2000&nodes=5&vnodes=50';

test('adding a node is a scenario edit: the link changes, the headline compares with 1/N and mod N, undo restores', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(small);
  await waitForRun(page);
  const before = page.url();
  await page.getByRole('button', { name: /Add node/ }).click();
  await waitForRun(page);
  await expect(page).not.toHaveURL(before);
  await expect(page.getByText(/keys moved:/)).toBeVisible();
  await expect(page.locator('.ch-headline')).toContainText(/ideal 1\/\d+/);
  await expect(page.getByText(/hash mod N on the same keys moves/)).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitForRun(page);
  expect(page.url()).toBe(before);
  await page.getByRole('button', { name: 'Redo' }).click();
  await waitForRun(page);
  await expect(page).not.toHaveURL(before);
  expect(errors).toEqual([]);
});

test('the same link shows the same numbers after a reload (a link reproduces the run)', async ({ page }) => {
  await page.goto(small);
  await waitForRun(page);
  await page.getByRole('button', { name: /Add node/ }).click();
  await waitForRun(page);
  const headline = await page.locator('.ch-headline').innerText();
  const link = page.url();
  await page.goto('about:blank');
  await page.goto(link);
  await waitForRun(page);
  await page.getByRole('button', { name: /Step forward/ }).click();
  await expect(page.locator('.ch-headline')).toHaveText(headline);
});

test('a link over a limit shows what was wrong, loads the defaults and keeps the original link', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/consistent-hashing?v=1&vnodes=5000');
  const banner = page.locator('.banner');
  await expect(banner).toContainText('vnodes must be 1..1000, got 5000');
  await expect(banner.getByRole('textbox')).toHaveValue(/vnodes=5000/);
  await openParameters(page);
  await expect(page.getByLabel(/Virtual nodes/)).toHaveValue('50');
  await page.keyboard.press('Escape');
  await waitForRun(page);
  await expect(page.getByRole('button', { name: /Add node/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('hostile and broken links never break the page', async ({ page }) => {
  const errors = watchErrors(page);
  const bad = [
    '#/consistent-hashing?v=1&z=' + 'A'.repeat(9000),
    '#/consistent-hashing?v=1&z=not*base64',
    '#/consistent-hashing?v=9&nodes=5',
    '#/consistent-hashing?v=1&nodes=abc',
    '#/no-such-lab?v=1',
  ];
  for (const link of bad) {
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.locator('.banner')).toBeVisible();
  }
  // Over the length cap, the link's own lab opens with its defaults (not the home page), the link kept.
  const long = '#/consistent-hashing?v=1&label=' + 'a'.repeat(9000);
  await page.goto('about:blank');
  await page.goto(long);
  await expect(page.locator('.banner')).toContainText('the limit is 8,192');
  await expect(page.getByRole('heading', { level: 1, name: 'Consistent hashing' })).toBeVisible();
  expect((await page.locator('.banner').getByRole('textbox').inputValue()).endsWith(long)).toBe(true);
  // Echoed text is inert: a bidi override in an unknown key cannot reverse the banner's own words.
  await page.goto('about:blank');
  await page.goto('#/consistent-hashing?v=1&x%E2%80%AEyz=1');
  const message = page.locator('.banner-message');
  await expect(message).toContainText('\\u202e');
  expect(await message.textContent()).not.toContain('\u202E');
  expect(errors).toEqual([]);
});

test('a parameter over its limit is refused with the limit named and the typed value kept', async ({ page }) => {
  await page.goto(small);
  await waitForRun(page);
  await openParameters(page);
  const vnodes = page.getByLabel(/Virtual nodes/);
  await vnodes.fill('5000');
  await vnodes.press('Enter');
  await expect(page.getByText(/1\.\.1,?000/).first()).toBeVisible();
  await expect(vnodes).toHaveValue('5000');
  await expect(vnodes).toHaveAttribute('aria-invalid', 'true');
  expect(page.url()).not.toContain('vnodes=5000');
});

test('embed mode shows the lab alone, with the same first screen and an "Open in playground" link carrying the full state', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('#/consistent-hashing?v=1&s=1&e=1&vnodes=60&embed=1');
  await waitForRun(page);
  await expect(page.locator('.shell-header')).toHaveCount(0);
  const { scene, time, lesson } = firstScreen(page);
  for (const [what, part] of [['scene', scene], ['time controls', time], ['lesson card', lesson]] as const) await expectInViewport(page, part, what);
  const open = page.getByRole('link', { name: /Open in playground/ });
  await expect(open).toBeVisible();
  const href = await open.getAttribute('href');
  expect(href).toContain('#/consistent-hashing?');
  expect(href).toContain('vnodes=60');
  expect(href).not.toContain('embed=1');
});

test('the lab page passes axe (light and dark) and the ring is keyboard-reachable', async ({ page }) => {
  await page.goto(small);
  await waitForRun(page);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('at maximum scale the ring is drawn on a canvas and adding a node reports ~1/N moved', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('#/consistent-hashing?v=1&keys=1000000&nodes=1000&vnodes=1000');
  await waitForRun(page);
  await expect(page.locator('canvas').first()).toBeVisible();
  await page.getByRole('button', { name: /Add node/ }).click();
  await waitForRun(page);
  const headline = await page.locator('.ch-headline').innerText();
  const moved = Number(headline.match(/keys moved:\s*([\d.]+)%/)![1]);
  expect(moved).toBeGreaterThan(0.05);
  expect(moved).toBeLessThan(0.2);
});

test('Step walks the steps one by one, and a lesson step sets its scenario and step, keeping the ring in view on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Not the default scene: the first lesson step speaks of the defaults, so showing it changes the scenario.
  await page.goto('#/consistent-hashing?v=1&keys=5000&nodes=4&vnodes=100');
  await waitForRun(page);
  const readout = page.locator('.time-readout');
  await expect(readout).toHaveText('Step 0 of 2');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(readout).toHaveText('Step 1 of 2');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(readout).toHaveText('Step 2 of 2');
  const { scene, lesson } = firstScreen(page);
  const before = page.url();
  await lesson.scrollIntoViewIfNeeded();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page).not.toHaveURL(before);
  await expect(page.getByText('6 nodes, 300 ring points, 2,000 keys', { exact: false })).toBeVisible();
  await expect(readout).toHaveText('Step 1 of 2');
  await expect(page.locator('.ch-headline')).toContainText(/ideal 1\/6/);
  // The numbers the step quotes are the ones on screen.
  await expect(page.getByText('256 keys moved on the ring; hash mod N on the same keys moves 1,675 (83.8%).')).toBeVisible();
  // The page scrolls the scene into view smoothly: on a busy machine the first reading can be mid-scroll.
  await expect.poll(async () => (await scene.boundingBox())!.y).toBeGreaterThanOrEqual(-1);
  expect((await scene.boundingBox())!.y).toBeLessThan(844 / 2);
});

test('the first screen: ring, time controls and lesson in view at 1440x900; at 390x844 the ring first', async ({ page }) => {
  await expectFirstScreen(page, small, 'consistent-hashing');
});
