/**
 * The Kafka scene: a producer appends keyed records to N partitions (murmur2(key) mod N); one consumer
 * group polls them. Rules (apache/kafka ConsumerConfig, ConsumerPartitionAssignor; ../../shared notes):
 *
 * - A partition is an append-only log with dense offsets; order exists only inside it. Reading deletes nothing.
 * - A member polls one owned partition at a time (round robin), at most max.poll.records from its position;
 *   with nothing to fetch it waits fetch.max.wait.ms = 500 ms. It processes the records one by one.
 * - commit 'after': once the batch is done it commits last processed + 1 (at-least-once); 'before': it
 *   commits the batch's end on fetch (at-most-once). A commit from a member no longer in the generation
 *   that owns the partition fails (CommitFailedException).
 * - Heartbeats every 3 s; a crashed member is declared dead at its last heartbeat + session.timeout.ms.
 *   A member whose batch runs past max.poll.interval.ms leaves the group at that moment; when its batch
 *   ends its commit fails and it joins again.
 * - A rebalance waits until every member the coordinator knows has rejoined (a member rejoins at its next
 *   poll, after its current batch; a dead member only leaves at its session timeout), then a sync (two hops).
 *   eager (Range): every member revokes all it owns first, so every partition stops. cooperative
 *   (CooperativeSticky): members keep what stays theirs; what must move is revoked in round one and
 *   assigned in a second round; orphans of departed members are assigned in round one.
 *
 * One queue of events (./events.ts), state in typed arrays per partition and per consumer, records in
 * struct-of-arrays (./workload.ts): 10^6 records cost no object each.
 */
import { TraceHasher } from '../../../core/hash/traceHasher';
import type { RunContext } from '../../contract';
import { nodeNamesOf, type Check, type KafkaOutcome, type Rebalance } from '../result';
import { consumerSlots, type QueuesScenario } from '../scenario';
import { rangeAssign, stickyAssign } from './assignors';
import { Loop } from './events';
import { OutputPair } from './outputs';
import { KafkaChecks } from './kafkaChecks';
import { producerLog, type ProducerLog } from './producerLog';
import { StageRecorder } from './recorder';
import { SecondGroup } from './secondGroup';
import { makeWorkload, type Workload } from './workload';

export const HEARTBEAT_MS = 3000;
export const FETCH_WAIT_MS = 500;
/** Lag samples per run. */
export const SAMPLES = 400;

const E = { produce: 0, poll: 1, batchDone: 2, sessionExpire: 3, pollTimeout: 4, script: 5, sync: 6, sample: 7, joinArrive: 8, tryComplete: 9, g2Poll: 10, g2Done: 11 } as const;
/** group.initial.rebalance.delay.ms: the first rebalance of an empty group waits this long for more members. */
export const INITIAL_DELAY_MS = 3000;
/**
 * Card fields, shared by every node so one card spec fits all: role; l1 and l2, two lines of words
 * (a partition: its owner, its end and committed offsets; a consumer: what it owns, its batch; the producer:
 * what it sent); n, the number drawn as a bar (a partition's lag; a consumer: the lag of what it owns).
 */
export const CARD_FIELDS = ['role', 'l1', 'l2', 'n'] as const;
const F = { role: 0, l1: 1, l2: 2, n: 3 } as const;
/** Dot kinds: batches of records, commits, and partitions changing hands in a rebalance (revoked, assigned). */
export const KAFKA_KINDS = ['produce', 'fetch', 'commit', 'commit failed', 'revoke', 'assign'] as const;

export interface KafkaRun {
  outcome: KafkaOutcome;
  checks: Check[];
  hash: string;
  stage: StageRecorder;
  names: string[];
  marksMs: number[];
  events: number;
}

export function runKafka(s: QueuesScenario, context: RunContext): KafkaRun {
  return new KafkaWorld(s, context).run();
}

