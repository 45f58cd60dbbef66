import { describe, expect, it } from 'vitest';
import { showValueAt } from '../../../core/quorum';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import { OpKind } from '../result';
import { spec } from '../index';
import { describeRequest, overlapPair, overlapView, quorumDiagramData, quorumText, requestView, timelineColumns, verdictText } from './select';

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

  it('requestView(result, i) lists exactly the contacts of request i, and nothing past the end', () => {
    const result = run('abd');
    const i = 3;
    const view = requestView(result, i)!;
    const { contactStart } = result.requests;
    expect(view.rows).toHaveLength(contactStart[i + 1] - contactStart[i]);
    expect(view.rows.every((row) => /^n\d$/.test(row.node))).toBe(true);
    expect(view.rows.filter((row) => row.isCounted).length).toBeGreaterThanOrEqual(1);
    expect(requestView(result, result.requests.kind.length)).toBeUndefined();
  });
});

describe('quorums selectors for the diagrams', () => {
  it('quorumDiagramData(result, i, timeoutMs) has every node, flags the coordinator, and one contact per table row', () => {
    const result = run('abd');
    const i = 3;
    expect(result.requests.kind[i]).toBe(OpKind.read);
    const data = quorumDiagramData(result, i, 50)!;
    expect(data.nodes.map((n) => n.role)).toEqual(['replica', 'replica', 'replica', 'fallback', 'fallback']);
    expect(data.nodes.filter((n) => n.isCoordinator).map((n) => n.id)).toEqual([result.requests.coordinator[i]]);
    expect(data.contacts).toHaveLength(requestView(result, i)!.rows.length);
    expect(data.deadlineMs).toBe(result.requests.callMs[i] + 50);
    expect(data.chosen).toBe(showValueAt(result.requests.value[i], result.requests.version[i]));
    expect(quorumDiagramData(result, -1, 50)).toBeUndefined();
  });

  it('overlapView says W + R <= N when a W = R = 1 read set misses the last write set', () => {
    const result = run('w1-r1');
    const misses = [...result.requests.kind.keys()].map((i) => overlapView(result, i)).filter((v) => !('reason' in v) && v.both.length === 0);
    expect(misses.length).toBeGreaterThan(0);
    for (const v of misses) expect('explanation' in v && v.explanation).toContain('W + R = 2 ≤ N = 3');
  });

  it('overlapView names the fallbacks that stood in when a sloppy quorum\'s sets do not meet', () => {
    const result = run('sloppy-partition');
    const misses = [...result.requests.kind.keys()].map((i) => overlapView(result, i)).filter((v) => !('reason' in v) && v.both.length === 0);
    expect(misses.length).toBeGreaterThan(0);
    expect(misses.some((v) => 'explanation' in v && /fallbacks stood in \(n[34] for n\d/.test(v.explanation))).toBe(true);
    expect(misses.some((v) => 'explanation' in v && /n0, n1 did not answer the read in time/.test(v.explanation))).toBe(true);
  });

  it('overlapView catches an early-ack coordinator: a write set smaller than W', () => {
    const s = { ...spec.defaults, bug: 'early-ack' as const, seed: 4, latencyMsMax: 40, timeoutMs: 160 };
    const result = program(s, plainContext());
    const views = [...result.requests.kind.keys()].map((i) => overlapView(result, i)).filter((v) => !('reason' in v));
    expect(views.some((v) => 'data' in v && v.data.writeSet.length < result.w)).toBe(true);
    const misses = views.filter((v) => 'both' in v && v.both.length === 0);
    for (const v of misses) expect('explanation' in v && v.explanation).toContain('fewer than W = 2');
  });

  it('overlapPair gives a reason instead of a pair for a read with no earlier completed write', () => {
    const result = run('abd');
    const firstRead = result.requests.kind.indexOf(OpKind.read);
    const pair = overlapPair(result, firstRead);
    const earlier = [...result.requests.kind.keys()].some((i) => result.requests.kind[i] === OpKind.write && result.requests.retMs[i] < result.requests.callMs[firstRead]);
    expect('reason' in pair).toBe(!earlier);
  });

  it('timelineColumns(result) hands the request columns to the timeline without copying', () => {
    const result = run('abd');
    const h = timelineColumns(result);
    expect(h.call).toBe(result.requests.callMs);
    expect(h.flags).toBe(result.requests.isStale);
    expect(describeRequest(result, 0)).toMatch(/^c\d+ (read|write \d+) via n\d/);
  });
});
