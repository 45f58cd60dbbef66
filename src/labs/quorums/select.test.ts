import { describe, expect, it } from 'vitest';
import { plainContext } from '../contract';
import { program } from './program';
import { OpKind } from './result';
import { spec } from './scenario';
import { firstInterestingRequest, quorumText, requestView, verdictText } from './select';

const run = (id: string) => program(spec.presets.find((p) => p.id === id)!.scenario, plainContext()) as ReturnType<typeof program>;

describe('quorums selectors', () => {
  it('verdictText says linearizable for ABD and names the violation without the write-back', () => {
    expect(verdictText(run('abd'))).toContain('linearizable');
    expect(verdictText(run('abd'))).not.toContain('not linearizable');
    expect(verdictText(run('no-write-back'))).toContain('not linearizable');
  });

  it('quorumText explains the overlap when W + R > N and its absence otherwise', () => {
    expect(quorumText(run('abd'))).toMatch(/W \+ R = \d+ > N/);
    expect(quorumText(run('w1-r1'))).toMatch(/≤ N/);
  });

  it('firstInterestingRequest picks a stale read when the run has one', () => {
    const result = run('no-write-back');
    const i = firstInterestingRequest(result);
    expect(result.requests.kind[i]).toBe(OpKind.read);
    expect(requestView(result, i)!.isStale).toBe(result.requests.isStale.includes(1));
  });

  it('requestView(result, i) lists exactly the contacts of request i, and nothing past the end', () => {
    const result = run('abd');
    const i = firstInterestingRequest(result);
    const view = requestView(result, i)!;
    const { contactStart } = result.requests;
    expect(view.rows).toHaveLength(contactStart[i + 1] - contactStart[i]);
    expect(view.rows.every((row) => /^n\d$/.test(row.node))).toBe(true);
    expect(view.rows.filter((row) => row.isCounted).length).toBeGreaterThanOrEqual(1);
    expect(requestView(result, result.requests.kind.length)).toBeUndefined();
  });
});
