/**
 * What the multi-leader stage shows (src/viz/stage), recorded outside the trace (the run's hash is the
 * same with or without it): each message's kind and label, and each leader's card, read by the engine's
 * probe after every event, plus the conflicts each leader met, as a flag on its card and a sentence in
 * the narration.
 *
 *   rep r0#4..6   r0 sends the writes 4 to 6 of its log     ack #6   the receiver has applied the sender's log up to 6
 *
 *   card r1:  applied 23          writes it has applied, its own and the other regions'
 *             to r0 2 · r2 0      writes of its log each other region has not acknowledged yet
 *             k0 57|61            what it holds for the hot key (siblings: several values)
 *             conflicts 4         concurrent pairs it has met; the badge shows for a while after each
 */
import type { StageData } from '../../../core/stage/types';
import type { Simulation, StageOptions } from '../../../sim/index';
import { buildStage } from '../../../sim/stage/buildStage';
import { mergeRemarks, requestRemarks, withoutScriptRows } from '../../../sim/kit/clientRequest';
import type { RequestRow } from '../../../sim/kit/closedLoop';
import { readOutput } from './clients';
import type { Leader, Msg } from './node';
import type { ConflictRecord, Recorder } from './record';
import type { Resolution } from '../result';

/** Kinds in a fixed order, so each keeps its colour in every run. */
export const MESSAGE_KINDS = ['rep', 'ack'] as const;
/** Card fields the probe reads, and the two written from the recorder after the run. */
export const CARD_FIELDS = ['applied', 'pending', 'k0'] as const;
export const CONFLICTS_FIELD = 'conflicts';
/** 'yes' while the badge shows, '' otherwise. */
export const CONFLICT_FLAG_FIELD = 'conflict';

/** A batch names its writes by dot (a leader sends only its own log, so every write's dot is its sender's). */
function labelOf(m: Msg): string {
  if (m.k === 'ack') return `ack #${m.next}`;
  const first = m.writes[0].dot;
  const n = m.writes.length;
  return n === 1 ? `rep r${first.node}#${first.counter}` : `rep r${first.node}#${first.counter}..${first.counter + n - 1}`;
}

/** The pending field's text: "r1 3 · r2 0", one entry per other region. */
export function pendingText(leader: Leader, self: number, regions: number): string {
  const parts: string[] = [];
  for (let peer = 0; peer < regions; peer++) if (peer !== self) parts.push(`r${peer} ${leader.pendingTo(peer)}`);
  return parts.join(' · ');
}

export function stageOptions(regions: number): StageOptions<Msg> {
  return {
    describe: {
      kind: (m) => m.k,
      label: labelOf,
      kinds: MESSAGE_KINDS,
    },
    probe: {
      fields: CARD_FIELDS,
      read(node, field) {
        const leader = node.actor as unknown as Leader;
        if (field === 0) return leader.appliedCount;
        if (field === 1) return pendingText(leader, node.id, regions);
        return readOutput(leader.values(0));
      },
    },
  };
}

export interface StageInputs {
  sim: Simulation<Msg>;
  rec: Recorder;
  resolution: Resolution;
  regions: number;
  clientsPerRegion: number;
  ticksPerMs: number;
  /** How long a leader's conflict badge shows after a conflict, ms. */
  flagMs: number;
  /** The script's one-off client requests that started (narrated). */
  requests?: readonly RequestRow[];
}

/** The run's stage: leaders r0.. (one per region), clients c0.. beside their region's leader, times in ms. */
export function stageOf(input: StageInputs): StageData {
  const { sim, rec, regions, ticksPerMs } = input;
  const log = sim.stageLog!;
  recordConflicts(input);
  const clients = regions * input.clientsPerRegion;
  return withoutScriptRows(buildStage({
    trace: sim.trace.columns(),
    log: log.columns(),
    ticksPerUnit: ticksPerMs,
    timeUnit: 'ms',
    horizon: sim.now / ticksPerMs,
    nodeNames: Array.from({ length: regions }, (_, i) => `r${i}`),
    clients: { names: Array.from({ length: clients }, (_, c) => `c${c}`), home: Array.from({ length: clients }, (_, c) => Math.floor(c / input.clientsPerRegion)) },
    remarks: mergeRemarks({
      tick: rec.meetings.map((m) => m.tick),
      node: rec.meetings.map((m) => m.region),
      text: rec.meetings.map((m) => conflictSentence(m, rec, input.resolution)),
    }, requestRemarks(input.requests ?? [], (op) => sim.history.operations[op].input, (c) => Math.floor(c / input.clientsPerRegion))),
  }));
}

/**
 * Each leader's conflict count and badge, from the recorder's meetings (in time order): the count steps
 * up at each meeting; the badge shows from a meeting until `flagMs` after the last one of a burst.
 */
function recordConflicts(input: StageInputs): void {
  const { sim, rec, regions, ticksPerMs } = input;
  const log = sim.stageLog!;
  const flagTicks = input.flagMs * ticksPerMs;
  for (let region = 0; region < regions; region++) {
    log.field(0, region, CONFLICTS_FIELD, 0);
    log.field(0, region, CONFLICT_FLAG_FIELD, '');
    const ticks = rec.meetings.filter((m) => m.region === region).map((m) => m.tick);
    ticks.forEach((tick, k) => {
      log.field(tick, region, CONFLICTS_FIELD, k + 1);
      if (k === 0 || tick > ticks[k - 1] + flagTicks) log.field(tick, region, CONFLICT_FLAG_FIELD, 'yes');
      if (k === ticks.length - 1 || ticks[k + 1] > tick + flagTicks) log.field(tick + flagTicks, region, CONFLICT_FLAG_FIELD, '');
    });
  }
}

/**
 * The narration's sentence, short enough for its row (the conflicts table below has the dots and
 * contexts): "r1: conflict on k0, writes 23 vs 25; LWW keeps 25" or "...; both kept".
 */
function conflictSentence(m: ConflictRecord, rec: Recorder, resolution: Resolution): string {
  const head = `r${m.region}: conflict on k${m.key}, writes ${m.a + 1} vs ${m.b + 1}`;
  if (resolution === 'siblings') return `${head}; both kept`;
  const [a, b] = [rec.writes[m.a]!, rec.writes[m.b]!];
  const keeps = a.ts > b.ts || (a.ts === b.ts && a.dot.node > b.dot.node) ? m.a : m.b;
  return `${head}; LWW keeps ${keeps + 1}`;
}
