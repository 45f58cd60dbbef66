/**
 * The share dialog's embed snippet on a course page: the frame loads the lab under the snippet's sandbox,
 * the host script sizes it to its content, "Open in playground" may open a tab; and a frame sandboxed with
 * allow-scripts alone (opaque origin, no CORS header) says what is wrong instead of loading forever.
 */
import { expect, test } from '@playwright/test';
import { waitForRun } from './axe';

test('the share dialog\'s snippet embeds the lab: sandboxed, sized to its content by embed-host.js', async ({ page, baseURL }) => {
  await page.goto('#/quorums');
  await waitForRun(page);
  await page.getByRole('button', { name: 'Share…' }).click();
  const snippet = await page.getByLabel('Embed in a page (iframe)').inputValue();
  expect(snippet).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
  expect(snippet).toContain(`<script src="${new URL('embed-host.js', baseURL).href}" defer></script>`);
  expect(snippet).toContain('height="900"');

  // A course page elsewhere (another origin: a blank page) holding only the snippet.
  const course = await page.context().newPage();
  await course.setViewportSize({ width: 1280, height: 800 });
  await course.setContent(`<!doctype html><html><body><h1>Week 3</h1>${snippet}</body></html>`);
  const frame = course.locator('iframe');
  await expect(frame).toHaveAttribute('data-dsp-state', /#\/quorums\?/, { timeout: 30_000 });
  const lab = course.frameLocator('iframe');
  await expect(lab.locator('[data-stage]')).toBeVisible({ timeout: 30_000 });
  await expect(lab.getByRole('link', { name: /Open in playground/ })).toBeVisible();
  // The host script grew the frame past its first 900 px to the whole lab, within a pixel of the page it holds.
  await expect.poll(async () => (await frame.boundingBox())!.height).toBeGreaterThan(900);
  const inner = await lab.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  expect(Math.abs((await frame.boundingBox())!.height - inner)).toBeLessThanOrEqual(1);
});

test('a frame sandboxed with allow-scripts alone cannot load the app, and after a few seconds says what to change', async ({ page, baseURL }) => {
  await page.setContent(`<!doctype html><html><body><iframe src="${new URL('#/quorums?v=1&embed=1', baseURL).href}" sandbox="allow-scripts" width="800" height="600" title="lab"></iframe></body></html>`);
  const lab = page.frameLocator('iframe');
  await expect(lab.getByText('Loading the playground…')).toBeVisible();
  await expect(lab.getByText('The playground has not started.')).toBeVisible({ timeout: 15_000 });
  await expect(lab.getByText(/Add allow-same-origin to the frame/)).toBeVisible();
});