class KafkaWorld {
  private readonly w: Workload;
  private readonly loop = new Loop();
  private readonly n: number;
  private readonly slots: number;
  private readonly names: string[];
  private readonly rec: StageRecorder;
  private readonly out: OutputPair;
  // Records.
  private readonly log: ProducerLog;
  /** Records of partition p by offset: logMsg[logStart[p] + offset]. */
  private readonly logStart: Int32Array;
  private readonly logMsg: Int32Array;
  // Partitions.
  private readonly leo: Int32Array;
  private readonly committed: Int32Array;
  private readonly pos: Int32Array;
  private readonly owner: Int32Array;
  private readonly revoking: Uint8Array;
  private readonly pausedSince: Float64Array;
  private readonly maxProcessed: Int32Array;
  private readonly perPartition: Int32Array;
  // Consumers.
  private readonly alive: Uint8Array;
  private readonly member: Uint8Array;
  private readonly joined: Uint8Array;
  private readonly joinedAtMs: Float64Array;
  private readonly epoch: Int32Array;
  private readonly memberEpoch: Int32Array;
  private readonly slow: Float64Array;
  private readonly busy: Uint8Array;
  private readonly batchP: Int32Array;
  private readonly batchFirst: Int32Array;
  private readonly batchCount: Int32Array;
  private readonly batchStartMs: Float64Array;
  private readonly batchPerMs: Float64Array;
  private readonly batchGen: Int32Array;
  private readonly batchDrawn: Uint8Array;
  private readonly rr: Int32Array;
  private readonly pollArmed: Uint8Array;
  private readonly zombie: Uint8Array;
  private readonly done: Int32Array;
  /** A fetch after an assignment: the first batch tells the narration if it replays records. */
  private readonly fresh: Uint8Array;
  /** Whether the group ever committed p (without, auto.offset.reset = latest applies). */
  private readonly hasCommit: Uint8Array;
  /** Cooperative: revoked in the current round (assigned only in the next one). */
  private readonly revokedNow: Uint8Array;
  /** Where auto.offset.reset started each partition (records before it were never the group's to read). */
  private readonly resetTo: Int32Array;
  private holdUntilMs = 0;
  // Group.
  private generation = 0;
  private phase: 'stable' | 'joining' | 'syncing' = 'stable';
  private round = 0;
  private again = '';
  private current: Rebalance | undefined;
  private readonly rebalances: Rebalance[] = [];
  private pausedMs = 0;
  // Measures.
  private commits = 0;
  private commitsFailed = 0;
  private keyOutOfOrder = 0;
  private globalOutOfOrder = 0;
  private maxFirst = -1;
  private readonly maxKeySeq: Int32Array;
  private readonly lag: Float32Array;
  private readonly sampleMs: number;
  private produced = 0;
  private produceDots = 0;
  private fetchDots = 0;
  private readonly marks: number[] = [];
  // Checks.
  private readonly check: KafkaChecks;
  private readonly hasher = new TraceHasher();
  /** The second group's member a0, when the scenario asks for one. */
  private readonly g2: SecondGroup | undefined;

  constructor(private readonly s: QueuesScenario, private readonly context: RunContext) {
    this.w = makeWorkload(s);
    const n = (this.n = s.partitions);
    const slots = (this.slots = consumerSlots(s));
    this.names = nodeNamesOf('kafka', n, slots, s.secondGroup);
    const count = this.w.count;
    const log = (this.log = producerLog(s, this.w));
    this.perPartition = log.perPartition;
    this.logStart = log.logStart;
    this.logMsg = log.logMsg;
    this.leo = new Int32Array(n);
    this.committed = new Int32Array(n);
    this.pos = new Int32Array(n);
    this.owner = new Int32Array(n).fill(-1);
    this.revoking = new Uint8Array(n);
    this.pausedSince = new Float64Array(n).fill(Number.NaN);
    this.maxProcessed = new Int32Array(n).fill(-1);
    this.alive = new Uint8Array(slots);
    this.member = new Uint8Array(slots);
    this.joined = new Uint8Array(slots);
    this.joinedAtMs = new Float64Array(slots);
    this.epoch = new Int32Array(slots);
    this.memberEpoch = new Int32Array(slots);
    this.slow = new Float64Array(slots).fill(1);
    this.busy = new Uint8Array(slots);
    this.batchP = new Int32Array(slots);
    this.batchFirst = new Int32Array(slots);
    this.batchCount = new Int32Array(slots);
    this.batchStartMs = new Float64Array(slots);
    this.batchPerMs = new Float64Array(slots);
    this.batchGen = new Int32Array(slots);
    this.batchDrawn = new Uint8Array(slots);
    this.rr = new Int32Array(slots);
    this.pollArmed = new Uint8Array(slots);
    this.zombie = new Uint8Array(slots);
    this.done = new Int32Array(slots);
    this.fresh = new Uint8Array(n);
    this.hasCommit = new Uint8Array(n);
    this.resetTo = new Int32Array(n);
    this.revokedNow = new Uint8Array(n);
    this.check = new KafkaChecks(n);
    this.maxKeySeq = new Int32Array(s.keys).fill(-1);
    this.sampleMs = s.durationMs / SAMPLES;
    this.lag = new Float32Array(SAMPLES * n);
    this.out = new OutputPair(count);
    const produceDots = this.w.ticks * Math.min(n, Math.ceil(count / this.w.ticks));
    const fetches = Math.min(count, Math.ceil(s.durationMs / Math.max(s.processMs, 1)) * s.consumers);
    this.rec = new StageRecorder(KAFKA_KINDS, CARD_FIELDS, produceDots + 2 * fetches * (s.secondGroup ? 2 : 1));
    this.g2 = s.secondGroup
      ? new SecondGroup({ leo: this.leo, logStart: this.logStart, logMsg: this.logMsg }, this.loop, this.rec, slots + 1 + n, (p) => this.pNode(p),
        { batchMax: s.batchMax, processMs: s.processMs, hopMs: s.hopMs, eventPoll: E.g2Poll, eventDone: E.g2Done, waitMs: FETCH_WAIT_MS }, count)
      : undefined;
  }

