/**
 * The stage's draw loop: one requestAnimationFrame per playhead change, coalesced (any number of changes
 * within a frame cost one draw), and nothing while the playhead rests: no always-on loop, no React render
 * per frame. Every pixel is f(result, t, size, theme), so a backward scrub is just another draw.
 */
import { useLayoutEffect } from 'react';
import type { PlayheadSource } from './types';

/**
 * Draws afresh (`invalidate`, then a draw) whenever the draw function or `redrawOn` changes: a new result,
 * size, theme or overlay. The draw is requested in the commit's layout effect and runs in the next
 * animation frame, the frame that paints the commit: a canvas's text calls (font, fillText) bring the
 * document's style and layout up to date, and inside the commit they forced the whole page's pending
 * layout there (17-20 ms of a 38 ms commit on the CAP page's load), where the frame would do it anyway.
 *
 * `prepare` runs first in each frame; when it did work (it made a canvas's first context, see
 * viz/shared/canvasContext.ts), the draw waits for the next frame, so the two never share one task.
 */
export function useStageLoop(playhead: PlayheadSource, draw: (t: number, isPlaying: boolean) => void, invalidate: () => void, redrawOn: unknown, prepare?: () => boolean): void {
  useLayoutEffect(() => {
    invalidate();
    let id = 0;
    const run = () => {
      id = 0;
      if (prepare?.()) {
        schedule();
        return;
      }
      draw(playhead.get(), playhead.isPlaying?.() ?? false);
    };
    const schedule = () => {
      if (id === 0) id = requestAnimationFrame(run);
    };
    schedule();
    const off = playhead.subscribe(schedule);
    return () => {
      off();
      if (id !== 0) cancelAnimationFrame(id);
    };
  }, [playhead, draw, invalidate, redrawOn, prepare]);
}
