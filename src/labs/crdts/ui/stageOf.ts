import type { StageData } from '../../../core/stage/types';
import type { CrdtsResult } from '../result';

/** The stage data of a view: a gossip view's, or the consensus log's ('log'). */
export function stageOf(result: CrdtsResult, view: string): StageData {
  return view === 'log' ? result.logStage : (result.views.find((v) => v.key === view) ?? result.views[0]).stage;
}
