/**
 * Goal: what the Panel derives is right: an opened trial replays its downtime on the stage, the CDF's
 * points stand for real trials, the paper's points sit on their ranges, and the ringed servers follow the
 * lesson and the violation. Method: one small experiment (20 trials per range) and two preset runs.
 */
import { describe, expect, it } from 'vitest';
import { plainContext, presetScenario } from '../../contract';
import { presets } from '../presets';
import { program } from '../program/program';
import { defaults, type ConsensusScenario } from '../scenario';
import { cdfPoints, curveRows, openTrial, paperMarks, ringedServers, settingWords } from './select';

const s: ConsensusScenario = { ...defaults, durationMs: 200, experiment: 'scale', trials: 20 };
const r = program(s, plainContext());
const e = r.experiment!;

describe('consensus Panel selectors', () => {
  it('openTrial(median of 150-300) is a single run that replays that trial\'s downtime, ended soon after it', () => {
    const row = curveRows(e).find((x) => x.name === '150–300 ms')!;
    const { scenario, crashMs } = openTrial(s, e, row.range, row.medianRank);
    expect(scenario.experiment).toBe('none');
    expect(scenario.events.at(-1)).toEqual({ t: crashMs, type: 'crash', node: 0 });
    const single = program(scenario, plainContext());
    expect(single.metrics.downtimeMs).toBe(row.median);
    expect(scenario.durationMs).toBeLessThanOrEqual(Math.ceil(crashMs + row.median + 600));
  });

  it('cdfPoints: each point is a trial\'s downtime at its rank, the share of trials up to it, ascending', () => {
    const c = e.curves[0];
    const { points, ranks } = cdfPoints(c, 7);
    expect(points.length).toBe(7);
    points.forEach((p, k) => expect([p.x, p.y]).toEqual([c.downtimeMs[ranks[k]], (100 * (ranks[k] + 1)) / 20]));
    expect(ranks.at(-1)).toBe(19);
  });

  it('paperMarks: the paper\'s medians, 90th percentiles and worst trial, on the ranges drawn', () => {
    expect(paperMarks(e).map((m) => [e.curves[m.curve].minMs, m.x, m.y])).toEqual([[12, 30, 50], [12, 152, 100], [50, 66.7, 50], [150, 171.3, 50], [150, 244.3, 90]]);
  });

  it('ringedServers: the lesson\'s servers always, the violation\'s from its step on', () => {
    const dv = program(presetScenario(presets, 'broken-double-vote'), plainContext());
    expect(ringedServers(dv, false, ['s1'])).toEqual([1]);
    expect(ringedServers(dv, true, undefined)).toEqual([0, 2]);
    expect(ringedServers(dv, true, ['s1', 'n9'])).toEqual([0, 1, 2]);
  });

  it('settingWords says the switches and timers', () => {
    expect(settingWords({ ...defaults, preVote: true, broken: 'doubleVote' })).toBe('PreVote on · CheckQuorum off · broken rule: doubleVote · 5 servers, timeouts 150–300 ms, heartbeat 50 ms, hops 5–10 ms');
  });
});
