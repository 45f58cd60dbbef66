/**
 * What a replica's card shows for the view on the stage: the value a client reads and the state behind it
 * (per-replica counts, P and N, tags and tombstones with the causal context, added and removed, the
 * stamp), with a badge while an anomaly is fresh; for the consensus log, its length and commit index. The
 * field names are those program/stage.ts and program/logCounter.ts record.
 */
import type { CardSpec } from '../../../viz/stage';
import { viewFields } from '../result';

export function cardSpec(view: string, elements: number, replicas: number): CardSpec {
  if (view === 'log') return { fields: [{ field: 'log', label: 'log' }, { field: 'commit', label: 'committed' }] };
  // An OR-Set line lists tags and tombstones; counts list one entry per replica.
  const width = view === 'or' ? (replicas <= 5 ? 210 : 170) : view === 'naive' || view === 'lww' || view === 'wall' || view === 'delta' ? 132 : replicas <= 5 ? 160 : 150;
  return {
    width,
    fields: viewFields(view, elements).map((f) => ({ ...f, format: (text: string) => (text === '' ? '–' : text) })),
    badges: [{ field: `${view}.anomaly`, text: 'yes', label: '!', words: 'anomaly' }],
  };
}
