import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from '../../../e2e/axe';
import { expectFirstScreen, expectInViewport } from '../../../e2e/labPage';

const stageOf = (page: Page) => page.locator('.lab-scene [data-stage]');
/** The OR-Set (the G-Counter is the default, where the lesson starts). */
const OR_SET = '#/crdts?s=2&type=or-set';

/** Moves the playhead to t through the time controls and waits for the stage to draw it. */
async function seek(page: Page, t: number): Promise<void> {
  await page.getByLabel('Simulated time').fill(String(t));
  await expect(stageOf(page)).toHaveAttribute('data-t', new RegExp(`^${t}(\\.\\d+)?$`));
}

test('the CRDTs lab: convergence per type, the anomalies, the CRDT against the consensus log; axe light and dark', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(OR_SET);
  await waitForRun(page);
  await expect(page.getByText('Faults: Partition 3,4 at 800 ms · Heal all links at 2,200 ms.')).toBeVisible();
  await expect(page.getByText('OR-Set: all 5 replicas agree on {a, b, c} from 3,641.5 ms, 1,021.2 ms after the last update or fault (2,620.3 ms); each holds the merge of all.')).toBeVisible();
  await expect(page.getByText(/^2P-Set: all 5 replicas agree on \{\} from/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Anomalies (20)' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'n2 holds a again: the remove at 834.9 ms (n2) undone' })).toBeVisible();
  const table = page.getByRole('table', { name: /kept two ways/ });
  await expect(table.getByRole('row', { name: /accepted while cut off from n0/ })).toContainText('100.0');
  await expect(page.getByText(/Guided lesson · step 1 of 9/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the stage: each card holds its type\'s state, the view switch redraws without a re-run; crashing n1 from its menu changes the link, and the CLI replays it to the hash the page shows', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(OR_SET);
  await waitForRun(page);
  const stage = stageOf(page);
  await expect(stage.locator('[data-node]')).toHaveCount(5);
  await seek(page, 2100);
  await expect(page.locator('[data-node="n4"]')).toHaveAttribute('aria-label', 'n4, {a, b, c}, seen [0,1,0,0,2], a n1:1, b n4:1, c n4:2, up');
  await expect(page.getByText('Now the 5 replicas hold 5 different states.')).toBeVisible();

  // The switch is a view choice: the link and the run stay, the stage draws the 2P-Set at the same t.
  const link = page.url();
  const hash = await page.getByTestId('trace-hash').textContent();
  await page.getByRole('button', { name: '2P-Set', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Replicas at the playhead: 2P-Set' })).toBeVisible();
  await expect(page.locator('[data-node="n4"]')).toHaveAttribute('aria-label', /^n4, \{[a-c, ]*\}, A \{[a-c, ]*\}, R \{[a-c, ]*\}, /);
  expect([page.url(), await page.getByTestId('trace-hash').textContent()]).toEqual([link, hash]);
  await page.getByRole('button', { name: 'OR-Set', exact: true }).click();

  await seek(page, 1200);
  await page.locator('[data-node="n1"]').click();
  await expect(page.getByRole('menuitem', { name: 'Recover n1' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Crash n1' }).click();
  await expect(page).not.toHaveURL(link);
  await waitForRun(page);
  await expect(page.locator('[data-node="n1"]')).toHaveAttribute('aria-label', /, crashed$/);
  await expect(page.getByText('Faults: Partition 3,4 at 800 ms · Crash n1 at 1,200 ms · Heal all links at 2,200 ms.')).toBeVisible();
  const shown = await page.getByTestId('trace-hash').textContent();
  expect(shown).not.toBe(hash);
  const fragment = new URL(page.url()).hash;
  const cli = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/scenario.ts', fragment], { encoding: 'utf8' })) as { traceHash: string };
  expect(cli.traceHash).toBe(shown);

  // Keyboard: Enter on the focused node opens its menu, Escape hands focus back.
  await page.locator('[data-node="n2"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Crash n2' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="n2"]')).toBeFocused();
  expect(errors).toEqual([]);
});

test('a lesson step sets the stage: step 5 shows the set merged by union as n2\'s remove is undone, n2 ringed and flagged', async ({ page }) => {
  await page.goto('#/crdts');
  await waitForRun(page);
  const lesson = page.locator('.lesson');
  for (let i = 0; i < 4; i++) await lesson.getByRole('button', { name: 'Next →' }).click();
  await expect(lesson.getByRole('heading', { level: 3, name: 'A set merged by union undoes removes' })).toBeVisible();
  await lesson.getByRole('button', { name: 'Show this step' }).click();
  await waitForRun(page);
  await expect(page.getByLabel('Simulated time')).toHaveValue(/^862/);
  await expect(page.getByRole('heading', { name: 'Replicas at the playhead: Set merged by union' })).toBeVisible();
  await expect(page.locator('[data-node="n2"]')).toHaveAttribute('aria-label', /^n2, \{a[^}]*\}, anomaly, up$/);
  await expect(stageOf(page).locator('[data-highlight]')).toHaveCount(1);
  await expect(page.locator('.narration [aria-current]')).toHaveText('862.044 ms: n2 holds a again: the remove at 834.9 ms (n2) undone');
});

test('the first screen: the stage, time controls, lesson and narration in view at 1440x900; at 390x844 the stage first', async ({ page }) => {
  await expectFirstScreen(page, '#/crdts', 'crdts');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectInViewport(page, stageOf(page), 'stage');
  await expectInViewport(page, page.locator('.lab-slot-narration .narration'), 'narration');
});

test('partitions from the stage: the Partition dialog (the keyboard twin of a drag) cuts at the playhead', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/crdts');
  await waitForRun(page);
  await seek(page, 3000);
  await page.getByRole('button', { name: 'Partition and links…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Partition and links' });
  await dialog.getByRole('checkbox', { name: 'n0' }).check();
  await dialog.getByRole('button', { name: 'Partition' }).click();
  await waitForRun(page);
  await expect(page.getByText('Faults: Partition 3,4 at 800 ms · Heal all links at 2,200 ms · Partition 1,2,3,4|0 at 3,000 ms.')).toBeVisible();
  await expect(page.locator('.narration [aria-current]')).toHaveText(/^3000\.000 ms: the network splits/);
  expect(errors).toEqual([]);
});
