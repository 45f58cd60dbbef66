/**
 * Goal: the stage shows what RaftScope shows (role, term, vote, election timer, log tail, commit) and what
 * a student does to the run lands in it: "time out now" starts an election, "send request" reaches the
 * server named, a violation marks its entries, and the experiment rides in the same result.
 * Method: runs of the program, card fields read at t through the stage's own queries.
 */
import { describe, expect, it } from 'vitest';
import { fieldAt, fieldText } from '../../../core/stage/query';
import { plainContext, presetScenario } from '../../contract';
import { presets } from '../presets';
import { ChangeKind, type ConsensusResult } from '../result';
import { defaults, type ConsensusScenario } from '../scenario';
import { program } from './program';
import { logCells } from './stage';

const run = (s: ConsensusScenario): ConsensusResult => program(s, plainContext());
const led: ConsensusScenario = { ...defaults, bootstrap: 'leader', clientRatePerSec: 0, durationMs: 600 };

/** Card field `name` of server `node` at t, as text ('' before its first change). */
function card(r: ConsensusResult, node: number, name: string, t: number): string {
  const f = r.stage.fields;
  return fieldText(f, fieldAt(f, node, f.names.indexOf(name), t));
}

describe('consensus stage', () => {
  it('cards carry role, term, vote, the election deadline, the log tail and the commit index', () => {
    const r = run({ ...led, events: [{ t: 100, type: 'request', node: -1 }] });
    expect(r.stage.nodeNames).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect([card(r, 0, 'role', 200), card(r, 0, 'term', 200), card(r, 0, 'vote', 200)]).toEqual(['leader', '1', 's0']);
    expect([card(r, 1, 'role', 200), card(r, 1, 'vote', 200)]).toEqual(['follower', 's0']);
    expect(card(run({ ...defaults, durationMs: 50 }), 1, 'vote', 40)).toBe('–');
    expect(card(r, 0, 'log', 200)).toBe('1 1');
    expect(card(r, 0, 'commit', 200)).toBe('2/2');
    // A follower's deadline lies one election timeout (150-300 ms) after the last heartbeat it accepted.
    const deadline = Number(card(r, 1, 'timer', 200));
    expect(deadline).toBeGreaterThan(200);
    expect(deadline).toBeLessThanOrEqual(200 + defaults.electionMsMax);
    expect(card(r, 0, 'timer', 200)).toBe('0');
  });

  it('log cells: terms oldest first, ~ above the commit index, ! on a marked entry, … when earlier entries exist', () => {
    expect(logCells([1, 1, 2, 3, 3], 2, 5, 3)).toBe('… 1 2 3~ 3~');
    expect(logCells([1, 2], 1, 2, 0, 2)).toBe('1~ 2~!');
  });

  it('"time out now" makes a follower stand at once and win; a leader ignores it', () => {
    const r = run({ ...led, events: [{ t: 200, type: 'timeout', node: 3 }, { t: 400, type: 'timeout', node: 3 }] });
    const terms = Array.from(r.leaders.server, (s, i) => [s, r.leaders.term[i], r.leaders.startMs[i]]);
    expect(terms[1][0]).toBe(3);
    expect(terms[1][1]).toBe(2);
    expect(terms[1][2]).toBeLessThan(200 + 2 * defaults.latencyMsMax);
    expect(r.leaders.server.length).toBe(2);
    expect(card(r, 3, 'role', 250)).toBe('leader');
  });

  it('"send request" to a follower is redirected to the leader, which appends and commits it', () => {
    const r = run({ ...led, events: [{ t: 100, type: 'request', node: 2 }] });
    expect(r.requests.submitMs.length).toBe(1);
    expect(r.requests.attempts[0]).toBe(2);
    expect(r.requests.index[0]).toBe(2);
    expect(r.requests.committedMs[0]).toBeLessThan(100 + defaults.heartbeatMs + 4 * defaults.latencyMsMax);
  });

  it('a violation marks the entries it names on the servers it names, at the step it stopped', () => {
    const r = run(presetScenario(presets, 'broken-commit-old-term'));
    const v = r.verdict.violation!;
    expect(v.servers).toEqual([2, 0]);
    expect(card(r, 0, 'log', v.tMs)).toMatch(/(^| )1!( |$)/);
    expect(card(r, 2, 'log', v.tMs)).toMatch(/(^| )4~?!( |$)/);
    expect(r.marks.at(-1)).toBe(v.tMs);
  });

  it('marks walk every narrated event (sends, deliveries, faults) and every state change, once each, ascending', () => {
    const r = run({ ...led, events: [{ t: 100, type: 'crash', node: 1 }] });
    const narrated = new Set(Array.from(r.stage.narrated, (row) => r.stage.events.time[row]));
    const marks = Array.from(r.marks);
    expect(marks.every((t, i) => i === 0 || t > marks[i - 1])).toBe(true);
    for (const t of narrated) expect(marks).toContain(t);
    expect(marks).toContain(100);
  });

  it('the experiment rides in the result: a curve per range, progress first, a hash covering its downtimes', () => {
    const progress: number[] = [];
    const s: ConsensusScenario = { ...defaults, durationMs: 300, experiment: 'scale', trials: 20 };
    const r = program(s, { progress: (f) => progress.push(f), work: () => {} });
    expect(r.experiment!.curves.map((c) => `${c.minMs}-${c.maxMs}`)).toEqual(['12-24', '25-50', '50-100', '100-200', '150-300']);
    expect(r.experiment!.curves.every((c) => c.downtimeMs.length === 20)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(progress.findIndex((p) => p > 0.9)).toBeGreaterThan(0);
    const again = run(s);
    expect(again.traceHash).toBe(r.traceHash);
    expect(run({ ...s, experiment: 'none' }).traceHash).not.toBe(r.traceHash);
    expect(run({ ...s, seed: 2 }).traceHash).not.toBe(r.traceHash);
    expect(ChangeKind.commit).toBe(5);
  });
});
