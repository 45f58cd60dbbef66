/**
 * The key to the stage's dots: one entry per message kind with its colour and shape (even slots round,
 * odd square, slots 4-7 hollow), and the cross of a dropped message. Text names every entry.
 */
import type { StageData } from '../../core/stage/types';
import { ownerColor, type VizStyle } from '../shared/palette';
import { STYLE_SLOTS } from './layoutAt';

export function StageLegend({ data, style }: { data: StageData; style: VizStyle }) {
  return (
    <ul className="viz-legend stage-legend" aria-label="Message kinds">
      {data.kinds.map((kind, k) => {
        const slot = k % STYLE_SLOTS;
        const color = ownerColor(style, slot);
        const isHollow = slot >= 4;
        const paint = isHollow ? { fill: 'none', stroke: color, strokeWidth: 1.5 } : { fill: color };
        return (
          <li key={kind}>
            <svg width="10" height="10" aria-hidden="true">
              {slot % 2 === 1 ? <rect x="1.5" y="1.5" width="7" height="7" {...paint} /> : <circle cx="5" cy="5" r="4" {...paint} />}
            </svg>{' '}
            {kind}
          </li>
        );
      })}
      <li>
        <svg width="10" height="10" aria-hidden="true">
          <path d="M1 1L9 9M9 1L1 9" stroke={style.muted} strokeWidth="1.5" />
        </svg>{' '}
        dropped (lost, cut, or to a crashed node)
      </li>
    </ul>
  );
}
