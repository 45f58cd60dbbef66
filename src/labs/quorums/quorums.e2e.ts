import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectClientRequest, expectFirstScreen, expectInViewport } from '../../../e2e/labPage';
import { vizStyle } from '../../viz/shared/palette';

/** The quorum card's request heading ("Op 15: c7 read via n3"). */
const requestHeading = (page: Page, name: RegExp) => page.getByRole('heading', { level: 3, name });

test('the stage: a card per node (replicas marked, fallbacks apart), Play moves the dots, and the request card follows the playhead', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/quorums');
  await waitForRun(page);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(5);
  await expect(page.locator('[data-node="n0"]')).toHaveAttribute('aria-label', /^n0, replica, stores (nil|\d+@\d+), up$/);
  await expect(page.locator('[data-node="n4"]')).toHaveAttribute('aria-label', /^n4, fallback, up$/);
  await page.getByRole('button', { name: 'Play' }).first().click();
  await expect.poll(async () => Number(await stage.getAttribute('data-dots'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).first().click();
  // A lesson-free seek: at 53.4 ms op 3 has just answered, and the card shows it.
  await page.getByLabel('Simulated time').fill('53.4');
  await expect(stage).toHaveAttribute('data-t', /^53\.4/);
  await expect(requestHeading(page, /^Op 3: c1 read via n1/)).toBeVisible();
  await expect(page.locator('.viz-quorum [data-mark="playhead"]')).toBeVisible();
  // Choosing the next operation moves the playhead to its call.
  await page.getByRole('group', { name: 'Choose an operation' }).getByRole('button', { name: 'Next →' }).click();
  await expect(requestHeading(page, /^Op 4:/)).toBeVisible();
  await expect(page.getByLabel('Simulated time')).not.toHaveValue('53.4');
  await expect(page.getByRole('heading', { name: /What clients saw: linearizable/ })).toBeVisible();
  await expect(page.getByText(/^N = 3, W = 2, R = 2: W \+ R = 4 > N/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a crash from a node\'s menu: the address changes, the run re-runs, the card is down, and the CLI replays the new link to the hash the page shows', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('#/quorums');
  await waitForRun(page);
  const before = page.url();
  await page.getByLabel('Simulated time').fill('120');
  await expect(page.locator('[data-stage]')).toHaveAttribute('data-t', /^120(\.\d+)?$/);
  await page.locator('[data-node="n1"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover n1' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Crash n1' }).click();
  await waitForRun(page);
  await expect.poll(() => page.url()).not.toBe(before);
  await expect(page.locator('[data-node="n1"]')).toHaveAttribute('aria-label', /, crashed$/);
  await expect(page.locator('.narration [aria-current]')).toContainText('ms: ');
  // Keyboard: the focused node's menu opens with Enter and Escape hands focus back.
  await page.locator('[data-node="n1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Recover n1' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="n1"]')).toBeFocused();
  await expectNoAxeViolations(page);
  const shown = await page.getByTestId('trace-hash').innerText();
  const cli = cliReplay(page);
  expect(cli.scenario.events).toEqual([{ t: 120, type: 'crash', node: 1 }]);
  expect(cli.traceHash).toBe(shown);
  expect(errors).toEqual([]);
});

test('node menus offer pause and isolate; a click on a link cuts it one way, and its menu then offers the heal', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/quorums');
  await waitForRun(page);
  await page.getByLabel('Simulated time').fill('100');
  await page.locator('[data-node="n3"]').click();
  for (const item of ['Crash n3', 'Pause n3', 'Isolate n3']) await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
  await page.keyboard.press('Escape');
  // The link n2 - n4 crosses the ring's middle: a click there opens its menu.
  const centre = async (name: string) => {
    const box = (await page.locator(`[data-node="${name}"]`).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const [a, b] = [await centre('n2'), await centre('n4')];
  const before = page.url();
  await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
  await page.getByRole('menuitem', { name: 'Cut n2 → n4' }).click();
  await waitForRun(page);
  await expect.poll(() => page.url()).not.toBe(before);
  await page.getByLabel('Simulated time').fill('150');
  // Measured again: moving the playhead through the time controls may scroll the page.
  const [a2, b2] = [await centre('n2'), await centre('n4')];
  await page.mouse.click((a2.x + b2.x) / 2, (a2.y + b2.y) / 2);
  await expect(page.getByRole('menuitem', { name: 'Heal n2 → n4' })).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'Cut n2 → n4' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('W + R > N without write-back: the timeline outlines the checker\'s explanation, says why it has more lanes than clients, and a click there moves the playhead', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/quorums');
  await waitForRun(page);
  await page.getByLabel(/Preset/).selectOption('no-write-back');
  await waitForRun(page);
  await expect(page.getByRole('heading', { name: /What clients saw: not linearizable/ })).toBeVisible();
  await expect(page.locator('[data-highlight="15"]')).toBeVisible();
  // The timeline's card is laid out only near the viewport (content-visibility: auto): bring it there first.
  await page.locator('figure.viz-history').scrollIntoViewIfNeeded();
  await expect(page.locator('svg[data-marks="svg"] g[data-op]')).toHaveCount(21);
  await expect(page.getByTestId('lane-note')).toHaveText(/^5 clients, 9 lanes: a client whose operation timed out .* \(c5 is client c0 after a timeout; c6 is client c1 after a timeout; c7 is client c2 after a timeout; c10 is client c0 after 2 timeouts\)\.$/);
  // Pointer: clicking op 11's bar shows it in the request card and moves the playhead to its call.
  await page.locator('g[data-op="11"] rect').click({ position: { x: 5, y: 3 } });
  await expect(requestHeading(page, /^Op 11: c5 write 12 via n2/)).toBeVisible();
  await expect(page.getByLabel('Simulated time')).toHaveValue(/^123\.5/);
  await expect(page.locator('.viz-quorum svg g[data-contact]').first()).toBeVisible();
  // Keyboard: the next operation of the same process.
  await page.getByRole('group', { name: /Client history/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Selected op \d+: c5 /)).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a lesson step sets its scene: the broken coordinator at 3,922.1 ms, op 55 in the request card, n0 and n2 ringed on the stage', async ({ page }) => {
  await page.goto('#/quorums');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 6; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'A broken coordinator is caught' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('3922.1');
  await expect(page.locator('[data-stage] [data-highlight]')).toHaveCount(2);
  await expect(page.locator('[data-node="n0"][data-highlight]')).toHaveCount(1);
  await expect(page.locator('[data-node="n2"]')).toHaveAttribute('aria-label', /stores 54@16/);
  await expect(requestHeading(page, /^Op 55: c1 read via n3/)).toBeVisible();
  await expect(page.getByText('ok: returned 53@16', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /What clients saw: not linearizable/ })).toBeVisible();
});

/** Pixels of the history canvas in the read and the write colour (dark theme, drawn at 85% opacity on a clear canvas). */
async function kindPixels(page: Page): Promise<{ reads: number; writes: number }> {
  const [read, write] = vizStyle('dark').owners.slice(0, 2);
  const [reads, writes] = await page.getByTestId('history-canvas').evaluate((el, colours) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const rgb = colours.map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
    const n = [0, 0];
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] < 150) continue;
      rgb.forEach(([r, g, b], k) => {
        if (Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) < 40) n[k]++;
      });
    }
    return n;
  }, [read, write]);
  return { reads, writes };
}