  /** Node ids: consumers c0.. first (so an event's node is its consumer's number), then w0, then p0... */
  private get w0(): number {
    return this.slots;
  }

  private pNode(p: number): number {
    return this.slots + 1 + p;
  }

  private c2node(c: number): number {
    return c;
  }

  run(): KafkaRun {
    const { s, loop } = this;
    this.initialCards();
    for (let c = 0; c < s.consumers; c++) this.startConsumer(c, 0, 'starts');
    for (let k = 0; k < this.w.ticks; k++) loop.at((k + 1) * this.w.tickMs, E.produce, k);
    s.events.forEach((e, i) => loop.at(e.t, E.script, i));
    for (let i = 0; i < SAMPLES; i++) loop.at((i + 1) * this.sampleMs, E.sample, i);
    let work = 0;
    loop.run(s.durationMs, (type, a, b) => {
      if (++work === 4096) {
        this.context.work(work);
        work = 0;
      }
      this.handle(type, a, b);
    });
    this.context.work(work);
    return this.finish();
  }

  private handle(type: number, a: number, b: number): void {
    switch (type) {
      case E.produce: return this.produce(a);
      case E.poll: return this.poll(a, b);
      case E.batchDone: return this.batchDone(a, b);
      case E.sessionExpire: return this.sessionExpire(a, b);
      case E.pollTimeout: return this.pollTimeout(a, b);
      case E.script: return this.script(a);
      case E.sync: return this.sync(a);
      case E.sample: return this.sample(a);
      case E.joinArrive: return this.joinArrive(a, b);
      case E.tryComplete: return this.tryComplete(this.loop.ms);
      case E.g2Poll: return this.g2?.poll();
      case E.g2Done: return this.g2?.done();
    }
  }

  // --- producer -----------------------------------------------------------------------------------

  private produce(k: number): void {
    const now = this.loop.ms;
    const { entryFirst, entryPart, entryOffset } = this.log;
    const from = entryFirst[k], to = entryFirst[k + 1];
    const first = this.produceDots;
    let touched = 0;
    for (let i = from; i < to; i++) {
      const p = entryPart[i];
      if (this.leo[p] === entryOffset[i]) {
        // The first record of this tick for p: one dot carries the tick's records for p.
        if (this.rec.isDrawn(this.produceDots++)) this.rec.message('produce', 'produce', this.w0, this.pNode(p), now - this.s.hopMs, now);
        touched++;
      }
      this.leo[p] = entryOffset[i] + 1;
    }
    this.produced = this.w.tickFirst[k + 1];
    if (touched > 0 || first !== this.produceDots) this.rec.field(now, this.w0, F.l1, `sent ${this.produced}`);
    if (this.s.partitions <= 24 && !this.rec.isFieldsFull) for (let i = from; i < to; i++) this.cardPartition(entryPart[i], now);
    // Idle members wake on new records (a long poll answers as soon as data arrives).
    for (let c = 0; c < this.slots; c++) if (this.alive[c] && !this.busy[c] && this.pollArmed[c] === 0) this.armPoll(c, now);
    this.g2?.wake(now);
  }

  // --- consumers ----------------------------------------------------------------------------------

  private startConsumer(c: number, at: number, verb: string): void {
    this.alive[c] = 1;
    this.epoch[c]++;
    this.slow[c] = this.slow[c] || 1;
    this.busy[c] = 0;
    this.zombie[c] = 0;
    this.pollArmed[c] = 0;
    this.rec.field(at, this.c2node(c), F.role, 'joining');
    if (at > 0 && this.rec.canRemark) this.rec.remark(at, this.c2node(c), `c${c} ${verb} and asks to join the group`);
    this.loop.at(at + this.s.hopMs, E.joinArrive, c, this.epoch[c]);
  }

  private joinArrive(c: number, epoch: number): void {
    if (epoch !== this.epoch[c] || !this.alive[c]) return;
    const now = this.loop.ms;
    if (this.member[c]) {
      // Its previous incarnation is still a member: the coordinator waits for that one's session to end.
      return;
    }
    this.member[c] = 1;
    this.memberEpoch[c] = this.epoch[c];
    this.joinedAtMs[c] = now;
    this.joined[c] = 0;
    this.rebalance(`c${c} joins`);
    this.armPoll(c, now);
  }

