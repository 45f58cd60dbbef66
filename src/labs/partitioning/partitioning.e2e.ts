import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen } from '../../../e2e/labPage';

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
    await expect(page.getByRole('img', { name })).toBeVisible();
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

test('a crash at the playhead: the node goes down in the charts and the keys it held are described under every strategy', async ({ page }) => {
  const errors = watchErrors(page);
  await openLab(page, small);
  await seekOnCpuChart(page, 0.3);
  const crash = page.getByRole('button', { name: /^Crash n\d+ at / });
  const name = (await crash.innerText()).match(/^Crash (n\d+) at/)![1];
  await crash.click();
  await waitForRun(page);
  await expect(page.getByRole('img', { name: /^CPU percent per node/ }).getByText(`crash ${name}`, { exact: true })).toBeVisible(afterRun);
  const impact = page.locator('.pt-fault');
  await expect(impact.getByRole('heading', { name: new RegExp(`^${name} crashed at t = `) })).toBeVisible(afterRun);
  await expect(impact).toContainText('Under range,');
  await expect(impact).toContainText('Under hash mod N,');
  await expect(impact.getByRole('table').getByRole('row', { name: /keys unavailable/ })).toBeVisible();
  // The crashed node can now be recovered at the same time.
  await expect(page.getByRole('button', { name: new RegExp(`^Recover ${name} at `) })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the charts are keyboard-usable: arrows read a column, Enter moves the playhead there', async ({ page }) => {
  await openLab(page, small);
  const chart = page.getByRole('img', { name: /^CPU percent per node/ });
  await chart.focus();
  await page.keyboard.press('End');
  await expect(page.locator('.viz-tooltip')).toContainText('t = ');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Salt ×8 at / })).not.toHaveText('Salt ×8 at 0 s');
});

test('the guided lesson walks its steps and "Show this step" loads the step\'s scenario', async ({ page }) => {
  await openLab(page, small);
  const lesson = page.locator('.lesson');
  await lesson.getByRole('button', { name: 'Next →' }).click();
  await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3 })).toHaveText('Four placements, one skew');
  const before = page.url();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page).not.toHaveURL(before);
  await expect(page.getByRole('columnheader', { name: /^range\s*serves the workload/ })).toBeVisible(afterRun);
  // The next step speaks of the split at 5 s: the playhead goes there.
  await lesson.getByRole('button', { name: 'Next →' }).click();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue('5000', afterRun);
  await lesson.getByRole('button', { name: '← Previous' }).click();
  await lesson.getByRole('button', { name: '← Previous' }).click();
  await expect(lesson.getByRole('heading', { level: 3 })).toHaveText('Three signs of a hot partition');
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
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the first screen: heatmap, time controls and lesson in view at 1440x900; at 390x844 the heatmap first', async ({ page }) => {
  await expectFirstScreen(page, '#/partitioning?v=1&s=1&e=1', 'partitioning');
});
