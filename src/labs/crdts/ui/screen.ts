/**
 * The page's text for a result at t, rebuilt from the functions the page draws with: the shown view's
 * cards in words (their accessible names), the narration rows in view around t, the agreement line, and
 * the measurements' sentences and tables. The lesson test checks every number a step quotes against it.
 */
import { cardTexts as stageCards, narrationTexts } from '../../../viz/stage/testing/screenText';
import type { CrdtsResult } from '../result';
import type { CrdtsEvent } from '../scenario';
import { cardSpec } from './cards';
import { stageOf } from './stageOf';
import {
  agreementText, anomalyRows, availabilityRows, availabilityText, convergenceRows, convergenceText, duplicateRows, duplicateText, gossipText, msText, scriptText,
} from './select';

const ANOMALY_ROWS = 12;

export function cardTexts(r: CrdtsResult, view: string, elements: number, t: number): string[] {
  return stageCards(stageOf(r, view), cardSpec(view, elements, r.replicas), t, r.replicas, { width: 900, height: 400 });
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
