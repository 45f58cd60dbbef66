import { describe, expect, it } from 'vitest';
import { causalRunFromStageJob } from '../../../core/causality/fromStage';
import { CausalKind, type CausalRun, type Job } from '../../../core/causality/types';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import { presets } from '../scenario';
import { compareRows, eventWords, finalRows, lostPins, lostText, runOfView, scriptText } from './select';

const skewed = program(presets.find((p) => p.id === 'skewed')!.scenario, plainContext());
const partition = presets.find((p) => p.id === 'partition')!.scenario;

function finish<T>(job: Job<T>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

describe('vector-clocks select', () => {
  it('lostPins(run) pins each write wall-clock LWW lost on its replica\'s lane at its commit time', () => {
    const pins = lostPins(skewed.runs[0]);
    const w = skewed.runs[0].writes;
    const lost = w.name.map((_, i) => i).filter((i) => w.lost[0][i]);
    const overlaps = skewed.runs[0].overlaps;
    expect(pins.label).toEqual([...lost.map((i) => `${w.name[i]} lost`), ...Array.from(overlaps.a, () => '2 lease holders')]);
    expect(pins.lane.slice(0, lost.length)).toEqual(lost.map((i) => w.replica[i]));
    expect(pins.time).toEqual([...lost.map((i) => w.commitMs[i]), ...overlaps.startMs]);
    // The first overlap: r2 took the lease at 273.0 ms while r1 still held it.
    expect([pins.lane[lost.length], pins.time[lost.length].toFixed(1)]).toEqual([2, '273.0']);
    expect(lostText(skewed.runs[0])).toContain('(b3): the later write lost');
  });

  it('eventWords(run, e) names the write a replica\'s local event commits, with its stamps', () => {
    const causal: CausalRun = finish(causalRunFromStageJob(skewed.runs[0].stage!));
    const g = causal.graph;
    const words: string[] = [];
    for (let e = 0; e < g.count; e++) if (g.kind[e] === CausalKind.local && eventWords(skewed.runs[0], 3, causal, e) !== '') words.push(eventWords(skewed.runs[0], 3, causal, e));
    expect(words).toHaveLength(9);
    expect(words).toContain('commits b3: wall 174.7, Lamport 8, HLC 227.5·2, VV [1,3,2]');
  });

  it('compareRows(r) puts the trusted stores first and commit wait last; finalRows(run) merges siblings by union', () => {
    const lost = compareRows(skewed).find((row) => row.key === 'lost')!;
    expect(lost.values).toEqual([3, 3, 3, 0, skewed.runs[1].metrics['lost.wall']]);
    const rows = finalRows(program(partition, plainContext()).runs[0]);
    expect(rows[0]).toEqual(['r0', 'a4', 'c4', 'a4', 'a4|c4', '{a4, c4}']);
  });

  it('scriptText(events) lists the script in the fault table\'s words; runOfView(view) maps lesson views to runs', () => {
    expect(scriptText(partition.events)).toBe('Scripted faults: Isolate r0 at 100 ms · Heal all links at 600 ms.');
    expect(scriptText([])).toBe('');
    expect([runOfView(undefined), runOfView('trusted'), runOfView('commitWait'), runOfView('CP')]).toEqual([-1, 0, 1, -1]);
  });
});
