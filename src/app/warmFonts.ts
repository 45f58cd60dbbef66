/**
 * Warming the fonts of a lab's first screen from the page's start, while its chunks load and the worker
 * computes the first run.
 *
 * The first time a page uses a new font face and size, the browser looks the font up. In Chromium on Linux
 * that is a synchronous trip to the browser process per family and per size: 0.5-6 ms each, measured in
 * startup traces of the lab pages (FontCache::GetFontPlatformData), and up to 15 ms while the browser is
 * busy starting. Text that arrives with the first result (the stage's cards, the narration, the status
 * line) met 10-25 of those in one layout, 10-20 ms of that frame. Measuring the same fonts beforehand on
 * a canvas, a few per task, fills the same font cache and moves the lookups out of the page's frames.
 *
 * FIRST_SCREEN_FONTS lists every font the lab pages' first screens use, as CSS `font` shorthands over the
 * page's families (`--font`, `--mono`) plus the canvas fonts of the stage and the space-time diagram.
 * Each lab's e2e spec checks the list covers its first screen at 1440x900 and a band below it
 * (e2e/labPage.ts): a new font size there fails, naming it.
 */

const SANS = 'var(--font)';
const MONO = 'var(--mono)';

export const FIRST_SCREEN_FONTS: readonly string[] = [
  // The page's families: every size and weight in view in the lab pages' first screens at 1440x900 and
  // just below (lesson, controls, narration rows and the current row, stage cards, status line).
  `12px ${MONO}`, `600 12px ${MONO}`, `13px ${MONO}`, `15px ${MONO}`,
  `11px ${SANS}`, `600 11px ${SANS}`, `700 11px ${SANS}`,
  `12px ${SANS}`, `600 12px ${SANS}`,
  `10px ${SANS}`, `700 10px ${SANS}`,
  `13px ${SANS}`, `600 13px ${SANS}`, `700 13px ${SANS}`,
  `13.5px ${SANS}`, `600 13.5px ${SANS}`, `14px ${SANS}`, `600 14px ${SANS}`, `600 14.25px ${SANS}`,
  `12.75px ${SANS}`, `600 12.75px ${SANS}`,
  `15px ${SANS}`, `600 15px ${SANS}`, `650 15px ${SANS}`, `700 15px ${SANS}`,
  `15.75px ${SANS}`, `700 15.75px ${SANS}`, `16px ${SANS}`, `700 16.5px ${SANS}`, `700 24px ${SANS}`,
  // Under their own family list: stage cells and legends (CSS), canvas text (viz/stage, viz/spaceTime).
  '11px system-ui, sans-serif', '12px system-ui, sans-serif', 'bold 11px system-ui, sans-serif', 'bold 12px system-ui, sans-serif',
  '600 11px system-ui, sans-serif', '600 12px system-ui, sans-serif',
  // The browser's own monospace (code elements the CSS leaves alone).
  '12.75px monospace',
];

/** Each task measures fonts for at most this long, then yields. */
const SLICE_MS = 6;
/** Sample text: Latin letters and digits, and the punctuation the narration uses. */
const SAMPLE = 'Aa0 n1 → … —';

/**
 * Measures the sample text in each font on a canvas of its own, a few fonts per task (at most ~SLICE_MS
 * each). The canvas is never in the document: measuring on it asks the same font cache the page's text
 * does, and never lays the document out (a read of a laid-out size would lay out whatever the page had
 * changed since its last frame, in this task). The page's families come from its custom properties.
 * Returns a function that stops it.
 */
export function warmFonts(fonts: readonly string[], doc: Document = document): () => void {
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ctx: CanvasRenderingContext2D | null | undefined;
  let families: Record<string, string> = {};
  const step = () => {
    if (ctx === undefined) {
      ctx = doc.createElement('canvas').getContext('2d');
      const root = getComputedStyle(doc.documentElement);
      families = { [SANS]: root.getPropertyValue('--font').trim() || 'sans-serif', [MONO]: root.getPropertyValue('--mono').trim() || 'monospace' };
    }
    const start = performance.now();
    while (ctx && next < fonts.length && performance.now() - start < SLICE_MS) {
      ctx.font = fonts[next++].replace(SANS, families[SANS]).replace(MONO, families[MONO]);
      ctx.measureText(SAMPLE);
    }
    timer = ctx && next < fonts.length ? setTimeout(step, 0) : undefined;
  };
  timer = setTimeout(step, 0);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}
