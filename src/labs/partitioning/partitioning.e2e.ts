import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { cliReplay, expectFirstScreen, expectInViewport, showFigure } from '../../../e2e/labPage';

/** The defaults: one celebrity key melts its node (10 nodes, 20,000 requests). */
const small = '#/partitioning?v=1&s=1&e=1';
/** Maximum scale: 1,000 nodes, 10^6 keys, 10^6 requests. */
const large = '#/partitioning?v=1&s=1&e=1&nodes=1000&keys=1000000&requests=1000000&rate=100000&distribution=zipf&zipfS=0.9&serviceMs=0.2';

async function openLab(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.locator('.pt-findings')).toBeVisible({ timeout: 60_000 });
  await waitForRun(page);
  // The charts and tables mount a task after the scene (and the page's height, hence its width, changes
  // then): wait for the last of them before pointing at a chart.
  await expect(page.getByRole('table', { name: /^Measured on / })).toBeVisible();
}

/** Results arrive from the worker: on a loaded machine a re-run can take several seconds. */
const afterRun = { timeout: 30_000 };

/** Moves the playhead by clicking the CPU chart at a fraction of its width (the chart seeks on click). */
async function seekOnCpuChart(page: Page, fraction: number): Promise<void> {
  const chart = page.getByRole('img', { name: /^CPU percent per node/ });
  await showFigure(chart);
  const box = await chart.boundingBox();
  if (!box) throw new Error('CPU chart not laid out');
  // The plot starts after a 52 px axis margin and ends 64 px before the right edge (label column).
  await chart.click({ position: { x: 52 + (box.width - 116) * fraction, y: box.height / 2 } });
}

test('the lab loads: the detector names the hot node in prose, the charts and the live strategy table are there', async ({ page }) => {
  const errors = watchErrors(page);
  await openLab(page, small);
  await expect(page.getByRole('heading', { name: 'Hot partition found' })).toBeVisible();
  await expect(page.locator('.pt-headline')).toHaveText(/^HOTn\d+ flagged hot at t = .+: (CPU|queue depth|p99 latency) .+ vs median node .+\.$/);
  for (const name of [/^CPU percent per node/, /^Most requests waiting per node/, /^p99 latency of each node/, /^Client latency p50 and p99/, /^CPU % per node over time/]) {
    await showFigure(page.getByRole('img', { name }));
  }
  const table = page.getByRole('table', { name: /^Measured on 10,000 keys/ });
  await expect(table.getByRole('columnheader')).toHaveText(['measure', 'hash mod N', 'range', 'consistent hashingserves the workload', 'directory']);
  // Best and worst are said in text, not colour alone.
  await expect(table.getByText('▲ best').first()).toBeVisible();
  await expect(table.getByText('▼ worst').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /Guided lesson · step 1 of \d/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a mitigation is a scenario edit at the playhead: the link changes, the charts mark it, before/after appears; undo restores', async ({ page }) => {
  const errors = watchErrors(page);
  await openLab(page, small);
  const before = page.url();
  await seekOnCpuChart(page, 0.4);
  const salt = page.getByRole('button', { name: /^Salt ×8 at / });
  await expect(salt).not.toHaveText('Salt ×8 at 0 s');
  await salt.click();
  await waitForRun(page);
  await expect(page).not.toHaveURL(before);
  await expect(page.getByRole('img', { name: /^CPU percent per node/ }).getByText('salt ×8', { exact: true })).toBeVisible(afterRun);
  const phases = page.getByRole('table', { name: /^Each column is the time between two scripted events/ });
  await expect(phases.getByRole('columnheader', { name: /^after salt ×8/ })).toBeVisible(afterRun);
  await expect(phases.getByRole('row', { name: /extra sub-requests/ })).toBeVisible();
  await expect(page.locator('.pt-script')).toContainText('salt ×8');
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitForRun(page);
  await expect(page).toHaveURL(before);
  await expect(page.locator('.pt-script')).toHaveCount(0, afterRun);
  expect(errors).toEqual([]);
});

test('the stage: requests move while playing; a click on n4 opens its menu, "Crash n4" crashes it at the playhead, and the CLI replays the new link to the hash the page shows', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openLab(page, small);
  const stage = page.locator('[data-stage]');
  await expect(stage.locator('[data-node]')).toHaveCount(11);
  await expect(page.locator('[data-node="router"]')).toHaveAttribute('role', 'img');
  // Play: the playhead moves and dots are drawn.
  await page.getByLabel('Simulated time').fill('6000');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await stage.getAttribute('data-dots')), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(Number(await stage.getAttribute('data-t'))).toBeGreaterThan(6000);
  // The hot node reads HOT in words, and glows.
  await expect(page.locator('[data-node="n2"]')).toHaveAttribute('aria-label', /^n2, waiting \d+, cpu \d+%, hot, up$/);
  await expect(page.locator('[data-node="n2"]')).toHaveAttribute('data-heat', '4');
  const before = page.url();
  const hashBefore = await page.getByTestId('trace-hash').innerText();
  await page.locator('[data-node="n4"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover n4' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Crash n4' }).click();
  await waitForRun(page);
  await expect(page).not.toHaveURL(before);
  await expect(page.locator('[data-node="n4"]')).toHaveAttribute('aria-label', /, crashed$/, afterRun);
  await expect(page.locator('.pt-script')).toContainText('crash n4');
  const hash = await page.getByTestId('trace-hash').innerText();
  expect(hash).not.toBe(hashBefore);
  const cli = cliReplay(page);
  expect(cli.traceHash).toBe(hash);
  // What the crash did to n4's keys, under every strategy.
  const impact = page.locator('.pt-fault');
  await expect(impact.getByRole('heading', { name: /^n4 crashed at t = / })).toBeVisible(afterRun);
  await expect(impact).toContainText('Under range,');
  // Keyboard: Enter on the focused node opens its menu, Escape hands focus back.
  await page.locator('[data-node="n4"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Recover n4' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="n4"]')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the charts are keyboard-usable: arrows read a column, Enter moves the playhead there', async ({ page }) => {
  await openLab(page, small);
  const chart = page.getByRole('img', { name: /^CPU percent per node/ });
  await showFigure(chart);
  await chart.focus();
  await page.keyboard.press('End');
  await expect(page.locator('.viz-tooltip')).toContainText('t = ');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Salt ×8 at / })).not.toHaveText('Salt ×8 at 0 s');
});

