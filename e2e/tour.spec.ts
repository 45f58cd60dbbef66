/**
 * The course tour: the seed's patterns in order with every registered lab's lesson steps; a step's link
 * opens its lab with the lesson at that step, shown (its scenario applied, the playhead at its moment).
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, waitForRun, watchErrors } from './axe';

test('the tour lists the patterns in the seed\'s order, and a lesson step\'s link opens the lab at that step', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('#/');
  await page.getByRole('main').getByRole('link', { name: 'course tour' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Course tour' })).toBeVisible();
  const sections = page.locator('.tour-section h2');
  await expect(sections).toHaveText(['Fundamental Trade-offs', 'Data Partitioning', 'Replication', 'Consensus Patterns', 'Distributed Data Structures', 'Failure Handling', 'Anti-Patterns']);
  const quorums = page.getByRole('list', { name: 'Leaderless replication and quorums: guided lesson' }).first();
  await expect(quorums.getByRole('listitem')).toHaveCount(7);
  await expectNoAxeViolations(page);

  const third = quorums.getByRole('link').nth(2);
  const title = await third.innerText();
  await third.click();
  await expect(page).toHaveURL(/#\/quorums\?.*lesson=3/);
  await waitForRun(page);
  const card = page.locator('.lesson-card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Guided lesson · step 3 of 7');
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(title);
  // Shown, not just opened: the step's edit is on the undo stack and the scene is that step's.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  expect(errors).toEqual([]);
});
