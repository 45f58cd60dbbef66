/**
 * The playhead as a vertical line over the canvas, moved on the playhead's notifications (a style write,
 * no React render, no redraw). While playing, the window follows: when the playhead leaves it, the window
 * jumps to put it a tenth of the way in.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { PlayheadSource } from '../stage/types';
import { xOf, type SpaceTimeGeometry, type SpaceTimeView } from './view';

export function usePlayheadLine(
  playhead: PlayheadSource | undefined, line: RefObject<HTMLDivElement | null>, view: SpaceTimeView, g: SpaceTimeGeometry,
  update: (change: (v: SpaceTimeView) => SpaceTimeView) => void,
): void {
  const latest = useRef({ view, g });
  latest.current = { view, g };
  useEffect(() => {
    if (!playhead) return;
    const place = () => {
      const element = line.current;
      if (!element) return;
      const { view: v, g: geometry } = latest.current;
      const t = playhead.get();
      const x = xOf(v, geometry, t);
      const isInside = x >= geometry.left && x <= geometry.left + geometry.plotWidth;
      element.style.transform = `translateX(${x.toFixed(1)}px)`;
      element.style.visibility = isInside ? 'visible' : 'hidden';
      element.dataset.t = String(t);
      if (!isInside && playhead.isPlaying?.()) {
        update((w) => ({ ...w, t0: t - (w.t1 - w.t0) * 0.1, t1: t + (w.t1 - w.t0) * 0.9 }));
      }
    };
    place();
    return playhead.subscribe(place);
  }, [playhead, line, update, view, g]);
}
