/**
 * The CRDTs lab's scenario: replicas n0..n(replicas-1) that take client updates locally and gossip their
 * whole state (anti-entropy) every `gossipMs` to `fanout` random peers, over a network that the script
 * partitions, heals, cuts, slows, makes lossy, or whose nodes it crashes and pauses. `type` picks the CRDT
 * the stage shows first; the program runs its foils on the same updates and the same gossip:
 *
 *   g-counter      G-Counter, beside a counter that adds the increments each message carries (not idempotent)
 *   pn-counter     PN-Counter, beside one signed count per replica merged by max
 *   or-set         OR-Set, beside a set merged by union and a two-phase set
 *   lww-register   LWW-Register with Lamport stamps, beside one stamped by the replicas' wall clocks
 *
 * The same updates (treated as increments) also go through a counter kept by a consensus log (a fixed
 * leader n0 commits each on a majority), so the page compares availability and latency under the cut.
 * Time is in milliseconds.
 */
import type { BaseScenario, EventSpec, ParamSpec, Preset, ValidationIssue } from '../contract';
import { checkFaultEvents, faultEventSpecs, type FaultEventOf } from '../faultEvents';
import { fmt, scenarioSchema } from '../scenarioSchema';

/** The faults a script may hold (the engine's fault table). */
export const FAULTS = ['crash', 'recover', 'pause', 'resume', 'isolate', 'partition', 'heal', 'cut', 'healLink', 'slow', 'lossy', 'duplicating', 'skew', 'clockJump'] as const;
export type CrdtsEvent = FaultEventOf<(typeof FAULTS)[number]>;

export const CRDT_TYPES = ['g-counter', 'pn-counter', 'or-set', 'lww-register'] as const;
export type CrdtTypeParam = (typeof CRDT_TYPES)[number];

export interface CrdtsScenario extends BaseScenario {
  /** Which CRDT (and its foils) the replicas hold. Default 'g-counter' (the lesson starts there). */
  type: CrdtTypeParam;
  /** Replicas n0..n(replicas-1). 3..8. Default 5. */
  replicas: number;
  /** Client updates over all replicas, each at a random replica at a random time in [0, updatesMs]. 0..400. Default 30. */
  updates: number;
  /** Updates happen within [0, updatesMs], ms. 0..60,000. Default 3000. */
  updatesMs: number;
  /** Sets: elements a, b, c...; updates pick one uniformly. 1..6. Default 3. */
  elements: number;
  /** Sets: percent of updates that remove (the rest add); PN-Counter: that decrement. 0..100. Default 40. */
  removePct: number;
  /** Each replica gossips its state this often (jittered 0.5x..1.5x), ms. 10..10,000. Default 250. */
  gossipMs: number;
  /** Peers each gossip round sends to, chosen at random. 1..7 (at most replicas - 1). Default 1. */
  fanout: number;
  /** Mean one-way latency (uniform in 0.5x..1.5x), ms. 1..1000. Default 20. */
  latencyMs: number;
  /** Percent of messages the network delivers twice (at-least-once delivery). 0..50. Default 0. */
  duplicatePct: number;
  /** Gossip goes on this long after the last update and the last scripted event, ms. 0..60,000. Default 2000. */
  settleMs: number;
  /** The consensus counter: a request not committed within this long fails, ms. 1..10,000. Default 300. */
  timeoutMs: number;
  seed: number;
  /** Faults by time (ms), at most 100. Default: partition "3,4" at 800 ms, heal at 2200 ms. */
  events: CrdtsEvent[];
}

export const LIMITS = {
  replicasMin: 3,
  replicasMax: 8,
  updatesMax: 400,
  updatesMsMax: 60_000,
  elementsMax: 6,
  gossipMsMin: 10,
  gossipMsMax: 10_000,
  latencyMsMax: 1000,
  duplicatePctMax: 50,
  settleMsMax: 60_000,
  timeoutMsMax: 10_000,
  eventsMax: 100,
  tMax: 120_000,
} as const;

