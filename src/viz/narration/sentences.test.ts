/**
 * Goal: every trace kind reads as a sentence with names, labels and values filled in. Method: a small real
 * run (n0 sends to n1 on 10 ms links; a crash, a partition, a cut, a heal and clock faults scripted) built
 * into StageData; sentences checked word for word.
 */
import { describe, expect, it } from 'vitest';
import { scheduleScenario } from '../../sim/scenario';
import { Simulation } from '../../sim/simulation';
import { buildStage } from '../../sim/stage/buildStage';
import { TraceKind } from '../../sim/traceKind';
import { Kind, sentence, sentencesAt } from './sentences';
import { narratedAt } from '../../core/stage/query';

function run() {
  const sim = new Simulation<{ k: string; w: number }>({
    seed: 1, nodes: 3, network: { latency: { kind: 'constant', ticks: 10_000 } },
    stage: { describe: { kind: (m) => m.k, label: (m) => `${m.k} w${m.w}` } },
    protocol: (ctx) => ({ onStart() { if (ctx.id === 1) ctx.setTimer(34_100, 7); }, onTimer() { ctx.send(0, { k: 'write', w: 2 }); }, onMessage() {} }),
  });
  scheduleScenario(sim, [
    { t: 41.2, type: 'crash', node: 0 },
    { t: 50, type: 'partition', groups: '0,1|2' },
    { t: 55, type: 'cut', from: 2, to: 1 },
    { t: 60, type: 'heal' },
    { t: 61, type: 'clockJump', node: 2, ms: -1.5 },
    { t: 62, type: 'drift', node: 1, ppm: 2000 },
  ], { ticksPerUnit: 1000 });
  sim.run();
  return buildStage({ trace: sim.trace.columns(), log: sim.stageLog!.columns(), ticksPerUnit: 1000, timeUnit: 'ms', nodeNames: ['n0', 'n1', 'n2'] });
}

describe('narration sentences', () => {
  const data = run();
  const all = Array.from(data.narrated, (row) => sentence(data, row));

  it('sentence(row) puts the time, names and the message label in words', () => {
    expect(all).toEqual([
      '34.100 ms: n1\'s timer 7 fires',
      '34.100 ms: n1 sends write w2 to n0',
      '41.200 ms: n0 crashes',
      '44.100 ms: n0 is down: n1\'s write w2 is discarded',
      '50.000 ms: the network splits: {n0, n1} | {n2}',
      '55.000 ms: the link n2 → n1 is cut',
      '60.000 ms: every link heals',
      '61.000 ms: n2\'s clock jumps to −1.500 ms',
      '62.000 ms: n1\'s clock drifts by 2000 ppm',
    ]);
  });

  it('sentencesAt(index) reads every event at the current row\'s time, and says when nothing happened yet', () => {
    expect(sentencesAt(data, narratedAt(data, 40))).toBe('34.100 ms: n1\'s timer 7 fires; n1 sends write w2 to n0');
    expect(sentencesAt(data, narratedAt(data, 40), 1)).toBe('34.100 ms: n1\'s timer 7 fires; and 1 more');
    expect(sentencesAt(data, narratedAt(data, 1))).toBe('0.000 ms: nothing has happened yet');
  });

  it('a lab\'s words replace the template for the rows it words, in sentences and announcements alike', () => {
    const words = (row: number) => (data.events.kind[row] === Kind.crash ? 'n0 stops answering' : undefined);
    const crash = data.narrated[2];
    expect(sentence(data, crash, words)).toBe('41.200 ms: n0 stops answering');
    expect(sentence(data, data.narrated[1], words)).toBe('34.100 ms: n1 sends write w2 to n0');
    expect(sentencesAt(data, narratedAt(data, 42), 3, words)).toBe('41.200 ms: n0 stops answering');
  });

  it('a lab\'s remark reads as written, at its time', () => {
    const sim = new Simulation<number>({ seed: 1, nodes: 2, stage: {}, protocol: () => ({ onMessage() {} }) });
    sim.run(10_000);
    const remarks = { tick: [2_500], node: [1], text: ['n1 meets a conflict on k0'] };
    const withRemark = buildStage({ trace: sim.trace.columns(), ticksPerUnit: 1000, timeUnit: 'ms', nodeNames: ['n0', 'n1'], remarks });
    expect(Array.from(withRemark.narrated, (row) => sentence(withRemark, row))).toEqual(['2.500 ms: n1 meets a conflict on k0']);
  });

  it('its kind table is the engine\'s', () => {
    expect(Kind).toEqual(TraceKind);
  });
});
