/**
 * "Save as PNG / SVG" for a picture on the page (the stage, a chart, the space-time diagram): the element as
 * it is drawn now, its canvases included, through html-to-image (loaded only when asked). The SVG holds the
 * element's HTML in a foreignObject, so it keeps the page's text and layout at any zoom; the PNG is drawn at
 * twice the screen's pixels. Anything inside marked `data-export-skip` (these buttons) is left out.
 */
import { useState, type RefObject } from 'react';
import { download } from './download';
import './exportImage.css';

export interface ExportImageProps {
  /** The element to save. */
  target: RefObject<HTMLElement | null>;
  /** File name without extension ("quorums-stage"). */
  fileName: string;
  /** What it is, for the buttons' names ("the stage": "Save the stage as PNG"). */
  what: string;
  /** Fill behind the picture; default the first opaque background at or above the element (the page's surface). */
  background?: string;
}

export function ExportImage({ target, fileName, what, background }: ExportImageProps) {
  const [status, setStatus] = useState('');
  const save = async (format: 'png' | 'svg') => {
    const element = target.current;
    if (!element) return;
    setStatus(`Saving ${what}…`);
    try {
      const { toPng, toSvg } = await import('html-to-image');
      const options = { backgroundColor: background ?? surfaceOf(element), skipFonts: true, filter: keep };
      const render = () => (format === 'png' ? toPng(element, { ...options, pixelRatio: 2 }) : toSvg(element, options));
      // An element not yet laid out renders as an empty image ("data:,"): try once more on the next frame.
      let url = await render();
      if (isEmpty(url)) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        url = await render();
      }
      if (isEmpty(url)) throw new Error('the picture came out empty (is it on screen?)');
      download(url, `${fileName}.${format}`);
      setStatus(`Saved ${fileName}.${format}.`);
    } catch (error) {
      setStatus(`Could not save ${what}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };
  return (
    <span className="viz-export" data-export-skip="">
      <button type="button" onClick={() => void save('png')} aria-label={`Save ${what} as PNG`}>PNG</button>
      <button type="button" onClick={() => void save('svg')} aria-label={`Save ${what} as SVG`}>SVG</button>
      <span className="viz-export-status" role="status">{status}</span>
    </span>
  );
}

function keep(node: Node): boolean {
  return !(node instanceof HTMLElement && node.dataset.exportSkip !== undefined);
}

/** The colour a reader sees behind `element`: its own background or its nearest ancestor's that is opaque. */
function surfaceOf(element: HTMLElement): string {
  for (let at: HTMLElement | null = element; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

/** A data URL with no image in it (what a 0-sized canvas gives). */
function isEmpty(url: string): boolean {
  return url.length < 64 || url === 'data:,';
}