const ms = (key: string, label: string, min: number, max: number, help: string): ParamSpec => ({ key, label, kind: 'number', min, max, unit: 'ms', help });

export const params: readonly ParamSpec[] = [
  { key: 'type', label: 'CRDT', kind: 'enum', options: CRDT_TYPES, help: 'The data type the replicas hold; its foils run on the same updates and gossip.' },
  { key: 'replicas', label: 'Replicas', kind: 'int', min: LIMITS.replicasMin, max: LIMITS.replicasMax, help: 'Replicas n0, n1, ...; each takes its clients\' updates locally.' },
  { key: 'updates', label: 'Updates', kind: 'int', min: 0, max: LIMITS.updatesMax, help: 'Client updates over all replicas, each at a random replica.' },
  ms('updatesMs', 'Updates until', 0, LIMITS.updatesMsMax, 'Updates happen at random times from 0 to this.'),
  { key: 'elements', label: 'Elements', kind: 'int', min: 1, max: LIMITS.elementsMax, help: 'Sets: elements a, b, c, ... that updates add and remove.' },
  { key: 'removePct', label: 'Removes', kind: 'int', min: 0, max: 100, unit: '%', help: 'Sets: percent of updates that remove an element; PN-Counter: that decrement.' },
  ms('gossipMs', 'Gossip interval', LIMITS.gossipMsMin, LIMITS.gossipMsMax, 'Each replica sends its whole state this often (jittered 0.5x..1.5x).'),
  { key: 'fanout', label: 'Fan-out', kind: 'int', min: 1, max: LIMITS.replicasMax - 1, help: 'Random peers each gossip round sends to (at most replicas - 1).' },
  ms('latencyMs', 'Latency', 1, LIMITS.latencyMsMax, 'Mean one-way delay of a message (uniform in 0.5x..1.5x).'),
  { key: 'duplicatePct', label: 'Duplicates', kind: 'int', min: 0, max: LIMITS.duplicatePctMax, unit: '%', help: 'Percent of messages the network delivers twice (at-least-once delivery).' },
  ms('settleMs', 'Settle time', 0, LIMITS.settleMsMax, 'Gossip goes on this long after the last update and the last scripted fault.'),
  ms('timeoutMs', 'Consensus timeout', 1, LIMITS.timeoutMsMax, 'The consensus counter: a request not committed within this long fails.'),
  { key: 'seed', label: 'Seed', kind: 'int', min: 0, max: 0xffffffff, help: 'Seed of every random stream: another seed gives another run.' },
];

export const events: readonly EventSpec[] = faultEventSpecs(FAULTS, {
  nodeMax: LIMITS.replicasMax - 1,
  help: {
    crash: 'The replica stops; its state survives on its disk; updates sent to it are refused until it recovers.',
    recover: 'The replica restarts with the state on its disk and gossips again.',
    pause: 'The replica freezes: arriving gossip waits; its clients\' updates are refused until it resumes.',
    partition: 'Cut every link between groups of replicas (replaces earlier cuts); every side keeps taking updates.',
    heal: 'Restore every link: gossip carries each side\'s updates to the other.',
    lossy: 'Every later message of the link is also lost with this probability.',
    skew: 'Set a replica\'s clock offset: the wall-clock LWW-Register stamps its writes with it.',
  },
});

export function checkScenario(s: CrdtsScenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (s.fanout > s.replicas - 1) issues.push({ path: 'fanout', message: `fanout must be at most replicas - 1 = ${s.replicas - 1}, got ${fmt(s.fanout)}` });
  issues.push(...checkFaultEvents(s.events, s.replicas, `a replica n0..n${s.replicas - 1}`));
  s.events.forEach((e, i) => {
    if ((e.type === 'cut' || e.type === 'healLink' || e.type === 'slow' || e.type === 'lossy' || e.type === 'duplicating') && e.from === e.to) {
      issues.push({ path: `events[${i}].to`, message: `events[${i}] (${e.type}) must join two different replicas, got ${e.from} -> ${e.to}` });
    }
  });
  return issues;
}

