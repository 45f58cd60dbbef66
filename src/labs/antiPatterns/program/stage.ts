/**
 * What the stage shows: a card per node, read by the engine's card probe after every event (outside the
 * trace: a run's hash is the same with or without it) through each actor's `card(field)`, messages named by
 * ./messages.ts, and the observer's remarks in the narration.
 */
import type { StageData } from '../../../core/stage/types';
import { buildStage, type StageOptions } from '../../../sim/index';
import { TICKS_PER_MS } from '../../../sim/kit/time';
import type { Mode } from '../result';
import { messageDescriber, type Msg } from './messages';
import type { Observer } from './observer';
import type { Scene } from './scene';
import type { Carded } from './world';

export const CARD_FIELDS: Readonly<Record<Mode, readonly string[]>> = {
  'shared-db': ['role', 'busy', 'queue', 'data'],
  '2pc': ['role', 'state', 'lock', 'waiting', 'locked'],
  clocks: ['role', 'a', 'b'],
  partition: ['role', 'threads', 'queue', 'breaker'],
  locality: ['role', 'region', 'last'],
};

export function stageOptions(mode: Mode): StageOptions<Msg> {
  const fields = CARD_FIELDS[mode];
  return {
    describe: messageDescriber(mode),
    probe: {
      fields,
      read(node, f) {
        const a = node.actor as Partial<Carded> | undefined;
        return a?.card ? a.card(fields[f]) : '';
      },
    },
  };
}

export function stageOf(scene: Scene, obs: Observer, horizonMs: number): StageData {
  return buildStage({
    trace: scene.sim.trace.columns(),
    log: scene.sim.stageLog?.columns(),
    ticksPerUnit: TICKS_PER_MS,
    timeUnit: 'ms',
    horizon: horizonMs,
    nodeNames: scene.names,
    remarks: obs.remarkColumns(),
  });
}
