import { useMountWhenIdle } from './useMountWhenIdle';

/**
 * The data behind a chart as a real table, visually hidden (screen readers and "copy the numbers" read
 * it). Cells are rendered as text only. A hidden table mounts once the browser is idle after the chart
 * (useMountWhenIdle): it stays out of the page's first layout.
 */
export interface DataTableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** Rows past this are summarised in a last line rather than rendered (keeps the DOM small). */
  maxRows?: number;
  /** Show the table instead of hiding it. Default false. */
  isVisible?: boolean;
}

export function DataTable({ caption, columns, rows, maxRows = 200, isVisible = false }: DataTableProps) {
  const isMounted = useMountWhenIdle(!isVisible);
  const shown = rows.length > maxRows ? rows.slice(0, maxRows) : rows;
  return (
    <div className={isVisible ? 'viz-table-wrap' : 'viz-visually-hidden'}>
    {isMounted && <table className="viz-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{typeof cell === 'number' ? String(cell) : cell}</td>
            ))}
          </tr>
        ))}
        {rows.length > maxRows && (
          <tr>
            <td colSpan={columns.length}>{`… ${rows.length - maxRows} more rows not shown`}</td>
          </tr>
        )}
      </tbody>
    </table>}
    </div>
  );
}
