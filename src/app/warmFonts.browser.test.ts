/**
 * warmFonts in real Chromium: nothing happens in the caller's task; each font is measured once, in order,
 * with the page's families in place of its custom properties, on a canvas outside the document, so the
 * document is never touched (nor laid out); stopped, it measures no more.
 * (That the list covers every lab's first screen is checked by each lab's e2e spec, e2e/labPage.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_FONTS, warmFonts } from './warmFonts';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Each measureText call: the context's font then, and whether its canvas was in the document. */
function watchMeasures(): { measured: { font: string; inDocument: boolean; width: number }[]; stop: () => void } {
  const measured: { font: string; inDocument: boolean; width: number }[] = [];
  const measureText = CanvasRenderingContext2D.prototype.measureText;
  CanvasRenderingContext2D.prototype.measureText = function (this: CanvasRenderingContext2D, text: string) {
    const metrics = measureText.call(this, text);
    measured.push({ font: this.font, inDocument: this.canvas.isConnected, width: metrics.width });
    return metrics;
  };
  return { measured, stop: () => { CanvasRenderingContext2D.prototype.measureText = measureText; } };
}

/** The font as a canvas context reads it back once set. */
function asCanvasFont(font: string): string {
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = font;
  return ctx.font;
}

let stopWatch = () => {};
let root: HTMLStyleElement | undefined;
/** The page's two families, as app.css sets them (any families do). */
function setFamilies(): void {
  root = document.createElement('style');
  root.textContent = ':root { --font: Arial, sans-serif; --mono: "Courier New", monospace; }';
  document.head.append(root);
}
afterEach(() => {
  stopWatch();
  root?.remove();
});

describe('warmFonts (Chromium)', () => {
  it('measures every font once, in order, with the page\'s families, on a canvas outside the document', async () => {
    setFamilies();
    const fonts = ['12px monospace', 'italic 700 17px serif', '600 13px var(--font)', '15px var(--mono)'];
    const watch = watchMeasures();
    stopWatch = watch.stop;
    const observer = new MutationObserver(() => expect.fail('the document was changed'));
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    warmFonts(fonts);
    expect(watch.measured, 'nothing in the caller\'s task').toEqual([]);
    for (let i = 0; i < 50 && watch.measured.length < fonts.length; i++) await nextTask();
    for (let i = 0; i < 5; i++) await nextTask();
    observer.disconnect();
    expect(watch.measured.map((m) => m.font)).toEqual(
      ['12px monospace', 'italic 700 17px serif', '600 13px Arial, sans-serif', '15px "Courier New", monospace'].map(asCanvasFont),
    );
    expect(watch.measured.every((m) => !m.inDocument && m.width > 0)).toBe(true);
  });

  it('measures the whole first-screen list, each font as written once the families are in', async () => {
    setFamilies();
    const watch = watchMeasures();
    stopWatch = watch.stop;
    warmFonts(FIRST_SCREEN_FONTS);
    for (let i = 0; i < 200 && watch.measured.length < FIRST_SCREEN_FONTS.length; i++) await nextTask();
    for (let i = 0; i < 5; i++) await nextTask();
    expect(watch.measured).toHaveLength(FIRST_SCREEN_FONTS.length);
    // No custom property was left for the canvas to reject (a rejected font leaves the previous one set).
    expect(new Set(watch.measured.map((m) => m.font)).size).toBe(FIRST_SCREEN_FONTS.length);
  });

  it('stopped before its first task, it measures nothing', async () => {
    const watch = watchMeasures();
    stopWatch = watch.stop;
    const stop = warmFonts(FIRST_SCREEN_FONTS);
    stop();
    for (let i = 0; i < 5; i++) await nextTask();
    expect(watch.measured).toEqual([]);
  });
});
