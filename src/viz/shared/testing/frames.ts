/**
 * For browser tests of draw loops: tags every animation-frame callback with its frame's time and records
 * the frame in which each canvas got its first 2D context. `restore` puts both back.
 */
export interface FrameWatch {
  /** The time of the frame whose callbacks are running (NaN before the first). */
  now(): number;
  /** Each canvas, and the frame of its first getContext call. */
  firstContext: Map<HTMLCanvasElement, number>;
  restore(): void;
}

export function watchFrames(): FrameWatch {
  let frameTime = Number.NaN;
  const firstContext = new Map<HTMLCanvasElement, number>();
  const raf = window.requestAnimationFrame;
  const getContext = HTMLCanvasElement.prototype.getContext;
  window.requestAnimationFrame = (callback) => raf.call(window, (t) => {
    frameTime = t;
    callback(t);
  });
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: Parameters<typeof getContext>) {
    if (!firstContext.has(this)) firstContext.set(this, frameTime);
    return getContext.apply(this, args as never);
  } as typeof getContext;
  return {
    now: () => frameTime,
    firstContext,
    restore() {
      window.requestAnimationFrame = raf;
      HTMLCanvasElement.prototype.getContext = getContext;
    },
  };
}
