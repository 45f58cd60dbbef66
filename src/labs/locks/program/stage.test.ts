/**
 * The stage's data as the cards read it at t (no DOM): who each lock server says holds the key, the lease's
 * end, the clock offset after a jump, the fencing storage's lowest accepted token, and the narration's
 * remarks at the moments they speak of.
 */
import { describe, expect, it } from 'vitest';
import { clockOffsetAt, fieldAt, fieldText } from '../../../core/stage/query';
import type { StageData } from '../../../core/stage/types';
import { plainContext, presetScenario } from '../../contract';
import { presets } from '../scenario';
import { program } from './program';

const stageOf = (id: string) => program(presetScenario(presets, id), plainContext()).stage;

/** Card field `name` of node `node` at t, as the card shows it ('' before it was first recorded). */
function card(data: StageData, node: string, name: string, t: number): string {
  const n = data.nodeNames.indexOf(node);
  const row = fieldAt(data.fields, n, data.fields.names.indexOf(name), t);
  return row < 0 ? '' : fieldText(data.fields, row);
}

describe('locks stage', () => {
  it('names the scene\'s twelve nodes and records holder, lease, token and role for each', () => {
    const data = stageOf('clock-jump');
    expect(data.nodeNames).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 's0', 's1', 's2', 'd0', 'd1', 'c0', 'c1']);
    expect(data.fields.names).toEqual(['role', 'holder', 'lease', 'token']);
    expect(['r0', 's0', 'd0', 'c0'].map((n) => card(data, n, 'role', 1))).toEqual(['redis', 'leader', 'storage', 'process']);
  });

  it('clock jump: at 230 ms r2 is 2000 ms ahead and keeps c1\'s key, r0 still keeps c0\'s; c0 and c1 both believe they hold Redlock', () => {
    const data = stageOf('clock-jump');
    const r2 = data.nodeNames.indexOf('r2');
    expect(clockOffsetAt(data.clocks, r2, 230)).toBe(2000);
    expect([card(data, 'r0', 'holder', 230), card(data, 'r2', 'holder', 230)]).toEqual(['c0', 'c1']);
    expect([card(data, 'c0', 'holder', 230), card(data, 'c1', 'holder', 230)]).toEqual(['both', 'Redlock']);
    expect(Number(card(data, 'r2', 'lease', 230))).toBeCloseTo(1200, 0);
  });

  it('GC pause: at 1604.382 ms d1 accepts no token below 11 and the narration says why c0\'s write was refused', () => {
    const data = stageOf('gc-pause');
    expect(card(data, 'd1', 'token', 1604.382)).toBe('≥ 11');
    expect(card(data, 'd0', 'token', 1604.382)).toBe('–');
    expect(data.remarks).toContain("d1 rejects c0's write: token 2 is below the highest it has seen");
  });
});
