/**
 * One request's quorum as a small SVG: a row per node (the coordinator first, then the replicas, then the
 * sloppy-quorum fallbacks), time across. Each message the coordinator sent is a bar from the send to the
 * reply in the node's row, coloured by phase: filled when the reply counted toward the quorum, hollow when
 * it came after the coordinator had enough, dashed to the deadline with a cross when none came. Text at
 * each reply says what the node returned; a stale replica gets a red marker and "behind". Vertical marks:
 * the call, each phase's start, the answer (or the deadline). Props in, pixels out; the lab's table beside
 * it is the accessible twin.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Axes } from '../figure/Axes';
import { Figure } from '../figure/Figure';
import { HaloText } from '../figure/HaloText';
import type { LegendItem } from '../figure/Legend';
import { useFigureSize } from '../figure/useFigureSize';
import type { VizStyle } from '../shared/palette';
import { diagramHeight, layoutQuorumDiagram, markLabelRows, ROW_PX, type QuorumDiagramLayout } from './layout';
import { phaseColor } from './colors';
import type { QuorumDiagramData } from './types';
import type { PlayheadSource } from '../stage/types';
import './quorumDiagram.css';

/** The box scrolls sideways on narrow screens: focusable, so the keyboard can scroll it too. */
const SCROLLS_SIDEWAYS = { tabIndex: 0 } as const;

export interface QuorumDiagramProps {
  data: QuorumDiagramData;
  style: VizStyle;
  /** Accessible name: what the diagram shows ("Request 12: client 2 read via n3"). */
  title: string;
  /** The playhead, drawn as a line while it is inside the request's span (moved without a React render). */
  playhead?: PlayheadSource;
}

export function QuorumDiagram({ data, style, title, playhead }: QuorumDiagramProps) {
  const size = useFigureSize({ height: diagramHeight(data), widthMin: 320 });
  const layout = useMemo(() => layoutQuorumDiagram(data, size.width), [data, size.width]);
  const legend = useMemo(() => quorumLegend(data, style), [data, style]);
  const summary = `${title}: ${data.outcome}. ${data.contacts.filter((c) => c.isCounted).length} of ${data.contacts.length} replies counted.`;
  return (
    <Figure name="quorum" size={size} style={style} label={summary} legend={legend} plotClassName="viz-quorum-box" plotProps={SCROLLS_SIDEWAYS}>
      <NodeRows data={data} layout={layout} style={style} width={size.width} />
      <Axes frame={layout.frame} style={style} xTicks={layout.ticks} xTitle="simulated time (ms)" />
      <TimeMarks layout={layout} style={style} />
      <ContactBars data={data} layout={layout} style={style} />
      {playhead && <PlayheadLine playhead={playhead} layout={layout} style={style} />}
    </Figure>
  );
}

/** The playhead across the rows, placed on every playhead change by its own subscription. */
function PlayheadLine({ playhead, layout, style }: { playhead: PlayheadSource; layout: QuorumDiagramLayout; style: VizStyle }) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    const place = () => {
      const el = ref.current;
      if (!el) return;
      const t = playhead.get();
      const isInside = t >= layout.t0 && t <= layout.t1;
      el.style.visibility = isInside ? 'visible' : 'hidden';
      if (isInside) el.setAttribute('transform', `translate(${layout.xOf(t).toFixed(1)},0)`);
    };
    place();
    return playhead.subscribe(place);
  }, [playhead, layout]);
  const { frame } = layout;
  return (
    <g ref={ref} data-mark="playhead" aria-hidden="true">
      <line x1={0} x2={0} y1={frame.top} y2={frame.top + frame.innerHeight} stroke={style.accent} strokeWidth={2} />
      <path d={`M-5,${frame.top + frame.innerHeight + 6}L5,${frame.top + frame.innerHeight + 6}L0,${frame.top + frame.innerHeight}Z`} fill={style.accent} />
    </g>
  );
}