test('10^4 operations: the history draws aggregated on a canvas, reads and writes in their own colours at any width; zooming in brings back single bars; axe dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('#/quorums?v=1&ops=10000&clients=8');
  await waitForRun(page);
  await expect(page.locator('svg[data-marks="canvas-aggregated"]')).toBeVisible();
  await expect(page.getByTestId('history-canvas')).toBeVisible();
  // 40% of the operations write: each pixel column takes the kind covering most of it, so writes keep about
  // their share (0.39 at 1280 px, 0.30 at 390 px); the old "most notable kind wins" gave 0.67 and 0.99.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(async () => (await kindPixels(page)).reads + (await kindPixels(page)).writes).toBeGreaterThan(1000);
    const { reads, writes } = await kindPixels(page);
    expect(writes / (reads + writes), `write share of the pixels at ${width} px`).toBeGreaterThan(0.2);
    expect(writes / (reads + writes), `write share of the pixels at ${width} px`).toBeLessThan(0.6);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  for (let i = 0; i < 6; i++) await zoomIn.click();
  await expect(page.locator('svg[data-marks="svg"] g[data-op]').first()).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900 (also embedded); at 390x844 the stage first', async ({ page }) => {
  await expectFirstScreen(page, '#/quorums', 'quorums');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
  await page.goto('#/quorums?v=1&embed=1');
  await waitForRun(page);
  for (const [what, part] of [['stage', page.locator('.lab-scene [data-stage]')], ['time controls', page.getByRole('group', { name: 'Time controls' })], ['lesson', page.locator('.lesson-card')]] as const) {
    await expectInViewport(page, part, `embedded ${what}`);
  }
});

test('a request from a client\'s menu: "Read from c2" at the playhead adds one operation, the narration tells it, the link changes and the CLI replays it to the hash shown', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await expectClientRequest(page, { link: '#/quorums', t: 120, client: 2, op: 'read', told: /reads \(your request\)/ });
  expect(errors).toEqual([]);
});
