/**
 * A comparison table: items side by side (columns), one measured figure per row. A real <table> with a
 * caption and header cells; numbers right-aligned in tabular figures; the best and worst cell of each row
 * say so in text ("best", "worst"), with colour only as a second cue. Strings are rendered as text.
 */
import { useMemo } from 'react';
import { rankRow, type Better } from './rank';
import './compareTable.css';

export interface CompareRow {
  key: string;
  /** The measure ("keys per node, max / mean"). */
  label: string;
  /** A short note under the label ("1.00 is perfect"). */
  help?: string;
  better: Better;
  /** One value per column; NaN: not measured (shown as "–"). */
  values: readonly number[];
  format?: (value: number) => string;
}

export interface CompareTableProps {
  caption: string;
  /** Column (item) names. */
  columns: readonly string[];
  rows: readonly CompareRow[];
  /** Header of the first column. Default "measure". */
  rowHeader?: string;
  /** A column to emphasise (the one in use), with a note after its name ("in use"). */
  currentColumn?: number;
  currentNote?: string;
}

export function CompareTable(props: CompareTableProps) {
  const ranks = useMemo(() => props.rows.map((row) => rankRow(row.values, row.better)), [props.rows]);
  return (
    // Focusable and named: a wide table scrolls sideways in a narrow column, and a keyboard must reach it.
    <div className="viz-compare-wrap" role="region" aria-label={props.caption} tabIndex={0}>
      <table className="viz-compare">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader ?? 'measure'}</th>
            {props.columns.map((column, i) => (
              <th key={column} scope="col" className={i === props.currentColumn ? 'viz-compare-current' : undefined}>
                {column}
                {i === props.currentColumn && <span className="viz-compare-note">{props.currentNote ?? 'in use'}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                {row.help && <span className="viz-compare-help">{row.help}</span>}
              </th>
              {row.values.map((value, c) => {
                const rank = ranks[r][c];
                return (
                  <td key={c} className={[rank ? `viz-compare-${rank}` : '', c === props.currentColumn ? 'viz-compare-current' : ''].join(' ').trim() || undefined}>
                    {Number.isFinite(value) ? (row.format ?? String)(value) : '–'}
                    {rank && <span className="viz-compare-rank">{rank === 'best' ? ' ▲ best' : ' ▼ worst'}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
