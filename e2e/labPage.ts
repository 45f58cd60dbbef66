/**
 * What every lab's e2e spec checks of the lab page's first screen, and the steps they share (the
 * parameters drawer). With SHOTS_DIR set, the first-screen check also saves a screenshot per size.
 */
import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';
import { FIRST_SCREEN_FONTS } from '../src/app/warmFonts';
import { expectNoAxeViolations, waitForRun } from './axe';

const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 390, height: 844 };

/** Opens the parameters drawer (a modal side sheet); Escape closes it again. */
export async function openParameters(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Parameters' }).click();
  await expect(page.getByRole('dialog', { name: 'Parameters' })).toBeVisible();
}

/** The page's first-screen parts. */
export function firstScreen(page: Page): { scene: Locator; time: Locator; lesson: Locator; measurements: Locator } {
  return {
    scene: page.locator('.lab-scene'),
    time: page.getByRole('group', { name: 'Time controls' }),
    lesson: page.locator('.lesson-card'),
    measurements: page.getByRole('region', { name: 'Measurements' }),
  };
}

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box;
}

/** The locator's box lies inside the viewport as the page first shows it (not scrolled). */
export async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const viewport = page.viewportSize()!;
  // The lab's chunk and its first result may still be on their way (waitForRun only says no run is going).
  await expect(locator, `${what}: shown`).toBeVisible();
  const box = await boxOf(locator);
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom within ${viewport.height}`).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, `${what}: right within ${viewport.width}`).toBeLessThanOrEqual(viewport.width);
}

/**
 * At 1440x900 the scene, the time controls and the lesson card are all in view without scrolling; at
 * 390x844 the scene comes first (above the time controls, the lesson and the measurements) and starts in
 * the first half of the screen; axe passes at both sizes.
 */
export async function expectFirstScreen(page: Page, link: string, name: string): Promise<void> {
  await page.setViewportSize(WIDE);
  await page.goto(link);
  await waitForRun(page);
  const { scene, time, lesson, measurements } = firstScreen(page);
  await expect(scene.locator('.lab-slot-scene')).not.toBeEmpty();
  await expect(lesson.getByRole('button', { name: 'Show this step' })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const [what, part] of [['scene', scene], ['time controls', time], ['lesson card', lesson]] as const) await expectInViewport(page, part, what);
  await expectFontsWarmed(page, name);
  await shoot(page, `${name}-1440x900`);

  await page.setViewportSize(NARROW);
  await expect(scene.locator('.lab-slot-scene')).not.toBeEmpty();
  const tops = await Promise.all([scene, time, lesson, measurements].map(async (part) => (await boxOf(part)).y));
  expect(tops, 'scene, time controls, lesson, measurements from top to bottom').toEqual([...tops].sort((a, b) => a - b));
  expect(tops[0], 'the scene starts in the first half of the screen').toBeLessThan(NARROW.height / 2);
  await expectNoAxeViolations(page);
  await shoot(page, `${name}-390x844`);
}

/**
 * Scrolls a figure of the measurements to the middle of the screen, as a student does, and waits for it to
 * be drawn: a card below the first screen is laid out only once near the viewport (content-visibility:
 * auto, app.css), and a chart sizes itself from its laid-out width.
 */
export async function showFigure(figure: Locator): Promise<void> {
  await figure.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(figure).toBeVisible();
}

/**
 * How far below the first screen the font check reaches, in px. What sits at the screen's bottom edge moves
 * with the machine's font metrics and with when the worker's first result lands (CI met a page whose
 * space-time section showed 200 px higher than here), so the list must cover a band below the fold too.
 */
const FONT_MARGIN = 300;

/**
 * Every font the text in view uses (style, weight, size, family, as computed) is one the page looks up
 * while its first run computes (src/app/warmFonts.ts): a face or size missing from FIRST_SCREEN_FONTS
 * would be looked up inside the first result's frame instead.
 */
async function expectFontsWarmed(page: Page, name: string): Promise<void> {
  const missing = await page.evaluate(([fonts, margin]) => {
    const key = (s: CSSStyleDeclaration) => `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const probe = document.createElement('span');
    document.body.append(probe);
    const warmed = new Set(fonts.map((font) => {
      probe.style.font = font;
      return key(getComputedStyle(probe));
    }));
    probe.remove();
    const used = new Set<string>();
    for (const el of document.body.querySelectorAll('*')) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.bottom < 0 || box.top > innerHeight + margin) continue;
      used.add(key(getComputedStyle(el)));
    }
    return [...used].filter((k) => !warmed.has(k)).sort();
  }, [FIRST_SCREEN_FONTS, FONT_MARGIN] as const);
  expect(missing, `${name}: fonts in the first screen that FIRST_SCREEN_FONTS (src/app/warmFonts.ts) lacks`).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/**
 * Runs the page's current link through the CLI (`npm run scenario`), as a reader of a shared link would, and
 * returns what it prints: the trace hash and the scenario the link decodes to.
 */
export function cliReplay(page: Page): { traceHash: string; scenario: { events: Record<string, unknown>[] } } {
  const fragment = new URL(page.url()).hash;
  const stdout = execFileSync('npx', ['tsx', 'src/cli/scenario.ts', fragment], { encoding: 'utf8' });
  return JSON.parse(stdout) as { traceHash: string; scenario: { events: Record<string, unknown>[] } };
}

/**
 * A request from a client's menu, as a student makes one: the playhead to `t`, a click on the client, the
 * menu's "Write from cN" / "Read from cN"; then the link changes, the run re-runs, the narration's current
 * row tells the request (`told`: its words after "cN ", e.g. /writes \d+ \(your request\)/, or that it waits
 * because the client is busy), and the CLI replays the new link, which carries exactly this one request,
 * to the hash the page shows. Returns the narration's current row.
 */
export async function expectClientRequest(
  page: Page,
  { link, t, client, op, told }: { link: string; t: number; client: number; op: 'read' | 'write'; told: RegExp },
): Promise<Locator> {
  await page.goto(link);
  await waitForRun(page);
  const stage = page.locator('.lab-scene [data-stage]');
  await page.getByLabel('Simulated time').fill(String(t));
  await expect(stage).toHaveAttribute('data-t', new RegExp(`^${t}(\\.\\d+)?$`));
  const before = page.url();
  const hashBefore = await page.getByTestId('trace-hash').innerText();
  const name = `c${client}`;
  await stage.locator(`[data-client="${name}"]`).click();
  const [item, other] = op === 'write' ? ['Write', 'Read'] : ['Read', 'Write'];
  await expect(page.getByRole('menuitem', { name: `${other} from ${name}` })).toBeVisible();
  await page.getByRole('menuitem', { name: `${item} from ${name}` }).click();
  await expect(page).not.toHaveURL(before);
  await waitForRun(page);
  // The request starts at once when the client is thinking, or waits for its current operation: the narration says which.
  const current = page.locator('.narration [aria-current]');
  await expect(current).toHaveText(new RegExp(`^${t}\\.000 ms: ${name} (${told.source}|is busy: your request waits)$`));
  const shown = await page.getByTestId('trace-hash').innerText();
  expect(shown).not.toBe(hashBefore);
  const cli = cliReplay(page);
  expect(cli.scenario.events.filter((e) => e.type === 'request')).toEqual([{ t, type: 'request', client, op }]);
  expect(cli.traceHash).toBe(shown);
  return current;
}
