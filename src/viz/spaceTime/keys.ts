/**
 * The diagram's keys, while it has focus (single-key shortcuts only there, WCAG 2.1.4), as pure commands:
 *
 *   ← →          previous / next event on the lane        Home End     first / last event on the lane
 *   ↑ ↓          nearest event on the lane above / below  Enter Space  select the focused event (a)
 *   Shift+Enter  pick it as b and compare with a          Escape       clear the selection
 *   + −          zoom in / out about the focused event    PgUp PgDn    pan by most of the window
 *   0            show everything
 */
import type { CausalGraph } from '../../core/causality/types';
import { acrossLanes, alongLane, firstEvent, laneEnd } from './nav';
import { panBy, reveal, zoomAt, type SpaceTimeGeometry, type SpaceTimeView } from './view';

export interface KeyCommand {
  focus?: number;
  select?: 'a' | 'b';
  view?: (v: SpaceTimeView) => SpaceTimeView;
  reset?: boolean;
  clear?: boolean;
}

interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function keyCommand(e: KeyLike, g: CausalGraph, focus: number, view: SpaceTimeView, geometry: SpaceTimeGeometry): KeyCommand | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || g.count === 0) return undefined;
  const at = focus >= 0 ? focus : firstEvent(g);
  const move = (to: number): KeyCommand => ({ focus: to, view: (v) => reveal(v, geometry, g.time[to], g.lane[to]) });
  const centre = focus >= 0 ? g.time[focus] : (view.t0 + view.t1) / 2;
  switch (e.key) {
    case 'ArrowRight': return move(focus >= 0 ? alongLane(g, at, 1) : at);
    case 'ArrowLeft': return move(focus >= 0 ? alongLane(g, at, -1) : at);
    case 'ArrowDown': return move(focus >= 0 ? acrossLanes(g, at, 1) : at);
    case 'ArrowUp': return move(focus >= 0 ? acrossLanes(g, at, -1) : at);
    case 'Home': return move(laneEnd(g, at, false));
    case 'End': return move(laneEnd(g, at, true));
    case 'Enter':
    case ' ': return { focus: at, select: e.shiftKey ? 'b' : 'a' };
    case 'Escape': return { clear: true };
    case '+':
    case '=': return { view: (v) => zoomAt(v, 0.5, centre) };
    case '-':
    case '_': return { view: (v) => zoomAt(v, 2, centre) };
    case 'PageDown': return { view: (v) => panBy(v, -geometry.plotWidth * 0.8, 0, geometry) };
    case 'PageUp': return { view: (v) => panBy(v, geometry.plotWidth * 0.8, 0, geometry) };
    case '0': return { reset: true };
    default: return undefined;
  }
}
