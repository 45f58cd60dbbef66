/**
 * Imperative per-frame updates of the DOM overlay: React renders the node elements once (per result, size
 * or focus change) and registers them here; each drawn frame rewrites only what changed since the last one
 * (a status, a field's change row, a clock offset), so playing costs no React render and no layout thrash.
 */
import type { StageData } from '../../core/stage/types';
import { ownerColor, type VizStyle } from '../shared/palette';
import { clockText, deadlineLeft, fieldDisplay, nodeLabel, STATUS_WORDS } from './cards';
import { heatPaint } from './heat';
import type { StageFrame } from './layoutAt';
import { barFraction, HEAT_LEVELS, heatLevel, type CardSpec } from './types';

/** Field indices of the card's extras in the data (-1 when the spec or the run has none). */
export interface CardExtras {
  role: number;
  deadline: number;
  heat: number;
}

export interface NodeElements {
  root: HTMLElement | null;
  values: (HTMLElement | null)[];
  /** The bar of field k, when its spec has one. */
  bars: (HTMLElement | null)[];
  role: HTMLElement | null;
  clock: HTMLElement | null;
  deadline: HTMLElement | null;
  badges: HTMLElement | null;
}

export class OverlayRefs {
  readonly nodes = new Map<number, NodeElements>();
  private lastStatus = new Int8Array(0);
  private lastRows = new Int32Array(0);
  private lastClock = new Float64Array(0);

  /** The element record of `node` (created on first use). */
  of(node: number): NodeElements {
    let e = this.nodes.get(node);
    if (!e) {
      e = { root: null, values: [], bars: [], role: null, clock: null, deadline: null, badges: null };
      this.nodes.set(node, e);
    }
    return e;
  }

  /** Forget what was written: the next update rewrites everything (after React re-rendered the overlay). */
  invalidate(nodeCount: number, fieldCount: number): void {
    this.lastStatus = new Int8Array(nodeCount).fill(-1);
    this.lastRows = new Int32Array(nodeCount * fieldCount).fill(-2);
    this.lastClock = new Float64Array(nodeCount).fill(NaN);
  }

  update(data: StageData, frame: StageFrame, spec: CardSpec | undefined, indices: readonly number[], extra: CardExtras, style: VizStyle): void {
    const fields = data.fields.names.length;
    if (this.lastStatus.length !== data.nodeNames.length) this.invalidate(data.nodeNames.length, fields);
    for (const [node, e] of this.nodes) {
      if (!e.root) continue;
      let changed = false;
      if (this.lastStatus[node] !== frame.status[node]) {
        this.lastStatus[node] = frame.status[node];
        e.root.dataset.status = STATUS_WORDS[frame.status[node]];
        changed = true;
      }
      for (let f = 0; f < fields; f++) {
        const k = node * fields + f;
        if (this.lastRows[k] === frame.fieldRow[k]) continue;
        this.lastRows[k] = frame.fieldRow[k];
        changed = true;
      }
      if (!Object.is(this.lastClock[node], frame.clockOffset[node])) {
        this.lastClock[node] = frame.clockOffset[node];
        changed = true;
      }
      if (changed) writeNode(e, data, frame, node, spec, indices, extra, style);
      if (e.deadline && spec?.deadline) e.deadline.style.transform = `scaleX(${deadlineLeft(data, frame, node, extra.deadline, spec.deadline.span)})`;
    }
  }
}

