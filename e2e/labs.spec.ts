/**
 * Every registered lab, found through the registry (a new lab is checked here before it has a spec of its
 * own): its default link opens without an error, and its first screen holds the scene, the time controls
 * and the lesson card at 1440x900, the scene first at 390x844, with axe passing.
 */
import { expect, test } from '@playwright/test';
import { labs } from '../src/labs/registry';
import { waitForRun, watchErrors } from './axe';
import { expectFirstScreen } from './labPage';

for (const lab of labs) {
  test(`${lab.title} (#/${lab.id}): opens from the registry with its first screen in view`, async ({ page }) => {
    const errors = watchErrors(page);
    await expectFirstScreen(page, `#/${lab.id}`, `registry-${lab.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

for (const lab of labs) {
  test(`${lab.title} (#/${lab.id}): a run with a stage has its space-time diagram, sharing the playhead both ways`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`#/${lab.id}`);
    await waitForRun(page);
    const stage = page.locator('.lab-scene [data-stage]');
    const section = page.getByRole('region', { name: 'Space-time diagram' });
    await expect(page.locator('.lab-slot-scene > *').first()).toBeVisible();
    if (await stage.count() === 0) {
      // A lab without a stage (a ring, a model's curves) has no run of messages to draw.
      await expect(section).toHaveCount(0);
      return;
    }
    const diagram = section.locator('[data-spacetime]');
    // Below the first screen its clocks are built but nothing is drawn until it comes into view: the
    // first draw is no part of the page's load.
    if (!lab.drawsSpaceTime && (await section.boundingBox())!.y > page.viewportSize()!.height) {
      await expect(diagram).toHaveAttribute('data-drawn', '0', { timeout: 30_000 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await expect(diagram).toHaveAttribute('data-drawn', '0');
    }
    await section.scrollIntoViewIfNeeded();
    await expect(diagram).toBeVisible({ timeout: 30_000 });
    // Drawn in an animation frame after the box is measured: wait for it rather than read it once.
    await expect(diagram).toHaveAttribute('data-drawn', /^[1-9]\d*$/, { timeout: 15_000 });
    // A click in the diagram's right half moves the stage's playhead to about that time.
    const [t0, t1] = [Number(await diagram.getAttribute('data-t0')), Number(await diagram.getAttribute('data-t1'))];
    const box = (await section.locator('.spacetime-box').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.75, box.y + 4);
    await expect.poll(async () => Number(await stage.getAttribute('data-t'))).toBeGreaterThan(t0 + (t1 - t0) * 0.5);
    // And the time controls move the diagram's playhead line.
    const line = section.locator('.spacetime-playhead');
    const before = await line.evaluate((el) => el.getBoundingClientRect().left);
    await page.getByLabel('Simulated time').fill('0');
    await expect.poll(() => line.evaluate((el) => el.getBoundingClientRect().left)).toBeLessThan(before - box.width * 0.25);
    expect(errors).toEqual([]);
  });
}