test('the guided lesson walks its steps; "Show this step" loads its scenario, moves the playhead and highlights the nodes it names', async ({ page }) => {
  await openLab(page, small);
  const lesson = page.locator('.lesson');
  await expect(lesson.getByRole('heading', { level: 3 })).toHaveText('One hot key melts its node');
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('8000', afterRun);
  await expect(page.locator('[data-node][data-highlight]')).toHaveCount(1);
  await expect(page.locator('[data-node="n2"]')).toHaveAttribute('data-highlight');
  await expect(page.locator('[data-node="n2"]')).toHaveAttribute('aria-label', 'n2, waiting 486, cpu 100%, hot, up');
  await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3 })).toHaveText('Four placements, one skew');
  const before = page.url();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page).not.toHaveURL(before);
  await expect(page.getByRole('columnheader', { name: /^range\s*serves the workload/ })).toBeVisible(afterRun);
  // The next step speaks of n3 down under ranges at 3,500 ms: the playhead goes there, n3 is outlined and crossed.
  await lesson.getByRole('button', { name: 'Next →' }).click();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('3500', afterRun);
  await expect(page.locator('[data-node="n3"]')).toHaveAttribute('data-status', 'crashed');
  await expect(page.locator('[data-node="n3"]')).toHaveAttribute('data-highlight');
  await lesson.getByRole('button', { name: '← Previous' }).click();
  await lesson.getByRole('button', { name: '← Previous' }).click();
  await expect(lesson.getByRole('heading', { level: 3 })).toHaveText('One hot key melts its node');
});

test('the lab passes axe in light and dark', async ({ page }) => {
  await openLab(page, small);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('at maximum scale the charts aggregate: a band across 1,000 nodes plus the hottest lines, a canvas heatmap, and no errors', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto(large);
  await expect(page.locator('.pt-findings')).toBeVisible({ timeout: 150_000 });
  await waitForRun(page);
  await expect(page.getByText('band: median to max of 1,000 nodes').first()).toBeVisible();
  // Marks follow pixels, not nodes: the CPU chart is a band, a median line, a few highlighted lines and
  // markers, whatever the node count; the heatmap of 1,000 nodes x 100 buckets is a canvas.
  const cpuPaths = await page.getByRole('img', { name: /^CPU percent per node/ }).locator('path').count();
  expect(cpuPaths).toBeGreaterThanOrEqual(3);
  expect(cpuPaths).toBeLessThanOrEqual(16);
  await expect(page.locator('.viz-heatmap canvas')).toBeAttached();
  await expect(page.getByRole('table', { name: /^Measured on 1,000,000 keys and 1,000,000 requests over 1,000 nodes/ })).toBeVisible();
  // The stage aggregates: glyphs on canvas, one proxy element for the focused node, sampled dots.
  await expect(page.locator('[data-stage]')).toHaveAttribute('data-tier', 'aggregate');
  await expect(page.locator('[data-stage] [data-node]')).toHaveCount(1);
  await expect(page.getByText(/one request in 10 is drawn/)).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900; at 390x844 the stage first; the same embedded', async ({ page }) => {
  for (const [link, name] of [[small, 'partitioning'], [`${small}&embed=1`, 'partitioning-embed']] as const) {
    await expectFirstScreen(page, link, name);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.locator('.lab-scene [data-stage]')).toBeVisible();
    await expectInViewport(page, page.locator('.lab-scene [data-stage]'), 'stage');
    await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
  }
});
