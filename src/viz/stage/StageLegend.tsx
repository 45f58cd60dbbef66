/**
 * The key to the stage's dots (the shared figure Legend): one entry per message kind with its colour and
 * shape (even slots round, odd square, slots 4-7 hollow), and the cross of a dropped message. The
 * narration says the same in words for assistive technology.
 */
import { memo, useMemo } from 'react';
import type { StageData } from '../../core/stage/types';
import { Legend, type LegendItem } from '../figure/Legend';
import { ownerColor, type VizStyle } from '../shared/palette';
import { STYLE_SLOTS } from './layoutAt';

/** `kinds`: the kind indices to list (those the run drew), default every kind; slots stay the data's. */
export const StageLegend = memo(function StageLegend({ data, style, kinds }: { data: StageData; style: VizStyle; kinds?: readonly number[] }) {
  const items = useMemo((): LegendItem[] => [
    ...data.kinds.flatMap((kind, k) => (kinds && !kinds.includes(k) ? [] : [{ kind, k }])).map(({ kind, k }) => {
      const slot = k % STYLE_SLOTS;
      const color = ownerColor(style, slot);
      const paint = slot >= 4 ? { fill: 'none', stroke: color, strokeWidth: 1.5 } : { fill: color };
      const mark = slot % 2 === 1 ? <rect x="1.5" y="1.5" width="7" height="7" {...paint} /> : <circle cx="5" cy="5" r="4" {...paint} />;
      return { label: kind, mark, width: 12 };
    }),
    { label: 'dropped (lost, cut, or to a crashed node)', mark: <path d="M1 1L9 9M9 1L1 9" stroke={style.muted} strokeWidth="1.5" />, width: 12 },
  ], [data.kinds, style, kinds]);
  return <Legend items={items} />;
});
