/**
 * A value derived from the playhead, for the views below the stage (the request card, the client history's
 * selection): exact after every pause, step or seek, but while playing sampled a few times a second and
 * rendered as a transition. At 10^4 operations play crosses dozens of requests per frame; redrawing the
 * quorum diagram, its table and the overlap view at every one of them would block frames, and a diagram
 * changing 60 times a second cannot be read anyway.
 */
import { startTransition, useEffect, useState } from 'react';
import type { PlayheadSource } from '../../../viz/stage';

/** How often a playing playhead updates the value (wall-clock ms). */
export const SAMPLE_MS_PLAYING = 200;

export function useSampledPlayhead<T>(playhead: PlayheadSource, select: (t: number) => T): T {
  const [value, setValue] = useState(() => select(playhead.get()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      timer = undefined;
      const next = select(playhead.get());
      if (playhead.isPlaying?.()) startTransition(() => setValue(next));
      else setValue(next);
    };
    update();
    const unsubscribe = playhead.subscribe(() => {
      if (playhead.isPlaying?.()) {
        timer ??= setTimeout(update, SAMPLE_MS_PLAYING);
        return;
      }
      if (timer !== undefined) clearTimeout(timer);
      update();
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [playhead, select]);
  return value;
}