export const validate = scenarioSchema<CrdtsScenario>({ params, events, eventsMax: LIMITS.eventsMax, tMax: LIMITS.tMax, check: checkScenario });

/** The last moment of the script or the updates: gossip goes on `settleMs` after it. */
export function activeUntil(s: CrdtsScenario): number {
  const lastEvent = s.events.length > 0 ? s.events[s.events.length - 1].t : 0;
  return Math.max(lastEvent, s.updatesMs);
}

/** Simulated time the run covers (ms): updates and script, then the settle time. */
export function horizon(s: CrdtsScenario): number {
  return activeUntil(s) + s.settleMs;
}

/**
 * Work units: messages x the work each costs (a merge of states that grow with the updates for sets, with
 * the replicas for counters; the stage's reading of every card field; the anomaly replay), plus the
 * updates through the consensus log. Calibrated so the worker's budget (2 x 10^8) is about 10 s of a
 * 2-core machine: 8 replicas, 400 set updates, 50 ms gossip to 3 peers over 15 s cost ~1 x 10^8 and ran
 * in about 5 s.
 */
export function cost(s: CrdtsScenario): number {
  const rounds = (horizon(s) / s.gossipMs) * 1.5 * s.replicas;
  const messages = rounds * s.fanout * (s.type === 'g-counter' ? 3 : 1);
  const perMessage = s.type === 'or-set' ? 30 + 3 * s.updates : 30 + s.replicas;
  return Math.ceil(8 * messages * perMessage + s.updates * s.replicas * 10 + s.events.length);
}

/** The cut every preset starts from: `groups` apart from the rest from `fromMs` to `toMs`. */
export function cutScript(groups: string, fromMs = 800, toMs = 2200): CrdtsEvent[] {
  return [
    { t: fromMs, type: 'partition', groups },
    { t: toMs, type: 'heal' },
  ];
}

export const defaults: CrdtsScenario = {
  type: 'g-counter',
  replicas: 5,
  updates: 30,
  updatesMs: 3000,
  elements: 3,
  removePct: 40,
  gossipMs: 250,
  fanout: 1,
  latencyMs: 20,
  duplicatePct: 0,
  settleMs: 2000,
  timeoutMs: 300,
  seed: 1,
  events: cutScript('3,4'),
};

const d = defaults;

export const presets: readonly Preset<CrdtsScenario>[] = [
  {
    id: 'g-counter',
    title: 'G-Counter under a partition',
    description: 'Every replica keeps counting through the cut; gossip sums them up after the heal. Beside it, a counter kept by a consensus log refuses the cut-off side.',
    scenario: d,
  },
  {
    id: 'or-set',
    title: 'OR-Set beside a naive set and a 2P-Set',
    description: 'Five replicas add and remove a, b, c while n3 and n4 are cut off from 800 to 2200 ms. All three converge after the heal; only the OR-Set converges to what the updates meant.',
    scenario: { ...d, type: 'or-set' },
  },
  {
    id: 'duplicates',
    title: 'Duplicates: idempotent against not',
    description: 'The network delivers 20 % of messages twice. Merging states (a per-replica maximum) shrugs the copies off; adding the increments a message carries counts them twice.',
    scenario: { ...d, type: 'g-counter', duplicatePct: 20, events: [] },
  },
  {
    id: 'pn-counter',
    title: 'PN-Counter: decrements that stick',
    description: 'Increments and decrements (40 %) through a cut. One signed count per replica merged by max loses decrements against older, larger copies; the PN-Counter keeps them apart.',
    scenario: { ...d, type: 'pn-counter' },
  },
  {
    id: 'lww-skew',
    title: 'LWW-Register and a slow clock',
    description: 'n1\'s clock runs 1 s behind. Lamport stamps order writes by what each replica had seen; wall-clock stamps let n1\'s later writes lose.',
    scenario: { ...d, type: 'lww-register', seed: 4, events: [{ t: 0, type: 'skew', node: 1, ms: -1000 }, ...cutScript('3,4')] },
  },
];
