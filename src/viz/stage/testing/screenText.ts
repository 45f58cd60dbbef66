/**
 * Test support: what a student reads of a stage at t, as text, from the functions the page draws with: each
 * card's accessible name, and the narration rows in view around t. Lesson tests check every number a step
 * quotes against it.
 */
import { narratedAt } from '../../../core/stage/query';
import type { StageData } from '../../../core/stage/types';
import { sentence } from '../../narration/sentences';
import { nodeLabel } from '../cards';
import { stageGeometry } from '../geometry';
import { createFrame, layoutAt } from '../layoutAt';
import type { CardSpec } from '../types';

/** The first `nodes` cards at t in words ("r1, applied 4, to r0 4, k0 13, up"), laid out in a width x height stage. */
export function cardTexts(data: StageData, spec: CardSpec, t: number, nodes: number, size = { width: 900, height: 300 }): string[] {
  const geometry = stageGeometry({ ...size, nodeCount: nodes, tier: 'cards' });
  const frame = layoutAt(data, geometry, t, createFrame(data, geometry));
  const indices = spec.fields.map((f) => data.fields.names.indexOf(f.field));
  return Array.from({ length: nodes }, (_, node) => nodeLabel(data, frame, node, spec, indices));
}

/** The narration's rows in view at t: the current one and `around` either side (the list shows 7). */
export function narrationTexts(data: StageData, t: number, around = 3): string[] {
  const at = narratedAt(data, t);
  const rows: string[] = [];
  for (let i = Math.max(0, at - around); i <= Math.min(data.narrated.length - 1, at + around); i++) rows.push(sentence(data, data.narrated[i]));
  return rows;
}
