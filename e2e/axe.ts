import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Asserts axe finds no wcag2a/aa or wcag21a/aa violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Collects console errors and page errors; the test asserts the list is empty at its end. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Waits until the app has rendered (the static page's <main> is replaced) and the worker has finished the
 * current run (no progress indicator). The app renders only after the link is applied and its run started
 * (src/main.tsx), so before that render "no progress indicator" says nothing: a test that read the address
 * then could read it before routing rewrote it.
 */
export async function waitForRun(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('#root main:not(.static-intro)') !== null && !document.querySelector('.status-running'),
    undefined,
    { timeout: 60_000 },
  );
}
