/**
 * Goal: any run exported as a ShiViz log is accepted by ShiViz's rules (our import reports no problem) and
 * rebuilds the same events, texts and clocks, hence the same happened-before relation. Method: random
 * graphs (fast-check, fixed seed) with hostile event texts (line breaks, braces, quotes, leading "x {"),
 * exported, imported, compared event by event by their ShiViz name host:counter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClocks } from '../clocks';
import { edgeIndex } from '../edgeIndex';
import { runJob } from '../job';
import { eventName } from '../prose';
import { clockOf } from '../query';
import { graphOf, graphSpec } from '../testing/randomGraph';
import type { CausalGraph, CausalRun, VectorClocks } from '../types';
import { eventLine, exportShiViz, hostNames } from './exportLog';
import { importShiVizJob, noMarks } from './importLog';

function runOf(g: CausalGraph): CausalRun {
  return { graph: g, clocks: computeClocks(g), marks: noMarks(g.lanes.length), edges: edgeIndex(g), timeUnit: 'ms', horizon: g.count };
}

/** Every event by name: its text and its clock as {host: value}. */
function byName(g: CausalGraph, c: VectorClocks): Map<string, { text: string; clock: Record<string, number> }> {
  const out = new Map<string, { text: string; clock: Record<string, number> }>();
  for (let e = 0; e < g.count; e++) {
    const clock = clockOf(g, c, e);
    const named: Record<string, number> = {};
    g.lanes.forEach((lane, l) => {
      if (clock[l] > 0) named[lane] = clock[l];
    });
    out.set(eventName(g, e), { text: g.texts[g.text[e]], clock: named });
  }
  return out;
}

const hostile = fc.string({ unit: fc.constantFrom('a', ' ', '{', '}', '"', ':', '\n', '\r', '\u2028', 'é'), maxLength: 12 });

describe('exportShiViz', () => {
  it('exportShiViz(run) imports back with no problem, the same events, texts (one line each) and clocks', () => {
    fc.assert(fc.property(graphSpec(5, 80, hostile), fc.boolean(), (spec, upload) => {
      fc.pre(spec.events.length > 0); // an empty log has no events to read, for ShiViz too
      const run = runOf(graphOf(spec));
      const text = exportShiViz(run, { upload });
      const back = runJob(importShiVizJob(text));
      expect(back.problems).toEqual([]);
      const original = byName(run.graph, run.clocks);
      const rebuilt = byName(back.executions[0].run.graph, back.executions[0].run.clocks);
      expect(rebuilt.size).toBe(original.size);
      for (const [name, { text: words, clock }] of original) {
        expect(rebuilt.get(name)).toEqual({ text: eventLine(words), clock });
      }
    }), { seed: 20261125, numRuns: 150 });
  });

  it('eventLine keeps a text on one line and never lets it read as "host {clock}"', () => {
    expect(eventLine('send {x}')).toBe('send  {x}');
    expect(eventLine(' {"a":1}')).toBe('{"a":1}');
    expect(eventLine('a\nb {"a":1}')).toBe('a b {"a":1}');
    expect(eventLine('')).toBe('event');
    expect(/^\S* \{/.test(eventLine('x {y}'))).toBe(false);
  });

  it('hostNames turns lane names into distinct hosts without whitespace', () => {
    expect(hostNames(['n 0', 'n_0', '', 'c1'])).toEqual(['n_0', 'n_0_2', 'host', 'c1']);
  });

  it('exportShiViz writes the upload header ShiViz reads: the default parser on line 1, no delimiter on line 2', () => {
    const run = runOf(graphOf({ lanes: 2, events: [{ lane: 0, parents: [], text: 'hello' }, { lane: 1, parents: [0], text: 'got it' }] }));
    expect(exportShiViz(run, { upload: true })).toBe('(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})\n\nhello\np0 {"p0":1}\ngot it\np1 {"p0":1, "p1":1}\n');
  });
});