function writeNode(e: NodeElements, data: StageData, frame: StageFrame, node: number, spec: CardSpec | undefined, indices: readonly number[], extra: CardExtras, style: VizStyle): void {
  const fields = data.fields.names.length;
  const valueOf = (f: number) => (f >= 0 && frame.fieldRow[node * fields + f] >= 0 ? data.fields.value[frame.fieldRow[node * fields + f]] : Number.NaN);
  spec?.fields.forEach((field, k) => {
    const bar = e.bars[k];
    if (bar && field.bar) setTransform(bar, `scaleX(${barFraction(valueOf(indices[k]), field.bar)})`);
    const el = e.values[k];
    if (!el) return;
    const text = fieldDisplay(data, frame, node, field, indices[k]);
    if (field.cells) writeCells(el, text, style);
    else setText(el, text);
  });
  if (spec?.heat && e.root) writeHeat(e.root, heatLevel(valueOf(extra.heat), spec.heat.max), style);
  const role = extra.role;
  if (e.role) {
    const row = role >= 0 ? frame.fieldRow[node * fields + role] : -1;
    const text = row >= 0 ? (data.fields.texts[data.fields.text[row]] ?? '') : '';
    e.role.textContent = text.slice(0, 1).toUpperCase();
    e.role.title = text;
    e.role.dataset.role = text;
  }
  setText(e.clock, clockText(data, frame.clockOffset[node]));
  if (e.badges && spec?.badges) {
    const on = spec.badges.filter((b) => {
      const f = data.fields.names.indexOf(b.field);
      const row = f >= 0 ? frame.fieldRow[node * data.fields.names.length + f] : -1;
      return row >= 0 && data.fields.texts[data.fields.text[row]] === b.text;
    });
    setText(e.badges, on.map((b) => b.label).join(' '));
  }
  const label = nodeLabel(data, frame, node, spec, indices);
  if (e.root && e.root.getAttribute('aria-label') !== label) e.root.setAttribute('aria-label', label);
}

/**
 * Writes only what differs: a playing stage rewrites busy cards every frame, and an unchanged text, style
 * or name written again still costs the browser a style and accessibility update.
 */
function setText(el: HTMLElement | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

function setTransform(el: HTMLElement, transform: string): void {
  if (el.style.transform !== transform) el.style.transform = transform;
}

/**
 * A cells field (CardFieldSpec.cells): one box per token, coloured by its leading number; '~' dashed
 * (tentative), '!' ringed (marked). The boxes are aria-hidden; the card's accessible name says the text.
 */
function writeCells(el: HTMLElement, text: string, style: VizStyle): void {
  const doc = el.ownerDocument;
  const boxes: HTMLElement[] = [];
  for (const token of text === '–' ? [] : text.split(' ')) {
    const box = doc.createElement('span');
    const slot = Number.parseInt(token, 10);
    if (Number.isNaN(slot)) {
      box.className = 'stage-cell-text';
      box.textContent = token;
    } else {
      box.className = 'stage-cell';
      box.textContent = String(slot);
      box.style.borderColor = ownerColor(style, slot);
      if (token.includes('~')) box.dataset.tentative = '';
      else box.style.backgroundColor = tint(ownerColor(style, slot));
      if (token.includes('!')) box.dataset.marked = '';
    }
    boxes.push(box);
  }
  el.setAttribute('aria-hidden', 'true');
  el.replaceChildren(...boxes);
}

/** A #rrggbb colour at 22% opacity (a cell's fill behind text in the card's own colour). */
function tint(hex: string): string {
  const v = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255}, ${(v >> 8) & 255}, ${v & 255}, 0.22)`;
}

/**
 * A card's heat: `data-heat` (its level) and, above level 0, the level's border and tint; the top
 * level glows (a shadow in the heat colour around the card).
 */
function writeHeat(root: HTMLElement, level: number, style: VizStyle): void {
  if (root.dataset.heat === String(level) && root.dataset.heatTheme === style.theme) return;
  root.dataset.heat = String(level);
  root.dataset.heatTheme = style.theme;
  const paint = level > 0 ? heatPaint(style, level) : null;
  root.style.borderColor = paint ? paint.color : '';
  root.style.backgroundColor = paint ? paint.tint : '';
  // A custom property, not box-shadow itself: the stylesheet composes the glow with a highlight ring.
  root.style.setProperty('--stage-heat-glow', paint && level === HEAT_LEVELS - 1 ? `0 0 12px 2px ${paint.color}` : '');
}
