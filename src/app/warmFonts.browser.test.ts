/**
 * warmFonts in real Chromium: nothing happens in the caller's task; each font is laid out once, in order,
 * in a hidden box that screen readers skip; the box goes once all are done, or at once when stopped.
 * (That the list covers every lab's first screen is checked by each lab's e2e spec, e2e/labPage.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_FONTS, warmFonts } from './warmFonts';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The spans the warmer adds and the boxes it adds them to; `laidOut`: each span's font and width as the
 * warmer read it (the read is what lays it out, so the lookup happens in the warmer's task). */
function watchSpans(): { spans: string[]; boxes: HTMLElement[]; laidOut: { font: string; width: number }[]; stop: () => void } {
  const spans: string[] = [];
  const boxes: HTMLElement[] = [];
  const laidOut: { font: string; width: number }[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        if (node.tagName === 'SPAN') spans.push(node.style.font);
        else boxes.push(node);
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const offsetWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth')!;
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get(this: HTMLElement) {
      const width = offsetWidth.get!.call(this) as number;
      if (this.tagName === 'SPAN') laidOut.push({ font: this.style.font, width });
      return width;
    },
  });
  return {
    spans, boxes, laidOut, stop: () => {
      observer.disconnect();
      Object.defineProperty(HTMLElement.prototype, 'offsetWidth', offsetWidth);
    },
  };
}

let stopWatch = () => {};
afterEach(() => stopWatch());

describe('warmFonts (Chromium)', () => {
  it('lays every font out once, in order, in a hidden box it removes when done', async () => {
    const fonts = ['12px monospace', '600 13px sans-serif', 'italic 700 17px serif', ...FIRST_SCREEN_FONTS];
    const watch = watchSpans();
    stopWatch = watch.stop;
    const before = document.body.childElementCount;
    warmFonts(fonts);
    expect(document.body.childElementCount, 'nothing in the caller\'s task').toBe(before);
    for (let i = 0; i < 200 && watch.spans.length < fonts.length; i++) await nextTask();
    await nextTask();
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(watch.boxes).toHaveLength(1);
    const [box] = watch.boxes;
    expect(box.getAttribute('aria-hidden')).toBe('true');
    expect(box.style.visibility).toBe('hidden');
    const asSet = (font: string) => {
      const probe = document.createElement('span');
      probe.style.font = font;
      return probe.style.font;
    };
    expect(watch.spans).toEqual(fonts.map(asSet));
    expect(watch.laidOut.map((s) => s.font), 'each span laid out in the warmer\'s task').toEqual(fonts.map(asSet));
    expect(watch.laidOut.every((s) => s.width > 0), 'each span has a width').toBe(true);
    expect(box.isConnected, 'the box is gone').toBe(false);
    expect(document.body.childElementCount).toBe(before);
  });

  it('stopped before its first task, it adds nothing', async () => {
    const watch = watchSpans();
    stopWatch = watch.stop;
    const stop = warmFonts(FIRST_SCREEN_FONTS);
    stop();
    for (let i = 0; i < 5; i++) await nextTask();
    expect(watch.boxes).toEqual([]);
    expect(watch.spans).toEqual([]);
  });
});
