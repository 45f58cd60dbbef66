/**
 * Node glyphs at scale (glyph and aggregate tiers), on their own canvas, redrawn only when what they show
 * changes (glyphSignature): a disc per node in its heat or role colour (grey when crashed), the role's
 * letter, a cross when crashed, bars when paused, a ring when a badge is on, a dashed ring when a lesson
 * names the node. Never colour alone: every state also has a mark.
 */
import type { StageData } from '../../core/stage/types';
import { ownerColor, type VizStyle } from '../shared/palette';
import type { StageGeometry } from './geometry';
import { heatPaint } from './heat';
import { NodeState, type StageFrame } from './layoutAt';
import { heatLevel } from './types';

/** What a node glyph shows besides its status, as field indices into the data (-1: none). */
export interface GlyphSpec {
  role: number;
  /** Heat field and its max: the glyph's fill follows the heat ramp instead of the role colour. */
  heat: number;
  heatMax: number;
  /** Badges as (field, text index): a glyph whose badge is on gets a ring. */
  badges: readonly { field: number; text: number }[];
  /** 1 for the nodes a lesson step names (a dashed ring), or null. */
  highlighted: Uint8Array | null;
}

/** The value of field `f` of `node` at the frame (NaN when none or a text). */
function valueAt(data: StageData, frame: StageFrame, node: number, f: number): number {
  const row = f >= 0 ? frame.fieldRow[node * data.fields.names.length + f] : -1;
  return row >= 0 ? data.fields.value[row] : Number.NaN;
}

function hasBadge(data: StageData, frame: StageFrame, node: number, spec: GlyphSpec): boolean {
  const fields = data.fields.names.length;
  for (const b of spec.badges) {
    const row = b.field >= 0 ? frame.fieldRow[node * fields + b.field] : -1;
    if (row >= 0 && data.fields.text[row] === b.text) return true;
  }
  return false;
}

/**
 * A cheap signature of what the node glyphs show at the frame (status, role row, heat level, badge per
 * node): the glyph layer is redrawn only when it changes, not per frame.
 */
export function glyphSignature(data: StageData, frame: StageFrame, spec: GlyphSpec): number {
  const fields = data.fields.names.length;
  let h = 0;
  for (let i = 0; i < frame.status.length; i++) {
    const role = spec.role >= 0 ? frame.fieldRow[i * fields + spec.role] : -1;
    const heat = spec.heat >= 0 ? heatLevel(valueAt(data, frame, i, spec.heat), spec.heatMax) : 0;
    const badge = spec.badges.length > 0 && hasBadge(data, frame, i, spec) ? 1 : 0;
    h = (Math.imul(h, 31) + frame.status[i] * 1_000_003 + role + heat * 7919 + badge * 104_729) | 0;
  }
  return h;
}

/** A glyph's fill: grey when crashed, else its heat (heat spec: level 0 is the ramp's coolest) or role colour. */
function glyphColor(data: StageData, frame: StageFrame, style: VizStyle, node: number, spec: GlyphSpec): string {
  if (frame.status[node] === NodeState.crashed) return style.grid;
  if (spec.heat >= 0) return heatPaint(style, heatLevel(valueAt(data, frame, node, spec.heat), spec.heatMax)).color;
  const row = spec.role >= 0 ? frame.fieldRow[node * data.fields.names.length + spec.role] : -1;
  const text = row >= 0 ? data.fields.text[row] : -1;
  return text >= 0 ? ownerColor(style, text) : style.muted;
}

/**
 * Node glyphs at scale (their own canvas): heat or role colour (grey when crashed) and letter, a cross
 * when crashed, bars when paused, a ring when a badge is on. Glyphs are grouped by colour, one path and
 * one fill per colour.
 */
