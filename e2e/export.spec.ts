/**
 * Saving pictures: the scene of a lab (the stage), a chart and the space-time diagram, as PNG and SVG files
 * that hold what the page draws.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForRun, watchErrors } from './axe';

/**
 * Clicks a save button and reads the file it downloads. One CI run waited 60 s for a download that never came
 * (never seen here, even with both cores busy): a click lost that way is retried once, and the retry is noted
 * on the test with what the page showed, so a second sighting says more than a timeout.
 */
async function save(page: Page, button: ReturnType<Page['getByRole']>): Promise<{ name: string; bytes: Buffer }> {
  await expect(button).toBeVisible();
  for (let attempt = 1; ; attempt++) {
    try {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click({ timeout: 15_000 })]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    } catch (error) {
      if (attempt === 2) throw error;
      const seen = { box: await button.boundingBox(), hash: await page.getByTestId('trace-hash').textContent() };
      console.warn(`retried a download: ${String(error).split('\n')[0]}`);
      test.info().annotations.push({ type: 'retried download', description: `${String(error).split('\n')[0]}; the page then: ${JSON.stringify(seen)}` });
    }
  }
}

test('the stage, a chart and the space-time diagram save as PNG and SVG', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/quorums');
  await waitForRun(page);
  await expect(page.locator('.lab-scene [data-stage] [data-node="n4"]')).toBeVisible();

  const png = await save(page, page.getByRole('button', { name: 'Save the picture as PNG' }));
  expect(png.name).toBe('quorums-scene.png');
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // Drawn at twice the pixels: wider than the scene on screen.
  const width = png.bytes.readUInt32BE(16);
  const sceneWidth = (await page.locator('.lab-slot-scene').boundingBox())!.width;
  expect(width).toBeGreaterThan(1.9 * sceneWidth);

  const svg = await save(page, page.getByRole('button', { name: 'Save the picture as SVG' }));
  expect(svg.name).toBe('quorums-scene.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  for (const node of ['n0', 'n1', 'n2', 'n3', 'n4']) expect(text).toContain(`data-node="${node}"`);
  expect(text).not.toContain('Save the picture as');

  const chart = page.getByRole('button', { name: /^Save the .*chart as PNG$/ }).first();
  await chart.scrollIntoViewIfNeeded();
  expect((await save(page, chart)).bytes.subarray(1, 4).toString()).toBe('PNG');

  const diagram = page.getByRole('button', { name: 'Save the space-time diagram as PNG' });
  await page.getByRole('region', { name: 'Space-time diagram' }).scrollIntoViewIfNeeded();
  const saved = await save(page, diagram);
  expect(saved.name).toBe('quorums-spacetime.png');
  expect(saved.bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(errors).toEqual([]);
});

test('the run downloads as a trace and a client history that npm run check reads back to the page\'s verdict', async ({ page }) => {
  await page.goto('#/quorums');
  await waitForRun(page);
  const trace = await save(page, page.getByRole('button', { name: 'the trace (JSON)' }));
  expect(trace.name).toBe('quorums-trace.json');
  const parsed = JSON.parse(trace.bytes.toString('utf8')) as { traceHash: string; events: { t: number; kind: string; text: string }[]; scenario: object };
  expect(parsed.traceHash).toBe(await page.getByTestId('trace-hash').innerText());
  expect(parsed.events.length).toBeGreaterThan(100);
  expect(parsed.events.find((e) => e.kind === 'send')?.text).toMatch(/ sends /);

  const history = await save(page, page.getByRole('button', { name: 'the client history (JSON, for npm run check)' }));
  const file = test.info().outputPath('history.json');
  writeFileSync(file, history.bytes);
  const checked = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/check.ts', file], { encoding: 'utf8' })) as { verdict: string; operations: number };
  expect(checked.verdict).toBe('linearizable');
  await expect(page.getByRole('heading', { name: /linearizable/ }).first()).toContainText(checked.verdict);
});