  private armPoll(c: number, at: number): void {
    if (this.pollArmed[c]) return;
    this.pollArmed[c] = 1;
    this.loop.at(at, E.poll, c, this.epoch[c]);
  }

  private poll(c: number, epoch: number): void {
    if (epoch !== this.epoch[c]) return;
    this.pollArmed[c] = 0;
    if (!this.alive[c] || this.busy[c]) return;
    const now = this.loop.ms;
    if (!this.member[c]) return;
    if (this.phase === 'joining' && !this.joined[c]) this.rejoin(c, now);
    if (this.phase !== 'stable' && this.s.assignor === 'eager') {
      this.cardConsumer(c, now);
      return;
    }
    const p = this.pickPartition(c);
    if (p < 0) {
      this.cardConsumer(c, now);
      if (this.ownsAny(c)) this.armPoll(c, now + FETCH_WAIT_MS);
      return;
    }
    this.fetch(c, p, now);
  }

  private ownsAny(c: number): boolean {
    for (let p = 0; p < this.n; p++) if (this.owner[p] === c) return true;
    return false;
  }

  private pickPartition(c: number): number {
    const n = this.n;
    for (let k = 0; k < n; k++) {
      const p = (this.rr[c] + k) % n;
      if (this.owner[p] === c && !this.revoking[p] && this.pos[p] < this.leo[p]) {
        this.rr[c] = (p + 1) % n;
        return p;
      }
    }
    return -1;
  }

  private fetch(c: number, p: number, now: number): void {
    const s = this.s;
    const first = this.pos[p];
    const count = Math.min(s.batchMax, this.leo[p] - first);
    this.check.fetch(c, p, first, this.fresh[p] ? this.committed[p] : this.pos[p], this.leo[p], this.generation, now);
    this.pos[p] = first + count;
    const per = s.processMs * this.slow[c];
    this.busy[c] = 1;
    this.batchP[c] = p;
    this.batchFirst[c] = first;
    this.batchCount[c] = count;
    this.batchStartMs[c] = now + s.hopMs;
    this.batchPerMs[c] = per;
    this.batchGen[c] = this.generation;
    const drawn = this.rec.isDrawn(this.fetchDots++);
    this.batchDrawn[c] = drawn ? 1 : 0;
    if (drawn) this.rec.message('fetch', `fetch ${first}..${first + count - 1}`, this.pNode(p), this.c2node(c), now, now + s.hopMs);
    if (s.commit === 'before') this.commit(c, p, first + count, now, drawn);
    if (this.fresh[p]) {
      this.fresh[p] = 0;
      let again = 0;
      for (let o = first; o < first + count; o++) if (this.out.times[this.logMsg[this.logStart[p] + o]] > 0) again++;
      if (again > 0 && this.rec.canRemark) this.rec.remark(now, this.c2node(c), `c${c} fetches p${p} from the committed offset ${first}: ${again} of these ${count} records were processed before and run again`);
    }
    this.loop.at(now + s.hopMs + count * per, E.batchDone, c, this.epoch[c]);
    if (s.hopMs + count * per > s.maxPollIntervalMs) this.loop.at(now + s.maxPollIntervalMs, E.pollTimeout, c, this.epoch[c]);
    this.cardConsumer(c, now);
  }

  /** The batch's records each at its finish time up to `untilMs` (all of them when the batch ends). */
  private processBatch(c: number, untilMs: number): number {
    const p = this.batchP[c], first = this.batchFirst[c], count = this.batchCount[c];
    const start = this.batchStartMs[c], per = this.batchPerMs[c];
    let k = 0;
    for (; k < count; k++) {
      const at = start + (k + 1) * per;
      if (at > untilMs + 1e-9) break;
      const o = first + k;
      const m = this.logMsg[this.logStart[p] + o];
      if (this.out.process(m, at)) this.firstProcessing(m);
      if (o > this.maxProcessed[p]) this.maxProcessed[p] = o;
    }
    this.done[c] += k;
    return k;
  }

  private firstProcessing(m: number): void {
    const key = this.w.key[m];
    if (this.w.keySeq[m] < this.maxKeySeq[key]) this.keyOutOfOrder++;
    else this.maxKeySeq[key] = this.w.keySeq[m];
    if (m < this.maxFirst) this.globalOutOfOrder++;
    else this.maxFirst = m;
  }

  private batchDone(c: number, epoch: number): void {
    if (epoch !== this.epoch[c] || !this.busy[c]) return;
    const now = this.loop.ms;
    const p = this.batchP[c];
    this.processBatch(c, now);
    this.busy[c] = 0;
    if (this.s.commit === 'after') this.commit(c, p, this.batchFirst[c] + this.batchCount[c], now, this.batchDrawn[c] === 1);
    if (this.zombie[c]) {
      this.zombie[c] = 0;
      this.startConsumer(c, now, 'polls again after its slow batch');
      return;
    }
    this.afterBatch(c, now);
  }