export function drawGlyphs(ctx: CanvasRenderingContext2D, data: StageData, g: StageGeometry, frame: StageFrame, style: VizStyle, spec: GlyphSpec): void {
  const r = g.halfW;
  const colorOf = new Int32Array(g.nodeCount);
  const colors = new Map<string, number>();
  for (let i = 0; i < g.nodeCount; i++) {
    const color = glyphColor(data, frame, style, i, spec);
    if (!colors.has(color)) colors.set(color, colors.size);
    colorOf[i] = colors.get(color)!;
  }
  for (const [color, k] of colors) {
    ctx.fillStyle = color;
    ctx.beginPath();
    for (let i = 0; i < g.nodeCount; i++) {
      if (colorOf[i] !== k) continue;
      ctx.moveTo(g.x[i] + r, g.y[i]);
      ctx.arc(g.x[i], g.y[i], r, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  // Heat's coolest colour is near the background: an outline keeps every glyph visible.
  if (spec.heat >= 0) outlineGlyphs(ctx, g, style);
  if (spec.badges.length > 0) drawBadgeRings(ctx, data, g, frame, style, spec);
  if (spec.highlighted) drawHighlightRings(ctx, g, style, spec.highlighted);
  drawGlyphMarks(ctx, data, g, frame, style, spec.role);
}

function drawHighlightRings(ctx: CanvasRenderingContext2D, g: StageGeometry, style: VizStyle, highlighted: Uint8Array): void {
  const r = g.halfW + 6;
  ctx.strokeStyle = style.accent;
  ctx.lineWidth = 2;
  ctx.setLineDash([3, 2]);
  ctx.beginPath();
  for (let i = 0; i < g.nodeCount; i++) {
    if (!highlighted[i]) continue;
    ctx.moveTo(g.x[i] + r, g.y[i]);
    ctx.arc(g.x[i], g.y[i], r, 0, 2 * Math.PI);
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

function outlineGlyphs(ctx: CanvasRenderingContext2D, g: StageGeometry, style: VizStyle): void {
  const r = g.halfW;
  ctx.strokeStyle = style.muted;
  ctx.lineWidth = 0.75;
  ctx.beginPath();
  for (let i = 0; i < g.nodeCount; i++) {
    ctx.moveTo(g.x[i] + r, g.y[i]);
    ctx.arc(g.x[i], g.y[i], r, 0, 2 * Math.PI);
  }
  ctx.stroke();
}

function drawBadgeRings(ctx: CanvasRenderingContext2D, data: StageData, g: StageGeometry, frame: StageFrame, style: VizStyle, spec: GlyphSpec): void {
  const r = g.halfW + 2.5;
  ctx.strokeStyle = style.foreground;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let i = 0; i < g.nodeCount; i++) {
    if (!hasBadge(data, frame, i, spec)) continue;
    ctx.moveTo(g.x[i] + r, g.y[i]);
    ctx.arc(g.x[i], g.y[i], r, 0, 2 * Math.PI);
  }
  ctx.stroke();
}

function drawGlyphMarks(ctx: CanvasRenderingContext2D, data: StageData, g: StageGeometry, frame: StageFrame, style: VizStyle, roleField: number): void {
  const r = g.halfW;
  const fields = data.fields.names.length;
  ctx.font = `bold ${Math.max(8, Math.round(r * 1.2))}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = style.background;
  for (let i = 0; i < g.nodeCount; i++) {
    const status = frame.status[i];
    if (status === NodeState.crashed) cross(ctx, g.x[i], g.y[i], r, style.foreground);
    else if (status === NodeState.paused) bars(ctx, g.x[i], g.y[i], r, style.background);
    else if (roleField >= 0 && r >= 6) {
      const row = frame.fieldRow[i * fields + roleField];
      if (row < 0 || data.fields.text[row] < 0) continue;
      ctx.fillStyle = style.background;
      ctx.fillText(data.fields.texts[data.fields.text[row]].slice(0, 1).toUpperCase(), g.x[i], g.y[i] + 0.5);
    }
  }
  ctx.textAlign = 'start';
}

function cross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x - r * 0.7, y - r * 0.7);
  ctx.lineTo(x + r * 0.7, y + r * 0.7);
  ctx.moveTo(x + r * 0.7, y - r * 0.7);
  ctx.lineTo(x - r * 0.7, y + r * 0.7);
  ctx.stroke();
}

function bars(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string): void {
  ctx.fillStyle = color;
  ctx.fillRect(x - r * 0.5, y - r * 0.55, r * 0.3, r * 1.1);
  ctx.fillRect(x + r * 0.2, y - r * 0.55, r * 0.3, r * 1.1);
}
