/**
 * The labs' fault events come from the engine's table (../sim/faultTable.ts). Goal: nothing a lab accepted
 * before the table changes meaning. Method: the derived specs are held to the shapes the labs declared by
 * hand before (field keys, kinds, limits), links written by the code before the table decode to the same
 * scenarios, and the cluster checks name the limit.
 */
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../app/links';
import type { EventSpec } from './contract';
import { GROUPS_PATTERN } from '../sim/faultTable';
import { checkFaultEvents, faultEventSpecs, labFaultTypes } from './faultEvents';
import { labs } from './registry';
import * as leaderFollower from './leaderFollower/scenario';
import * as multiLeader from './multiLeader/scenario';
import * as partitioning from './partitioning/scenario';
import * as quorums from './quorums/scenario';

/** What validation reads of a spec: type, and per field key, kind and limits. */
function accepted(specs: readonly EventSpec[]) {
  return specs.map((s) => [s.type, ...s.fields.map((f) => (f.kind === 'text' ? [f.key, f.kind, f.maxLength, f.pattern?.source] : [f.key, f.kind, f.min, f.max]))]);
}

const node = (max: number) => ['node', 'int', 0, max];
const groups = (maxLength: number) => ['groups', 'text', maxLength, GROUPS_PATTERN.source];

describe('faultEventSpecs (the labs as they were before the table)', () => {
  it('quorums and leader-follower: crash, recover, pause, resume on n0..n8, partition groups of 64 characters, heal (quorums beside the faults its stage added)', () => {
    const expected = [['crash', node(8)], ['recover', node(8)], ['pause', node(8)], ['resume', node(8)], ['partition', groups(64)], ['heal']];
    expect(accepted(quorums.events)).toEqual(expect.arrayContaining(expected));
    // Leader-follower's script also holds a client's one-off request (src/labs/requestEvents.ts).
    expect(accepted(leaderFollower.events)).toEqual([...expected, ['request', ['client', 'int', 0, 7], ['op', 'enum', undefined, undefined]]]);
  });

  it('multi-leader: still partition (32 characters), heal, crash and recover of regions 0..3, skew of ±100,000 ms (beside the faults its stage added)', () => {
    expect(accepted(multiLeader.events)).toEqual(expect.arrayContaining([
      ['partition', groups(32)], ['heal'], ['crash', node(3)], ['recover', node(3)], ['skew', node(3), ['ms', 'number', -100_000, 100_000]],
    ]));
    expect(multiLeader.events.find((e) => e.type === 'crash')!.label).toBe('Crash leader');
  });

  it('partitioning: crash and recover of nodes 0..1000 (the directory is index `nodes`), beside its own salt, split and cache', () => {
    expect(accepted(partitioning.events).map((e) => e[0])).toEqual(['crash', 'recover', 'salt', 'split', 'cache']);
    expect(accepted(partitioning.events).slice(0, 2)).toEqual([['crash', node(1000)], ['recover', node(1000)]]);
    expect(labFaultTypes(partitioning.events)).toEqual(['crash', 'recover']);
  });

  it('a lab may add any row of the table: link and clock faults come with their limits', () => {
    expect(accepted(faultEventSpecs(['slow', 'lossy', 'drift'], { nodeMax: 4 }))).toEqual([
      ['slow', node(4).with(0, 'from'), node(4).with(0, 'to'), ['ms', 'number', 0, 60_000]],
      ['lossy', node(4).with(0, 'from'), node(4).with(0, 'to'), ['loss', 'number', 0, 1]],
      ['drift', node(4), ['ppm', 'int', -500_000, 500_000]],
    ]);
  });
});

