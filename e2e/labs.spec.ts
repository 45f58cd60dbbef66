/**
 * Every registered lab, found through the registry (a new lab is checked here before it has a spec of its
 * own): its default link opens without an error, and its first screen holds the scene, the time controls
 * and the lesson card at 1440x900, the scene first at 390x844, with axe passing.
 */
import { expect, test } from '@playwright/test';
import { labs } from '../src/labs/registry';
import { watchErrors } from './axe';
import { expectFirstScreen } from './labPage';

for (const lab of labs) {
  test(`${lab.title} (#/${lab.id}): opens from the registry with its first screen in view`, async ({ page }) => {
    const errors = watchErrors(page);
    await expectFirstScreen(page, `#/${lab.id}`, `registry-${lab.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
    expect(errors).toEqual([]);
  });
}