  private afterBatch(c: number, now: number): void {
    if (this.phase === 'joining' && !this.joined[c]) this.rejoin(c, now);
    this.armPoll(c, now);
    this.cardConsumer(c, now);
  }

  private commit(c: number, p: number, offset: number, now: number, drawn: boolean): void {
    const ok = this.member[c] === 1 && !this.zombie[c] && this.owner[p] === c && this.memberEpoch[c] === this.epoch[c];
    if (drawn || !ok) this.rec.message(ok ? 'commit' : 'commit failed', ok ? `commit ${offset}` : `commit ${offset} refused`, this.c2node(c), this.pNode(p), now, now + this.s.hopMs);
    if (!ok) {
      this.commitsFailed++;
      if (this.rec.canRemark) this.rec.remark(now, this.c2node(c), `c${c}'s commit of p${p} at ${offset} fails: it is no longer p${p}'s owner in generation ${this.generation}`);
      this.marks.push(now);
      return;
    }
    this.commits++;
    if (this.s.commit === 'after') this.check.commitAfter(c, p, offset, this.maxProcessed[p], now);
    this.committed[p] = offset;
    this.hasCommit[p] = 1;
    if (!this.rec.isFieldsFull) this.cardPartition(p, now);
  }

  private rejoin(c: number, now: number): void {
    this.joined[c] = 1;
    const moved: number[] = [];
    for (let p = 0; p < this.n; p++) {
      if (this.owner[p] !== c) continue;
      if (this.s.assignor === 'eager' || this.revoking[p]) {
        this.owner[p] = -1;
        if (this.revoking[p]) this.revokedNow[p] = 1;
        this.revoking[p] = 0;
        moved.push(p);
        this.rec.message('revoke', `revoke p${p}`, this.c2node(c), this.pNode(p), now, now + this.s.hopMs);
        if (Number.isNaN(this.pausedSince[p])) this.pausedSince[p] = now;
        this.cardPartition(p, now);
      }
    }
    if (moved.length > 0 && this.rec.canRemark) this.rec.remark(now, this.c2node(c), `c${c} revokes ${listParts(moved)} and rejoins`);
    this.cardConsumer(c, now);
    this.tryComplete(now);
  }

  // --- faults ------------------------------------------------------------------------------------

  private script(i: number): void {
    const e = this.s.events[i];
    const c = e.node;
    const now = this.loop.ms;
    const node = e.node;
    this.marks.push(now);
    if (e.type === 'crash') {
      if (!this.alive[c]) return;
      this.rec.fault('crash', node, now, i);
      let words = `c${c} crashes`;
      if (this.busy[c]) {
        const k = this.processBatch(c, now);
        const p = this.batchP[c];
        words += ` mid-batch: ${k} of its ${this.batchCount[c]} records of p${p} processed, ${this.s.commit === 'after' ? 'none committed' : 'all committed before'}`;
      }
      this.alive[c] = 0;
      this.busy[c] = 0;
      this.epoch[c]++;
      if (this.member[c]) {
        const since = now - this.joinedAtMs[c];
        const lastBeat = this.joinedAtMs[c] + Math.floor(since / HEARTBEAT_MS) * HEARTBEAT_MS;
        const expire = lastBeat + this.s.sessionTimeoutMs;
        words += `; its last heartbeat was at ${fmtS(lastBeat)}, so the group learns of it at ${fmtS(expire)}`;
        this.loop.at(expire, E.sessionExpire, c, this.memberEpoch[c]);
      }
      if (this.rec.canRemark) this.rec.remark(now, node, words);
      this.rec.field(now, node, F.role, 'dead');
      this.rec.field(now, node, F.l2, 'batch lost');
      return;
    }
    if (e.type === 'recover' || e.type === 'join') {
      if (this.alive[c]) return;
      if (e.type === 'recover') this.rec.fault('recover', node, now, i);
      this.startConsumer(c, now, e.type === 'recover' ? 'restarts' : 'starts');
      return;
    }
    this.slow[c] = e.factor;
    if (this.rec.canRemark) this.rec.remark(now, node, e.factor === 1 ? `c${c} runs at normal speed again` : `c${c} slows down: each record now takes ${fmtMs(this.s.processMs * e.factor)}`);
  }

  private sessionExpire(c: number, memberEpoch: number): void {
    if (!this.member[c] || this.memberEpoch[c] !== memberEpoch) return;
    const now = this.loop.ms;
    this.marks.push(now);
    if (this.rec.canRemark) this.rec.remark(now, this.c2node(c), `c${c}'s session times out (${fmtMs(this.s.sessionTimeoutMs)} without a heartbeat): the coordinator removes it`);
    this.leave(c, now, `c${c}'s session timed out`);
    // A restarted incarnation waiting on this one joins now.
    if (this.alive[c]) this.loop.at(now, E.joinArrive, c, this.epoch[c]);
  }

