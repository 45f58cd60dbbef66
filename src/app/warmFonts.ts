/**
 * Warming the fonts of a lab's first screen while the worker computes its first run.
 *
 * The first time a page lays out text in a new font face and size, the browser looks the font up. In
 * Chromium on Linux that is a synchronous trip to the browser process per family and per size: 0.5-6 ms
 * each, measured in startup traces of the lab pages (FontCache::GetFontPlatformData). Text that arrives
 * with the first result (the stage's cards, the narration, the status line) met 10-25 of those in one
 * layout, 10-20 ms of that frame. Laying the same fonts out beforehand, a few per task while the main
 * thread waits for the worker, moves the lookups out of the result's frame.
 *
 * FIRST_SCREEN_FONTS lists every font the lab pages' first screens use, as CSS `font` shorthands over the
 * page's families (`--font`, `--mono`) plus the canvas fonts of the stage and the space-time diagram.
 * Each lab's e2e spec checks the list covers its first screen at 1440x900 and a band below it
 * (e2e/labPage.ts): a new font size there fails, naming it.
 */

const SANS = 'var(--font)';
const MONO = 'var(--mono)';

export const FIRST_SCREEN_FONTS: readonly string[] = [
  // The page's families: every size and weight in view in the lab pages' first screens at 1440x900 and just below (lesson,
  // controls, narration rows and the current row, stage cards, status line).
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

/** Each task lays fonts out for at most this long, then yields. */
const SLICE_MS = 6;
/** Sample text: Latin letters and digits, and the punctuation the narration uses. */
const SAMPLE = 'Aa0 n1 → … —';

/**
 * Lays each font out once in a hidden box, a few per task (at most ~SLICE_MS each), then removes the box.
 * Returns a function that stops it (the box goes with it).
 */
export function warmFonts(fonts: readonly string[], doc: Document = document): () => void {
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = 'position:absolute;left:-10000px;top:0;width:1px;height:1px;overflow:hidden;visibility:hidden;contain:strict;white-space:nowrap';
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    if (!box.isConnected) doc.body.append(box);
    const start = performance.now();
    while (next < fonts.length && performance.now() - start < SLICE_MS) {
      const span = doc.createElement('span');
      span.style.font = fonts[next++];
      span.textContent = SAMPLE;
      box.append(span);
      // Reading a size lays the span out: the font lookup happens here, in this task.
      void span.offsetWidth;
    }
    if (next < fonts.length) timer = setTimeout(step, 0);
    else stop();
  };
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    box.remove();
  };
  timer = setTimeout(step, 0);
  return stop;
}
