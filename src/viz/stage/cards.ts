/**
 * Node cards in words and numbers: a field's display text at t, the role letter, the deadline fraction,
 * and a node's accessible name ("n3, leader, term 4, log 12, up"). Pure functions of (data, frame, spec).
 */
import { fieldText } from '../../core/stage/query';
import type { StageData } from '../../core/stage/types';
import { NodeState, type StageFrame } from './layoutAt';
import type { CardSpec } from './types';

export const STATUS_WORDS = ['up', 'crashed', 'paused'] as const;

/** Index of `field` among the data's card fields, or -1 when the run never recorded it. */
export function fieldIndex(data: StageData, field: string): number {
  return data.fields.names.indexOf(field);
}

/** Change row of field `f` (an index from fieldIndex) of `node` in the frame, or -1. */
export function rowOf(data: StageData, frame: StageFrame, node: number, f: number): number {
  return f < 0 ? -1 : frame.fieldRow[node * data.fields.names.length + f];
}

/** A card field's display text at the frame's t ('' before its first change). */
export function fieldDisplay(data: StageData, frame: StageFrame, node: number, spec: CardSpec['fields'][number], f: number): string {
  const row = rowOf(data, frame, node, f);
  if (row < 0) return '–';
  const text = fieldText(data.fields, row);
  return spec.format ? spec.format(text, data.fields.value[row]) : text;
}

/** The role's first letter in capitals ('leader' -> 'L'), '' when the lab has no role field or none yet. */
export function roleLetter(data: StageData, frame: StageFrame, node: number, roleField: number): string {
  const row = rowOf(data, frame, node, roleField);
  if (row < 0) return '';
  return fieldText(data.fields, row).slice(0, 1).toUpperCase();
}

/** Fraction of the deadline left at t, in [0, 1] (0 when no deadline is set). */
export function deadlineLeft(data: StageData, frame: StageFrame, node: number, f: number, span: number): number {
  const row = rowOf(data, frame, node, f);
  if (row < 0 || !(span > 0)) return 0;
  return Math.min(1, Math.max(0, (data.fields.value[row] - frame.t) / span));
}

/** A clock offset in words for the card ('' when the clock is true): "clock +5.0 ms". */
export function clockText(data: StageData, offset: number): string {
  if (Math.abs(offset) < 1e-9) return '';
  return `clock ${offset > 0 ? '+' : '−'}${Math.abs(offset).toFixed(1)} ${data.timeUnit}`;
}

/** The node's accessible name: name, role, each field ("term 4"), the words of badges on ("hot"), its clock when skewed, and its status. */
export function nodeLabel(data: StageData, frame: StageFrame, node: number, spec: CardSpec | undefined, indices: readonly number[]): string {
  const parts = [data.nodeNames[node]];
  const role = spec?.role ? rowOf(data, frame, node, fieldIndex(data, spec.role)) : -1;
  if (role >= 0) parts.push(fieldText(data.fields, role));
  spec?.fields.forEach((field, k) => {
    const display = fieldDisplay(data, frame, node, field, indices[k]);
    const value = field.cells ? cellsWords(display) : display;
    if (value !== '–' && value !== '') parts.push(field.label ? `${field.label} ${value}` : value);
  });
  spec?.badges?.forEach((badge) => {
    if (!badge.words) return;
    const row = rowOf(data, frame, node, fieldIndex(data, badge.field));
    if (row >= 0 && fieldText(data.fields, row) === badge.text) parts.push(badge.words);
  });
  const clock = clockText(data, frame.clockOffset[node]);
  if (clock) parts.push(clock);
  parts.push(STATUS_WORDS[frame.status[node]] ?? 'up');
  return parts.join(', ');
}

/** A cells field in words: "earlier entries, 3, 3, 4 tentative, 4 tentative marked" ('' when empty). */
export function cellsWords(text: string): string {
  if (text === '–' || text === '') return '';
  return text.split(' ').map((token) => {
    if (token === '…') return 'earlier entries';
    return `${token.replace(/[~!]/g, '')}${token.includes('~') ? ' tentative' : ''}${token.includes('!') ? ' marked' : ''}`;
  }).join(', ');
}

/** True when the node is drawn as down (greyed and crossed). */
export function isDown(frame: StageFrame, node: number): boolean {
  return frame.status[node] === NodeState.crashed;
}