  private pollTimeout(c: number, epoch: number): void {
    if (epoch !== this.epoch[c] || !this.busy[c] || !this.member[c]) return;
    const now = this.loop.ms;
    this.marks.push(now);
    if (this.rec.canRemark) this.rec.remark(now, this.c2node(c), `c${c} has not polled for max.poll.interval.ms (${fmtMs(this.s.maxPollIntervalMs)}): it leaves the group while its batch runs on`);
    this.zombie[c] = 1;
    this.leave(c, now, `c${c} exceeded max.poll.interval.ms`);
  }

  private leave(c: number, now: number, reason: string): void {
    this.member[c] = 0;
    this.joined[c] = 0;
    for (let p = 0; p < this.n; p++) {
      if (this.owner[p] !== c) continue;
      this.owner[p] = -1;
      this.revoking[p] = 0;
      if (Number.isNaN(this.pausedSince[p])) this.pausedSince[p] = now;
      this.cardPartition(p, now);
    }
    this.rec.field(now, this.c2node(c), F.l1, 'owns –');
    if (this.phase === 'stable') this.rebalance(reason);
    else this.tryComplete(now);
  }

  // --- the group ---------------------------------------------------------------------------------

  private members(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.slots; c++) if (this.member[c]) out.push(c);
    return out;
  }

  private rebalance(reason: string): void {
    const now = this.loop.ms;
    if (this.phase === 'joining') return; // the newcomer joins this round
    if (this.phase !== 'stable') {
      this.again = this.again || reason;
      return;
    }
    this.phase = 'joining';
    this.round = 1;
    this.revokedNow.fill(0);
    if (this.generation === 0) {
      this.holdUntilMs = now + INITIAL_DELAY_MS;
      this.loop.at(this.holdUntilMs, E.tryComplete);
    }
    this.marks.push(now);
    this.current = { startMs: now, endMs: Number.NaN, reason, generation: this.generation, paused: 0, moved: 0 };
    const members = this.members();
    for (const c of members) this.joined[c] = 0;
    if (this.s.assignor === 'eager') {
      for (let p = 0; p < this.n; p++) if (this.owner[p] >= 0 && Number.isNaN(this.pausedSince[p])) this.pausedSince[p] = now;
      if (this.rec.canRemark) this.rec.remark(now, this.w0, `rebalance (${reason}), eager: every member stops and revokes all its partitions before a new assignment`);
    } else {
      const target = stickyAssign(members, this.owner, this.n);
      const moving: number[] = [];
      for (let p = 0; p < this.n; p++) {
        if (this.owner[p] >= 0 && target[p] !== this.owner[p] && this.member[this.owner[p]]) {
          this.revoking[p] = 1;
          moving.push(p);
          this.cardPartition(p, now);
        }
      }
      if (this.rec.canRemark) this.rec.remark(now, this.w0, `rebalance (${reason}), cooperative: members keep their partitions; ${moving.length ? `${listParts(moving)} must move and ${moving.length === 1 ? 'is' : 'are'} revoked first` : 'nothing owned must move'}`);
    }
    // Idle members hear of it at once (their next heartbeat or poll); busy ones after their batch.
    for (const c of members) if (this.alive[c] && !this.busy[c]) this.rejoin(c, now);
    this.tryComplete(now);
  }

  private tryComplete(now: number): void {
    if (this.phase !== 'joining' || now < this.holdUntilMs) return;
    const members = this.members();
    for (const c of members) if (!this.joined[c]) return;
    this.phase = 'syncing';
    this.loop.at(now + 2 * this.s.hopMs, E.sync, this.round);
  }

  private sync(round: number): void {
    if (this.phase !== 'syncing' || round !== this.round) return;
    const now = this.loop.ms;
    const members = this.members().filter((c) => this.alive[c]);
    const target = this.s.assignor === 'eager' ? rangeAssign(members, this.n) : stickyAssign(members, this.owner, this.n);
    this.generation++;
    const gained = new Map<number, number[]>();
    let pendingRevokes = 0;
    const reset: number[] = [];
    let resetRecords = 0;
    for (let p = 0; p < this.n; p++) {
      const to = target[p];
      if (this.revokedNow[p] && this.s.assignor === 'cooperative') {
        pendingRevokes++;
        continue;
      }
      if (this.owner[p] === -1 && to >= 0) {
        this.owner[p] = to;
        if (!this.hasCommit[p]) {
          // No committed offset: auto.offset.reset = latest starts at the log end; what came before is skipped.
          reset.push(p);
          resetRecords += this.leo[p];
          this.resetTo[p] = this.leo[p];
          this.committed[p] = this.leo[p];
          this.hasCommit[p] = 1;
        }
        this.pos[p] = this.committed[p];
        this.fresh[p] = 1;
        this.rec.message('assign', `p${p} to c${to}`, this.pNode(p), this.c2node(to), now - this.s.hopMs, now);
        if (!gained.has(to)) gained.set(to, []);
        gained.get(to)!.push(p);
      }
      if (this.revoking[p]) pendingRevokes++;
    }
    this.revokedNow.fill(0);
    if (reset.length > 0 && this.rec.canRemark) this.rec.remark(now, this.w0, `${listParts(reset)} had no committed offset: auto.offset.reset = latest starts ${reset.length === 1 ? 'it' : 'them'} at the log end, skipping the ${resetRecords} record${resetRecords === 1 ? '' : 's'} sent before`);
    this.check.owners(this.owner, this.member, now);
    const cur = this.current!;
    for (let p = 0; p < this.n; p++) {
      if (this.owner[p] >= 0 && !Number.isNaN(this.pausedSince[p])) {
        this.pausedMs += now - this.pausedSince[p];
        this.pausedSince[p] = Number.NaN;
        cur.paused++;
      }
    }
    for (const [, ps] of gained) cur.moved += ps.length;
    const words = [...gained].sort((a, b) => a[0] - b[0]).map(([c, ps]) => `c${c} gets ${listParts(ps)}`).join(', ');
    if (this.rec.canRemark) this.rec.remark(now, this.w0, `generation ${this.generation}${words ? `: ${words}` : ': no partition changes hands'}`);
    for (let p = 0; p < this.n; p++) this.cardPartition(p, now);
    for (const c of members) {
      this.cardConsumer(c, now);
      this.armPoll(c, now);
    }
    // Cooperative: what was revoked in this round is assigned in a second one.
    if (this.s.assignor === 'cooperative' && pendingRevokes > 0 && this.round < 3) {
      this.phase = 'joining';
      this.round++;
      for (const c of this.members()) this.joined[c] = 0;
      for (const c of this.members()) if (this.alive[c] && !this.busy[c]) this.rejoin(c, now);
      this.tryComplete(now);
      return;
    }
    cur.endMs = now;
    cur.generation = this.generation;
    this.rebalances.push(cur);
    this.current = undefined;
    this.phase = 'stable';
    this.marks.push(now);
    if (this.again) {
      const reason = this.again;
      this.again = '';
      this.rebalance(reason);
    }
  }

  private sample(i: number): void {
    const now = this.loop.ms;
    for (let p = 0; p < this.n; p++) {
      this.lag[i * this.n + p] = this.leo[p] - this.committed[p];
      this.cardPartition(p, now, true);
    }
    for (let c = 0; c < this.slots; c++) if (this.alive[c]) this.cardConsumer(c, now, true);
    this.context.progress((i + 1) / SAMPLES);
  }

  // --- cards --------------------------------------------------------------------------------------

  private initialCards(): void {
    this.rec.field(0, this.w0, F.role, 'producer');
    this.rec.field(0, this.w0, F.l1, 'sent 0');
    this.rec.field(0, this.w0, F.l2, `${this.s.keys} keys`);
    if (this.g2) {
      const a0 = this.slots + 1 + this.n;
      this.rec.field(0, a0, F.role, 'group g2');
      this.rec.field(0, a0, F.l1, `owns all ${this.n}`);
      this.rec.field(0, a0, F.l2, 'waiting');
      this.rec.field(0, a0, F.n, 0);
      this.loop.at(this.s.hopMs, E.g2Poll);
    }
    for (let p = 0; p < this.n; p++) {
      this.rec.field(0, this.pNode(p), F.role, `broker b${p % 3}`);
      this.cardPartition(p, 0);
    }
    for (let c = 0; c < this.slots; c++) {
      this.rec.field(0, this.c2node(c), F.role, 'spare');
      this.rec.field(0, this.c2node(c), F.l1, 'owns –');
      this.rec.field(0, this.c2node(c), F.l2, 'not started');
      this.rec.field(0, this.c2node(c), F.n, 0);
    }
  }

  private cardPartition(p: number, now: number, always = false): void {
    if (!always && this.rec.isFieldsFull) return;
    const node = this.pNode(p);
    const o = this.owner[p];
    const owner = o < 0 ? 'no owner' : this.revoking[p] ? `owner c${o}, revoking` : `owner c${o}`;
    this.rec.field(now, node, F.l1, this.g2 ? `${owner} · g2 ${this.g2.committed[p]}` : owner);
    this.rec.field(now, node, F.l2, `end ${this.leo[p]} · com. ${this.committed[p]}`);
    this.rec.field(now, node, F.n, this.leo[p] - this.committed[p]);
  }

  private cardConsumer(c: number, now: number, always = false): void {
    if (!always && this.rec.isFieldsFull) return;
    const node = this.c2node(c);
    const owned: number[] = [];
    for (let p = 0; p < this.n; p++) if (this.owner[p] === c) owned.push(p);
    const role = !this.alive[c] ? 'dead' : this.zombie[c] ? 'left group' : !this.member[c] ? 'joining' : this.phase !== 'stable' && (this.s.assignor === 'eager' || !this.joined[c]) ? 'rebalancing' : owned.length === 0 ? 'idle' : 'consumer';
    this.rec.field(now, node, F.role, role);
    let lag = 0;
    for (const p of owned) lag += this.leo[p] - this.committed[p];
    this.rec.field(now, node, F.l1, owned.length === 0 ? 'owns –' : `owns ${listParts(owned)}`);
    this.rec.field(now, node, F.l2, this.busy[c] ? `p${this.batchP[c]} ${this.batchFirst[c]}..${this.batchFirst[c] + this.batchCount[c] - 1}` : !this.alive[c] ? 'batch lost' : 'waiting');
    this.rec.field(now, node, F.n, lag);
  }

  // --- the end ------------------------------------------------------------------------------------

  private finish(): KafkaRun {
    const now = this.s.durationMs;
    if (this.current) {
      for (let p = 0; p < this.n; p++) if (!Number.isNaN(this.pausedSince[p])) this.pausedMs += now - this.pausedSince[p];
      this.rebalances.push(this.current);
    } else {
      for (let p = 0; p < this.n; p++) if (!Number.isNaN(this.pausedSince[p])) this.pausedMs += now - this.pausedSince[p];
    }
    let skipped = 0;
    for (let p = 0; p < this.n; p++) {
      for (let o = this.resetTo[p]; o < this.committed[p]; o++) if (this.out.times[this.logMsg[this.logStart[p] + o]] === 0) skipped++;
    }
    let idle = 0;
    for (let c = 0; c < this.slots; c++) if (this.alive[c] && this.member[c] && !this.ownsAny(c)) idle++;
    let hot = 0;
    for (let p = 1; p < this.n; p++) if (this.perPartition[p] > this.perPartition[hot]) hot = p;
    const outputs = this.out.summary();
    const outcome: KafkaOutcome = {
      produced: this.produced,
      producerDuplicates: this.log.duplicates,
      producerRetriesDropped: this.log.dropped,
      logEnd: this.leo.slice(),
      committed: this.committed.slice(),
      lag: this.lag,
      sampleMs: this.sampleMs,
      samples: SAMPLES,
      rebalances: this.rebalances,
      pausedMs: this.pausedMs,
      commits: this.commits,
      commitsFailed: this.commitsFailed,
      keyOutOfOrder: this.keyOutOfOrder,
      globalOutOfOrder: this.globalOutOfOrder,
      skipped,
      idleConsumers: idle,
      perPartition: this.perPartition,
      hotPartition: hot,
      outputs,
      ...(this.g2 ? { second: this.g2.outcome() } : {}),
    };
    const h = this.hasher;
    h.numbers(this.leo).numbers(this.committed).numbers(this.lag).numbers(this.done);
    for (const r of this.rebalances) h.number(r.startMs).number(r.endMs).number(r.generation).number(r.paused).number(r.moved).string(r.reason);
    h.number(this.commits).number(this.commitsFailed).number(this.keyOutOfOrder).number(this.globalOutOfOrder).number(skipped);
    h.number(outputs.processings).number(outputs.distinct).number(outputs.idempotentRows);
    if (outcome.second) h.numbers(outcome.second.committed).number(outcome.second.outputs.processings).number(outcome.second.outputs.distinct);
    return { outcome, checks: this.check.list({
      commitMode: this.s.commit, commits: this.commits, skipped, isQuiet: this.rebalances.length <= 1 && this.commitsFailed === 0,
      idempotentOk: outputs.idempotentRows === outputs.distinct && Number.isNaN(this.out.idempotentTwiceMs) && (this.g2?.isIdempotentOk ?? true),
      idempotentRows: outputs.idempotentRows, distinct: outputs.distinct, idempotentTwiceMs: this.out.idempotentTwiceMs,
    }), hash: h.hex(), stage: this.rec, names: this.names, marksMs: this.marks, events: this.loop.handled };
  }
}

export function listParts(ps: readonly number[]): string {
  if (ps.length > 4) return `${ps.length} partitions`;
  return ps.map((p) => `p${p}`).join(' ');
}

export function fmtS(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 })} s` : `${ms.toLocaleString('en-US', { maximumFractionDigits: 3 })} ms`;
}
