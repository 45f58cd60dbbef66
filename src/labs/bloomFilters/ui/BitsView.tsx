/**
 * The bit array at the playhead, on a canvas: one cell per bit up to 4,096 bits, beyond that each cell the
 * density of its run of bits (the fraction set, as opacity), so the cost follows cells, not m. The filter
 * operation at the playhead (the last get or put f1 handled) rings its k cells: a ring per probe, a cross
 * on a probe that found its bit 0 (the "definitely no"), and its words above the canvas.
 */
import { memo, useCallback, useMemo, useRef } from 'react';
import { usePlayhead } from '../../../app/hooks';
import { formatInt } from '../../../viz/shared/format';
import type { VizStyle } from '../../../viz/shared/palette';
import { useCanvas } from '../../../viz/shared/useCanvas';
import { useObservedSize } from '../../../viz/shared/useObservedSize';
import { Answer, OpKind, type BloomResult } from '../result';
import { cellSize, cellsAt, opAt, opProbes, opWords } from './select';

/** Columns of the grid: every bit in a row of 32 for small filters, up to 256 cells a row at scale (fewer on a phone). */
export function gridOf(cells: number, width: number): { cols: number; rows: number; cellPx: number } {
  let wide = 256;
  while (wide > 32 && wide * 2 > width) wide /= 2;
  const cols = cells <= 256 ? Math.min(cells, 32) : wide;
  const rows = Math.ceil(cells / cols);
  const cellPx = Math.max(2, Math.min(22, Math.floor(width / cols)));
  return { cols, rows, cellPx };
}

export const BitsView = memo(function BitsView({ result, style }: { result: BloomResult; style: VizStyle }) {
  const t = usePlayhead();
  const i = opAt(result, t);
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { width } = useObservedSize(holder);
  const cells = result.filter.cells;
  const grid = gridOf(cells, Math.max(200, width));
  const height = grid.rows * grid.cellPx + 16;
  // Puts change bits: the cells are recomputed only when the operation at the playhead changes.
  const counts = useMemo(() => cellsAt(result, i < 0 ? -1 : result.ops.tMs[i]), [result, i]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      const { cols, cellPx } = grid;
      const pad = 8;
      const isBitwise = cells === result.m;
      ctx.fillStyle = style.owners[0];
      for (let c = 0; c < cells; c++) {
        const x = (c % cols) * cellPx;
        const y = pad + Math.floor(c / cols) * cellPx;
        const density = counts[c] / cellSize(result.m, cells, c);
        if (isBitwise && density === 0) {
          ctx.strokeStyle = style.grid;
          ctx.strokeRect(x + 0.5, y + 0.5, cellPx - 2, cellPx - 2);
          continue;
        }
        ctx.globalAlpha = isBitwise ? 1 : 0.15 + 0.85 * density;
        ctx.fillRect(x, y, Math.max(1, cellPx - (cellPx > 4 ? 1 : 0)), Math.max(1, cellPx - (cellPx > 4 ? 1 : 0)));
      }
      ctx.globalAlpha = 1;
      if (i < 0) return;
      const { cells: probeCells, wasSet } = opProbes(result, i);
      const r = Math.max(5, cellPx * 0.75);
      ctx.lineWidth = 2;
      probeCells.forEach((c, j) => {
        const cx = (c % cols) * cellPx + cellPx / 2;
        const cy = pad + Math.floor(c / cols) * cellPx + cellPx / 2;
        const isClear = wasSet[j] === 0;
        ctx.strokeStyle = isClear ? style.accent : style.foreground;
        ctx.beginPath();
        ctx.arc(cx, cy, r, 0, 2 * Math.PI);
        ctx.stroke();
        if (isClear && result.ops.kind[i] === OpKind.get) {
          ctx.beginPath();
          ctx.moveTo(cx - r * 0.6, cy - r * 0.6);
          ctx.lineTo(cx + r * 0.6, cy + r * 0.6);
          ctx.moveTo(cx + r * 0.6, cy - r * 0.6);
          ctx.lineTo(cx - r * 0.6, cy + r * 0.6);
          ctx.stroke();
        }
      });
    },
    [grid, cells, counts, result, style, i],
  );
  useCanvas(canvas, grid.cols * grid.cellPx, height, draw);
  const answer = i < 0 ? -1 : result.ops.answer[i];
  const cellWords = cells === result.m ? 'one square per bit' : `each square ${formatInt(Math.floor(result.m / cells))}-${formatInt(Math.ceil(result.m / cells))} bits, darker = more set`;
  return (
    <div className="bf-bits" ref={holder} data-op={i} data-answer={answer}>
      <p className={`bf-op${answer === Answer.falsePositive ? ' bf-fp' : ''}`} aria-live="off">
        <strong>{i < 0 ? 'The filter: ' : `At ${formatMs(result.ops.tMs[i])} ms, f1: `}</strong>
        {opWords(result, i)}
      </p>
      <canvas ref={canvas} style={{ width: grid.cols * grid.cellPx, height }} role="img" aria-label={`The filter's ${formatInt(result.m)} bits (${cellWords}); the operation at the playhead rings its ${result.k} bits. ${opWords(result, i)}`} />
      {cells < result.m && i >= 0 && <ProbeWindows result={result} op={i} style={style} />}
      <p className="bf-sub">{`${formatInt(result.m)} bits holding ${formatInt(result.n)} elements, ${cellWords}. Rings: the ${result.k} bits of the key at the playhead, in colour where the bit was 0 (on a get, crossed: that 0 is the "definitely no").`}</p>
    </div>
  );
});

const HALF = 8;
const SQUARE = 9;

/**
 * At scale a cell holds hundreds of bits, so each probe also gets its own zoom: the 17 bits centred on
 * it as they were just before the operation (after it, for a put's own bit), the probed bit ringed.
 */
function ProbeWindows({ result, op, style }: { result: BloomResult; op: number; style: VizStyle }) {
  const { positions, wasSet } = opProbes(result, op);
  const isPut = result.ops.kind[op] === OpKind.put;
  return (
    <ul className="bf-windows" aria-label={`The ${result.k} probed bits with 8 neighbours on each side`}>
      {positions.map((x, j) => {
        const mask = result.ops.windows[op * result.k + j];
        const isClear = wasSet[j] === 0;
        const ring = isClear ? style.accent : style.foreground;
        return (
          <li key={j}>
            <span className="bf-window-label">{`bit ${formatInt(x)}: ${isClear ? (isPut ? '0 → 1' : '0') : '1'}`}</span>
            <svg width={(2 * HALF + 1) * SQUARE + 4} height={SQUARE + 6} aria-hidden="true">
              {Array.from({ length: 2 * HALF + 1 }, (_, b) => {
                const index = x - HALF + b;
                if (index < 0 || index >= result.m) return null;
                const isSet = ((mask >>> b) & 1) === 1 || (isPut && b === HALF);
                return <rect key={b} x={2 + b * SQUARE} y={3} width={SQUARE - 1} height={SQUARE - 1} fill={isSet ? style.owners[0] : 'none'} stroke={isSet ? 'none' : style.grid} />;
              })}
              <rect x={2 + HALF * SQUARE - 1.5} y={1.5} width={SQUARE + 2} height={SQUARE + 2} fill="none" stroke={ring} strokeWidth={2} />
            </svg>
          </li>
        );
      })}
    </ul>
  );
}

function formatMs(t: number): string {
  return t.toFixed(3).replace(/\.?0+$/, '');
}
