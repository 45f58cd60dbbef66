/**
 * Who led when: one row per node, leadership by epoch, the time each leader could take writes, and the
 * split-brain spans shaded (./roleLayout.ts). Its accessible twin is the leadership table under it, whose
 * buttons move the playhead to the start of each leadership (keyboard: Tab, Enter).
 */
import { memo, useMemo, useRef } from 'react';
import { ownerColor, useObservedSize, type VizStyle } from '../../../viz/shared';
import { layoutRoles, playheadAt } from './roleLayout';
import type { LeaderFollowerResult } from '../result';
import { leadershipRows } from './select';

export interface RoleTimelineProps {
  result: LeaderFollowerResult;
  style: VizStyle;
  t: number;
  onSeek: (t: number) => void;
  /** Nodes the lesson step's text names ('n0'): their rows' labels are marked and bold. */
  highlighted?: readonly string[];
}

export const RoleTimeline = memo(function RoleTimeline({ result, style, t, onSeek, highlighted }: RoleTimelineProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useObservedSize(box).width;
  const layout = useMemo(() => layoutRoles(result, width, -1), [result, width]);
  const playheadX = playheadAt(result, width, t);
  const rows = useMemo(() => leadershipRows(result), [result]);
  const { frame } = layout;
  const bottom = frame.top + frame.innerHeight;
  const splitCount = layout.splits.length;
  const pointed = highlighted?.length ? ` The lesson points at ${highlighted.join(', ')} (marked ▸).` : '';
  const label = `Role timeline: ${rows.length} leadership${rows.length === 1 ? '' : 's'} over ${result.nodeCount} nodes${splitCount ? `; ${splitCount} split-brain span${splitCount === 1 ? '' : 's'} shaded` : ''}.${pointed} The table below lists them.`;
  return (
    <div className="lf-roles" ref={box}>
      <ul className="viz-legend" aria-hidden="true">
        <li><svg width={22} height={12}><rect x={1} y={1} width={20} height={10} fill={ownerColor(style, 0)} opacity={0.3} /></svg>leader (epoch e1, e2, ...)</li>
        <li><svg width={22} height={12}><rect x={1} y={3} width={20} height={6} fill={ownerColor(style, 0)} /></svg>could take writes{result.fencing ? ' (held its lease)' : ''}</li>
        <li><svg width={22} height={12}><rect x={1} y={1} width={20} height={10} fill={style.accentSoft} stroke={style.accent} /></svg>split brain</li>
      </ul>
      <svg width={width} height={frame.height} role="img" aria-label={label}>
        {layout.splits.map((s, i) => (
          <rect key={`s${i}`} x={s.x} y={frame.top} width={s.width} height={frame.innerHeight} fill={style.accentSoft} stroke={style.accent} strokeWidth={1} />
        ))}
        {layout.rows.map((row) => (
          <g key={row.node}>
            <line x1={frame.left} x2={frame.left + frame.innerWidth} y1={row.y + layout.rowHeight / 2} y2={row.y + layout.rowHeight / 2} stroke={style.grid} />
            <text x={frame.left - 6} y={row.y + layout.rowHeight / 2} dy="0.32em" textAnchor="end" fontSize={11} fill={style.foreground} fontWeight={highlighted?.includes(row.label) ? 700 : undefined} data-highlight={highlighted?.includes(row.label) || undefined}>
              {highlighted?.includes(row.label) ? `▸ ${row.label}` : row.label}
            </text>
          </g>
        ))}
        {layout.leaders.map((b, i) => (
          <rect key={`l${i}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={ownerColor(style, b.epoch - 1)} opacity={0.3}>
            <title>{b.title}</title>
          </rect>
        ))}
        {layout.serving.map((b, i) => (
          <rect key={`v${i}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={ownerColor(style, b.epoch - 1)}>
            <title>{b.title}</title>
          </rect>
        ))}
        {layout.leaders.filter((b) => b.width > 24).map((b, i) => (
          <text key={`t${i}`} x={b.x + 4} y={b.y + b.height / 2} dy="0.32em" fontSize={10} fontWeight={600} fill={style.foreground} paintOrder="stroke" stroke={style.background} strokeWidth={3}>
            {b.label}
          </text>
        ))}
        {layout.marks.map((m, i) => (
          <g key={`m${i}`}>
            <title>{m.label}</title>
            <line x1={m.x} x2={m.x} y1={m.y} y2={m.y + m.height} stroke={style.foreground} strokeWidth={1.5} strokeDasharray="2 2" />
          </g>
        ))}
        {layout.xTicks.map((tick) => (
          <text key={tick.value} x={tick.offset} y={bottom + 14} textAnchor="middle" fontSize={11} fill={style.muted}>{tick.label}</text>
        ))}
        <text x={frame.left + frame.innerWidth / 2} y={frame.height - 2} textAnchor="middle" fontSize={11} fill={style.foreground}>simulated time (ms)</text>
        {playheadX !== null && <line x1={playheadX} x2={playheadX} y1={frame.top} y2={bottom} stroke={style.foreground} strokeWidth={1.5} />}
      </svg>
      <LeadershipTable rows={rows} onSeek={onSeek} />
    </div>
  );
});

/** The timeline's accessible twin: one row per leadership, each with a button that seeks to its start. */
function LeadershipTable({ rows, onSeek }: { rows: ReturnType<typeof leadershipRows>; onSeek: (t: number) => void }) {
  return (
    <div className="lf-scroll" role="region" aria-label="Leaderships" tabIndex={0}>
      <table className="lf-table">
        <caption className="visually-hidden">Leaderships: who led which epoch, from when to when, and how it ended</caption>
        <thead>
          <tr>
            <th scope="col">node</th>
            <th scope="col">epoch</th>
            <th scope="col">from (ms)</th>
            <th scope="col">to (ms)</th>
            <th scope="col">became leader</th>
            <th scope="col">ended</th>
            <th scope="col"><span className="visually-hidden">playhead</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>{row.node}</td>
              <td className="lf-num">{row.epoch}</td>
              <td className="lf-num">{row.fromMs.toFixed(1)}</td>
              <td className="lf-num">{row.toMs.toFixed(1)}</td>
              <td>{row.how}</td>
              <td>{row.ended}</td>
              <td>
                <button type="button" className="lf-small" onClick={() => onSeek(row.fromMs)} aria-label={`Move the playhead to ${row.fromMs.toFixed(1)} ms, when ${row.node} began leading epoch ${row.epoch}`}>
                  Go to
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
