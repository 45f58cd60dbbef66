import { expect, test } from '@playwright/test';
import { labsForTopic, topics } from '../src/app/topics';
import { labs } from '../src/labs/registry';
import { expectNoAxeViolations, watchErrors } from './axe';

test('home maps the seed patterns to labs, with the built ones linked', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Distributed Systems Playground' })).toBeVisible();
  for (const topic of ['CAP and PACELC', 'Hot partitions', 'Quorums', 'Consensus', 'CRDTs', 'Bloom filters', 'Vector clocks', 'Anti-patterns']) {
    await expect(page.getByRole('heading', { name: topic })).toBeVisible();
  }
  // A topic with a registered lab links it; only one without says "Coming soon" (none is left today).
  const unbuilt = topics.filter((topic) => labsForTopic(topic, labs).length === 0).length;
  await expect(page.getByText('Coming soon')).toHaveCount(unbuilt);
  await expect(page.getByText(/^Open .* →$/)).toHaveCount(topics.length - unbuilt);
  const lab = page.getByRole('link', { name: /consistent hashing/i }).first();
  await expect(lab).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('home is keyboard-usable: Tab reaches the lab link and Enter opens it', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('link', { name: /consistent hashing/i }).first()).toBeVisible();
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const active = document.activeElement;
      return active?.tagName === 'A' && /consistent hashing/i.test(active.textContent ?? '');
    });
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/consistent-hashing/);
  await expect(page.getByRole('heading', { level: 1, name: 'Consistent hashing' })).toBeVisible();
});

test('dark theme follows the OS and passes axe', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('./');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(200);
  await expectNoAxeViolations(page);
  await context.close();
});

test('a theme chosen in the switch is remembered: the next load opens in it, and the switch says so', async ({ page }) => {
  await page.goto('./');
  const theme = page.getByLabel('Theme');
  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Theme').selectOption('light');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