describe('old links with fault events (written by the code before the table) decode to the same scenarios', () => {
  const cases: [string, string, object][] = [
    [
      'quorums',
      '/quorums?v=1&z=Zc5NCsMgEIbhu3xrKfnd5CqlC7FDI7QqowZK6t07JLQGslGceXhxBWFqFeJ-GnKarcck84VckvF1hfN3UYNCEtXI9Q7yhmEdZxT1AxIQ0FUQdI60gQf7HCSGRrWfTvU4U042We9OvX68jH_GFPNrTx4_NdQQk_EL8UZkM9bNTPqJcivlCw',
      { ...quorums.defaults, events: [
        { t: 10, type: 'crash', node: 4 }, { t: 20, type: 'pause', node: 1 }, { t: 20, type: 'partition', groups: '0,1|2,3' },
        { t: 35.5, type: 'resume', node: 1 }, { t: 40, type: 'recover', node: 4 }, { t: 50, type: 'heal' }] },
    ],
    [
      'leader-follower',
      '/leader-follower?v=1&z=ZY_NCgMhDITfZc4eVm0v-yqlB7GhK7Qq_iwU67s31MMKe0nC5JsMaSCsUiCPasmb5AJW1nfyheVbwzOFGnnE8pVCQaAwvSzcP5HtiCYVV1zw6KLBhweLalDqoGwyeZuIyyD0fKdmOhFqSkqU63sgvNHTZiPzOsVrOVtt2Cmh38Wf4X-uvf8A',
      { ...leaderFollower.defaults, nodes: 5, events: [
        { t: 100, type: 'partition', groups: '0|1,2' }, { t: 120, type: 'crash', node: 2 }, { t: 130, type: 'pause', node: 4 },
        { t: 200, type: 'resume', node: 4 }, { t: 300, type: 'heal' }, { t: 310, type: 'recover', node: 2 }] },
    ],
    [
      'multi-leader',
      '/multi-leader?v=1&z=ZY7BDgIhDET_pWc0sOse3F8xHgg2u0QFUnCNQf7dCokh8dJJpm_ayYAwKwGxTYNOk_Uws7-hS2yfMtxZdmqScj8JcP7SIomnlKyvwAbEKz6hiAwL-UfgBMi3EgNUcOzAoCnZZL2rdDs3VOrQUYZ0XP-IY0cQGr8hVebbhfv9divqG5SzYGjhT9xmLOUD',
      { ...multiLeader.defaults, regions: 3, events: [
        { t: 100, type: 'skew', node: 1, ms: -1500.5 }, { t: 300, type: 'partition', groups: '0|1,2' }, { t: 400, type: 'crash', node: 2 },
        { t: 900, type: 'recover', node: 2 }, { t: 1500, type: 'heal' }] },
    ],
    [
      'partitioning',
      '/partitioning?v=1&z=VY2xCoQwEET_ZeoUOU6uyK8cFiEuKkoim0UIIf_uqo02y_LeMFNBcB-DfN9A0fOc4JTvFEXxvyKm4UxZA4H7Wns-ZVOEwD5PaKZigesu3z199qtc-lXxe0aYQtqJ0XrdF_ZCY1E8zCokcUFrBw',
      { ...partitioning.defaults, strategy: 'directory', events: [{ t: 3000, type: 'crash', node: 10 }, { t: 4000, type: 'salt', k: 4 }, { t: 6000, type: 'recover', node: 10 }] },
    ],
  ];
  it.each(cases)('%s', (_lab, link, scenario) => {
    const result = decodeLink(link, labs);
    expect(result.ok && result.scenario).toEqual(scenario);
  });
});

describe('checkFaultEvents(events, nodes, nodeRange) (the check against the cluster)', () => {
  it('names the node limit in the lab\'s words, and the groups problem', () => {
    const events = [{ t: 0, type: 'crash', node: 5 }, { t: 1, type: 'salt', k: 2 }, { t: 2, type: 'partition', groups: '0|5' }, { t: 3, type: 'cut', from: 0, to: 9 }];
    expect(checkFaultEvents(events, 5)).toEqual([
      { path: 'events[0].node', message: 'events[0].node must be a node n0..n4, got 5' },
      { path: 'events[2].groups', message: 'events[2].groups: partition groups must hold node ids 0..4, got "5" in "0|5"' },
      { path: 'events[3].to', message: 'events[3].to must be a node n0..n4, got 9' },
    ]);
    expect(checkFaultEvents(events.slice(0, 1), 3, 'a region 0..2')[0].message).toBe('events[0].node must be a region 0..2, got 5');
  });

  it('lab validation reports it with the range of this scenario', () => {
    const bad = (lab: { validate(input: unknown): { ok: boolean; issues?: { message: string }[] } }, scenario: object) => {
      const result = lab.validate(scenario);
      return result.ok ? [] : result.issues!.map((i) => i.message);
    };
    expect(bad(quorums, { ...quorums.defaults, events: [{ t: 1, type: 'pause', node: 7 }] })).toEqual(['events[0].node must be a node n0..n4, got 7']);
    expect(bad(multiLeader, { ...multiLeader.defaults, events: [{ t: 1, type: 'crash', node: 3 }] })).toEqual(['events[0].node must be a region 0..1, got 3']);
    expect(bad(partitioning, { ...partitioning.defaults, strategy: 'directory', events: [{ t: 1, type: 'crash', node: 11 }] })).toEqual([
      'events[0].node must be a node (n0..n9, or 10 for the directory), got 11',
    ]);
    expect(bad(multiLeader, { ...multiLeader.defaults, events: [{ t: 1, type: 'skew', node: 0, ms: 200_000 }] })).toEqual([
      'events[0].ms must be -100,000..100,000, got 200,000',
    ]);
  });
});
