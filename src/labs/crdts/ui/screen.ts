/**
 * The page's text for a result at t, rebuilt from the functions the page draws with: the shown view's
 * cards in words (their accessible names), the narration rows in view around t, the agreement line, and
 * the measurements' sentences and tables. The lesson test checks every number a step quotes against it.
 */
import { narratedAt } from '../../../core/stage/query';
import type { StageData } from '../../../core/stage/types';
import { sentence } from '../../../viz/narration/sentences';
import { nodeLabel } from '../../../viz/stage/cards';
import { stageGeometry } from '../../../viz/stage/geometry';
import { createFrame, layoutAt } from '../../../viz/stage/layoutAt';
import type { CrdtsResult } from '../result';
import type { CrdtsEvent } from '../scenario';
import { cardSpec } from './cards';
import { stageOf } from './stageOf';
import {
  agreementText, anomalyRows, availabilityRows, availabilityText, convergenceRows, convergenceText, duplicateRows, duplicateText, gossipText, msText, scriptText,
} from './select';

/** Rows of the narration in view either side of the current one. */
const NARRATION_ROWS = 3;
const ANOMALY_ROWS = 12;

export function cardTexts(r: CrdtsResult, view: string, elements: number, t: number): string[] {
  const data = stageOf(r, view);
  const card = cardSpec(view, elements, r.replicas);
  const geometry = stageGeometry({ width: 900, height: 400, nodeCount: r.replicas, tier: 'cards' });
  const frame = layoutAt(data, geometry, t, createFrame(data, geometry));
  const indices = card.fields.map((f) => data.fields.names.indexOf(f.field));
  return Array.from({ length: r.replicas }, (_, node) => nodeLabel(data, frame, node, card, indices));
}

export function narrationTexts(data: StageData, t: number): string[] {
  const at = narratedAt(data, t);
  const rows: string[] = [];
  for (let i = Math.max(0, at - NARRATION_ROWS); i <= Math.min(data.narrated.length - 1, at + NARRATION_ROWS); i++) rows.push(sentence(data, data.narrated[i]));
  return rows;
}

export function screenText(r: CrdtsResult, script: readonly CrdtsEvent[], view: string, elements: number, t: number): string[] {
  const v = r.views.find((x) => x.key === view);
  return [
    msText(t),
    scriptText(script),
    ...cardTexts(r, view, elements, t),
    ...narrationTexts(stageOf(r, view), t),
    v ? agreementText(r, v, t) : '',
    ...r.views.map((x) => convergenceText(r, x)),
    gossipText(r),
    ...convergenceRows(r).map((row) => row.join(' ')),
    `Anomalies (${anomalyRows(r).length})`,
    ...anomalyRows(r).slice(0, ANOMALY_ROWS).map((a) => `${msText(a.tMs)} ${a.view} ${a.text}`),
    availabilityText(r),
    ...availabilityRows(r).map((row) => `${row.label} ${row.help ?? ''}: ${row.values.map((x) => (row.format ? row.format(x) : String(x))).join(' / ')}`),
    ...(duplicateRows(r) ? [duplicateText(r), ...duplicateRows(r)!.map((row) => row.join(' '))] : []),
  ];
}
