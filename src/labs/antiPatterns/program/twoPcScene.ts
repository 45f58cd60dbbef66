/**
 * Scene 2: two-phase commit (t0, p0..p2) beside a saga (o0, s0..s2) on the same transfers. c0 starts each
 * transfer on both sides at once; r0 reads p0 and s0 every readPeriodMs.
 */
import type { StageOptions } from '../../../sim/index';
import { msToTicks, TICKS_PER_MS } from '../../../sim/kit/time';
import { nodeNamesOf } from '../result';
import { NODE, type AntiScenario } from '../scenario';
import { TxLedger } from './ledger';
import { ms1 } from './measure';
import type { Msg } from './messages';
import { Orchestrator, SagaService, TxClient } from './saga';
import type { Scene } from './scene';
import { Coordinator, Participant } from './twoPc';
import { makeWorld } from './world';

const N = NODE.twoPc;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export function buildTwoPc(s: AntiScenario, stage?: StageOptions<Msg>): Scene {
  const names = nodeNamesOf('2pc');
  let ledger: TxLedger | undefined;
  const parts: number[] = [N.p0, N.p1, N.p2];
  const services: number[] = [N.s0, N.s1, N.s2];
  const { sim, obs } = makeWorld(s, names, (ctx, name, o) => {
    ledger ??= new TxLedger(o, 3);
    switch (name) {
      case 'c0': return new TxClient(ctx, { periodTicks: msToTicks(s.txPeriodMs), readTicks: 0, failEvery: s.failEvery, targets: [N.t0, N.o0], isReader: false });
      case 'r0': return new TxClient(ctx, { periodTicks: 0, readTicks: msToTicks(s.readPeriodMs), failEvery: 0, targets: [N.p0, N.s0], isReader: true });
      case 't0': return new Coordinator(ctx, parts, msToTicks(s.logMs), TICKS_PER_MS, ledger);
      case 'o0': return new Orchestrator(ctx, services, TICKS_PER_MS, ledger);
      default: return name[0] === 'p' ? new Participant(ctx, parts.indexOf(ctx.id), N.t0, TICKS_PER_MS, ledger) : new SagaService(ctx, services.indexOf(ctx.id), ledger);
    }
  }, stage);
  return { sim, obs, names, finish: () => twoPcOutcome(s, ledger!) };
}

function twoPcOutcome(s: AntiScenario, l: TxLedger) {
  const tpm = TICKS_PER_MS;
  const rows = l.rows(tpm);
  const holdMs = l.holds.map((h) => (h.toTick - h.fromTick) / tpm);
  const committed = rows.filter((r) => r.decision === 'commit' && Number.isFinite(r.appliedMs)).length;
  const aborted = rows.filter((r) => r.decision === 'abort').length;
  const done = rows.filter((r) => r.sagaOutcome === 'done').length;
  const compensated = rows.filter((r) => r.sagaOutcome === 'compensated').length;
  const twoPcTime = rows.filter((r) => Number.isFinite(r.appliedMs)).map((r) => r.appliedMs - r.beginMs);
  const sagaTime = rows.filter((r) => Number.isFinite(r.sagaEndMs)).map((r) => r.sagaEndMs - r.beginMs);
  const sec = s.durationMs / 1000;
  const dirty = l.dirtyReads();
  const readWaitMax = l.readWaitsMs.length ? Math.max(...l.readWaitsMs) : 0;
  return {
    compare: [
      { label: 'transactions begun', broken: String(rows.length), fixed: String(rows.length) },
      { label: 'committed (2PC) / done (saga)', broken: String(committed), fixed: String(done) },
      { label: 'aborted (2PC) / compensated (saga)', broken: String(aborted), fixed: String(compensated) },
      { label: 'throughput, per second', broken: (committed / sec).toFixed(2), fixed: (done / sec).toFixed(2) },
      { label: 'time to a consistent outcome (mean / max)', broken: `${ms1(mean(twoPcTime))} / ${ms1(twoPcTime.length ? Math.max(...twoPcTime) : NaN)}`, fixed: `${ms1(mean(sagaTime))} / ${ms1(sagaTime.length ? Math.max(...sagaTime) : NaN)}` },
      { label: 'row locks held (mean / max)', broken: `${ms1(mean(holdMs))} / ${ms1(holdMs.length ? Math.max(...holdMs) : NaN)}`, fixed: 'none' },
      { label: 'transactions that waited for a lock', broken: String(l.blockedTxs), fixed: '0' },
      { label: 'reads that waited for a lock (longest wait)', broken: `${l.blockedReads} (${ms1(readWaitMax)})`, fixed: '0' },
      { label: 'reads that saw a transfer half done', broken: '0', fixed: String(l.intermediateReads) },
      { label: 'reads that saw a debit later refunded', broken: '0', fixed: String(dirty) },
      { label: 'retries (steps / compensations)', broken: '–', fixed: `${l.stepRetries} / ${l.compRetries}` },
    ],
    metrics: {
      transactions: rows.length, committed, aborted, sagasDone: done, sagasCompensated: compensated, lockHoldMsMax: holdMs.length ? Math.max(...holdMs) : 0,
      lockHoldMsMean: mean(holdMs), blockedTxs: l.blockedTxs, blockedReads: l.blockedReads, readWaitMsMax: readWaitMax, intermediateReads: l.intermediateReads,
      dirtyReads: dirty, compensationRetries: l.compRetries, sagaMsMean: mean(sagaTime), twoPcMsMean: mean(twoPcTime),
    },
    txs: rows,
  };
}