function quorumLegend(data: QuorumDiagramData, style: VizStyle): LegendItem[] {
  const phases = [...new Set(data.contacts.map((c) => c.phase))].sort((a, b) => a - b);
  const box = (props: { fill: string; stroke?: string; dash?: string }) => (
    <rect x={props.stroke ? 1.5 : 1} y={props.stroke ? 1.5 : 1} width={props.stroke ? 15 : 16} height={props.stroke ? 7 : 8} fill={props.fill} stroke={props.stroke} strokeDasharray={props.dash} />
  );
  return [
    ...phases.map((p) => ({ key: `p${p}`, label: data.phaseNames[p], width: 18, mark: box({ fill: phaseColor(style, p) }) })),
    { label: 'counted', width: 18, mark: box({ fill: style.muted }) },
    { label: 'late (not counted)', width: 18, mark: box({ fill: 'none', stroke: style.muted }) },
    { label: 'no reply in time', width: 18, mark: box({ fill: 'none', stroke: style.muted, dash: '3 2' }) },
    { label: 'behind (stale replica)', width: 18, mark: <path d="M5,1L13,1L9,8Z" fill={style.owners[3]} /> },
  ];
}

function NodeRows({ data, layout, style, width }: { data: QuorumDiagramData; layout: QuorumDiagramLayout; style: VizStyle; width: number }) {
  return layout.rows.map((id, k) => {
    const node = data.nodes.find((n) => n.id === id)!;
    const y = layout.rowY.get(id)!;
    return (
      <g key={id}>
        {k % 2 === 0 && <rect x={0} y={y - ROW_PX / 2} width={width} height={ROW_PX} fill={style.grid} opacity={0.25} />}
        <text x={8} y={y} dy="0.32em" fontSize={12} fontWeight={node.isCoordinator ? 700 : 400} fill={style.foreground}>
          {node.label}
          <tspan fill={style.muted} fontWeight={400}>{node.isCoordinator ? ` coordinator${node.role === 'replica' ? ', replica' : ''}` : ` ${node.role}`}</tspan>
        </text>
      </g>
    );
  });
}

function TimeMarks({ layout, style }: { layout: QuorumDiagramLayout; style: VizStyle }) {
  const { frame } = layout;
  const rows = markLabelRows(layout.marks);
  return layout.marks.map((m, k) => {
    const isStrong = m.kind === 'answer' || m.kind === 'deadline';
    return (
      <g key={k} data-mark={m.kind}>
        <line x1={m.x} x2={m.x} y1={frame.top - 2} y2={frame.top + frame.innerHeight} stroke={isStrong ? style.foreground : style.muted} strokeDasharray={m.kind === 'phase' ? '2 3' : m.kind === 'deadline' ? '6 3' : undefined} />
        <text x={m.x} y={frame.top - 6 - rows[k] * 12} fontSize={11} textAnchor="middle" fill={style.foreground} fontWeight={isStrong ? 700 : 400}>
          {m.label}
        </text>
      </g>
    );
  });
}

function ContactBars({ data, layout, style }: { data: QuorumDiagramData; layout: QuorumDiagramLayout; style: VizStyle }) {
  return layout.bars.map((bar) => {
    const c = data.contacts[bar.contact];
    const color = phaseColor(style, c.phase);
    const top = bar.y - layout.barHeight / 2;
    const notes = [c.label, !bar.isSilent && !c.isCounted ? 'late' : '', c.isBehind ? 'behind' : '', c.hintFor >= 0 ? `for n${c.hintFor}` : ''].filter(Boolean).join(' · ');
    return (
      <g key={bar.contact} data-contact={bar.contact} data-counted={c.isCounted ? 1 : 0}>
        <rect
          x={bar.x0}
          y={top}
          width={bar.x1 - bar.x0}
          height={layout.barHeight}
          fill={c.isCounted ? color : style.background}
          fillOpacity={c.isCounted ? 0.85 : 1}
          stroke={color}
          strokeWidth={1.5}
          strokeDasharray={bar.isSilent ? '4 3' : undefined}
        />
        {bar.isSilent && <path d={`M${bar.x1 - 3},${bar.y - 3}L${bar.x1 + 3},${bar.y + 3}M${bar.x1 - 3},${bar.y + 3}L${bar.x1 + 3},${bar.y - 3}`} stroke={style.foreground} strokeWidth={1.5} />}
        {c.isBehind && <path d={`M${bar.x1 - 5},${top - 7}L${bar.x1 + 5},${top - 7}L${bar.x1},${top - 1}Z`} fill={style.owners[3]} />}
        <HaloText style={style} x={bar.x1 + (bar.isSilent ? 7 : 4)} y={bar.y} dy="0.32em" fontSize={10}>
          {notes}
        </HaloText>
      </g>
    );
  });
}
