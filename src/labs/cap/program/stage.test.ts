/**
 * What the CAP stage draws, read at moments of the default scenario (n3, n4 cut off 150–450 ms) as the
 * stage's own queries read it: the cut blocks the minority's requests, CP's minority coordinators show a
 * refusal, AP's copies differ across the cut while it lasts, and keeping the stage changes no hash.
 */
import { describe, expect, it } from 'vitest';
import { epochAt, fieldAt, fieldText, isBlocked } from '../../../core/stage/query';
import { Fate } from '../../../core/stage/types';
import { storeOutcome } from '../../../sim/kit/leaderless/store';
import { plainContext } from '../../contract';
import { modeScenario } from './modes';
import { program } from './program';
import { stageOptions } from './stage';
import { defaults } from '../scenario';

const result = program(defaults, plainContext());
const [cp, ap] = result.stages;

/** Card field `name` of node `node` at t, as the card prints it ('' before its first change). */
const card = (stage: typeof cp.stage, node: number, name: string, t: number): string => {
  const f = stage.fields.names.indexOf(name);
  const row = fieldAt(stage.fields, node, f, t);
  return row < 0 ? '' : fieldText(stage.fields, row);
};

describe('cap stage', () => {
  it('keeping the stage changes no run: the CP store run hashes the same with and without it', () => {
    const spec = modeScenario(defaults, 'CP', true);
    expect(storeOutcome(spec, undefined, stageOptions).traceHash).toBe(storeOutcome(spec).traceHash);
  });

  it('nodes n0..n4 with clients c0..c4 beside node c mod 5; kinds get, got, put, ack; cards copy and last', () => {
    expect([cp.mode, ap.mode]).toEqual(['CP', 'AP']);
    expect(cp.stage.nodeNames).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    expect(Array.from(cp.stage.clients.home)).toEqual([0, 1, 2, 3, 4]);
    expect(cp.stage.kinds).toEqual(['get', 'got', 'put', 'ack']);
    expect(cp.stage.fields.names).toEqual(['copy', 'last']);
  });

  it('the cut is drawn from 150 to 450 ms: n3 -> n0 blocked inside, open before and after', () => {
    const blocked = (t: number) => isBlocked(cp.stage.epochs, epochAt(cp.stage.epochs, t), 3, 0, 5);
    expect([blocked(149), blocked(150), blocked(449), blocked(450)]).toEqual([false, true, true, false]);
  });

  it("CP: the minority's requests die at the cut, and n3 shows a refusal through the cut", () => {
    const m = cp.stage.messages;
    let cutFromMinority = 0;
    for (let r = 0; r < m.count; r++) if (m.fate[r] === Fate.cut && m.from[r] >= 3 && m.to[r] < 3) cutFromMinority++;
    expect(cutFromMinority).toBeGreaterThan(0);
    expect(card(cp.stage, 3, 'last', 400)).toMatch(/^✗ (read|write) refused$/);
    expect(card(cp.stage, 0, 'last', 400)).toMatch(/^✓ (read|wrote) \d+@\d+$/);
  });

  it('AP: during the cut the two sides hold different copies; the timers are not narrated', () => {
    expect(card(ap.stage, 0, 'copy', 440)).not.toBe(card(ap.stage, 3, 'copy', 440));
    expect(card(ap.stage, 0, 'copy', 440)).toMatch(/^\d+@\d+$/);
    const timer = 6;
    expect(Array.from(ap.stage.narrated).some((row) => ap.stage.events.kind[row] === timer)).toBe(false);
  });

  it("marks hold the script's events and the stage's narrated events, ascending", () => {
    expect(Array.from(result.marks)).toEqual(expect.arrayContaining([150, 450]));
    for (let i = 1; i < result.marks.length; i++) expect(result.marks[i]).toBeGreaterThan(result.marks[i - 1]);
    expect(result.marks.length).toBeGreaterThan(cp.stage.narrated.length / 2);
  });
});
