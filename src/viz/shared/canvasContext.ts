/**
 * A canvas's 2D context at a size, for every canvas the viz layer draws (stage layers, figures, the
 * space-time diagram), and the first context made in a frame of its own.
 */

/** Sizes a canvas's backing store to CSS size x devicePixelRatio (only when it changed) and returns its context in CSS px. */
export function canvasContext(canvas: HTMLCanvasElement | null, width: number, height: number, dpr: number): CanvasRenderingContext2D | null {
  if (!canvas || width <= 0 || height <= 0) return null;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** Canvases whose 2D context `prepareCanvas` has made. */
const prepared = new WeakSet<HTMLCanvasElement>();

/** True once a first context has been made in the current task; cleared by the next task. */
let isTaskSpent = false;

/**
 * Makes a canvas's first 2D context at its drawn size, once per canvas, and at most one canvas per task:
 * true when the canvas is not ready to draw yet (its context was just made, or another canvas's was
 * made in this task), false when it is. In a browser that has just started, the first context and its
 * backing store cost 5-10 ms each (getContext, then the first call on the context): a draw loop that
 * gets true waits for the next frame to draw, so that cost and the first draw never share one task, and
 * the page's draw loops (the stage's layers, a figure's canvas) never make theirs in one frame together.
 */
export function prepareCanvas(canvas: HTMLCanvasElement | null, width: number, height: number, dpr: number): boolean {
  if (!canvas || prepared.has(canvas) || width <= 0 || height <= 0) return false;
  if (isTaskSpent) return true;
  isTaskSpent = true;
  // Every animation-frame callback of a frame runs in the frame's one task; a timer runs in a later task.
  setTimeout(() => {
    isTaskSpent = false;
  }, 0);
  prepared.add(canvas);
  canvasContext(canvas, width, height, dpr);
  return true;
}
