/**
 * Goal: a malformed log is reported line by line with ShiViz's reasons, and the events that parse are still
 * drawn; a log over a limit is refused with the limit named. Method: small logs in the default format
 * (event text, then `host {clock}`), each broken in one way, checked for the problem's line and words and
 * for what is kept.
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../job';
import { eventName } from '../prose';
import { importShiVizJob, importSummary } from './importLog';
import { SHIVIZ_LIMITS } from './format';

const load = (lines: string[], options = {}) => runJob(importShiVizJob(lines.join('\n'), options));

describe('importShiVizJob on malformed logs', () => {
  it('a clock that is not JSON is reported on its line; the other events are kept', () => {
    const r = load(['start', 'a {"a":1}', 'oops', 'a {"a":2,}', 'next', 'b {"b":1}']);
    expect(r.problems).toEqual([{ line: 4, message: expect.stringMatching(/^the clock \{"a":2,\} is not JSON/) }]);
    expect(importSummary(r)).toMatchObject({ events: 2, hosts: 2 });
  });

  it('text the parser does not match (a truncated clock line) is reported where it starts', () => {
    const r = load(['start', 'a {"a":1}', 'oops', 'a {"a":2', 'next', 'b {"b":1}', 'trailing']);
    expect(r.problems).toEqual([
      { line: 3, message: 'this text is not read as an event (the parser regex does not match it)' },
      { line: 7, message: 'this text is not read as an event (the parser regex does not match it)' },
    ]);
    expect(importSummary(r).events).toBe(2);
  });

  it('a clock without its own host, or with a value that is not a whole number, or not an object, is reported', () => {
    const regex = String.raw`(?<event>.*)\n(?<host>\S*) (?<clock>.*)`;
    const r = load(['x', 'a {"b":1}', 'y', 'a {"a":1.5}', 'z', 'a {"a":-1}', 'w', 'a [1]'], { regex });
    expect(r.problems.map((p) => p.line)).toEqual([2, 4, 6, 8]);
    expect(r.problems[0].message).toMatch(/no entry for its own host "a"/);
    expect(r.problems[1].message).toMatch(/clock entry "a" is 1\.5; clock values are whole numbers from 0/);
    expect(r.problems[3].message).toMatch(/not a JSON object/);
    expect(r.executions).toEqual([]);
  });

  it('a host that starts above 1, repeats a value or skips one is reported, and its events still drawn', () => {
    const r = load(['p', 'a {"a":2}', 'q', 'a {"a":3}', 'r', 'b {"b":1}', 's', 'b {"b":1}', 't', 'b {"b":3}']);
    expect(r.problems).toEqual([
      { line: 2, message: 'host "a" starts at clock value 2; a host\'s clock values must start at 1' },
      { line: 8, message: 'host "b" has clock value 1 twice (line 6); each event of a host takes the next value' },
      { line: 10, message: 'host "b"\'s clock goes from 1 (line 8) to 3; it must grow by exactly 1 per event' },
    ]);
    expect(importSummary(r).events).toBe(5);
  });

  it('an entry naming an unknown host or a value that host never reached is reported', () => {
    const r = load(['a1', 'a {"a":1}', 'b1', 'b {"b":1, "zed":4}', 'b2', 'b {"b":2, "a":7}']);
    expect(r.problems).toEqual([
      { line: 4, message: 'the clock names host "zed", which has no events' },
      { line: 6, message: 'the clock gives host "a" the value 7, but that host has no event with that value' },
    ]);
  });

  it('a clock that is not the merge of its parents is reported with the clock it should have', () => {
    // c:1 receives from b:1, which had already received from a:1: c's clock must carry a's entry too.
    const r = load(['a sends', 'a {"a":1}', 'b receives', 'b {"a":1, "b":1}', 'c receives', 'c {"b":1, "c":1}']);
    expect(r.problems).toEqual([{
      line: 6,
      message: 'the clock {"b": 1, "c": 1} of host "c" is not the merge of its parents\' clocks; by ShiViz\'s rules it should be {"a": 1, "b": 1, "c": 1}',
    }]);
    const { graph } = r.executions[0].run;
    expect(graph.count).toBe(3);
    expect(graph.edgeCount).toBe(2);
  });

  it('clocks that make a cycle are reported at the earliest line, the cycle is cut there, and all events drawn', () => {
    // a:1 says it has seen b:2, and b:2 says it has seen a:1.
    const r = load(['a1', 'a {"a":1, "b":2}', 'b1', 'b {"b":1}', 'b2', 'b {"a":1, "b":2}']);
    expect(r.problems[0]).toEqual({ line: 2, message: expect.stringMatching(/intransitive: a cycle of happened-before/) });
    const { graph } = r.executions[0].run;
    expect(graph.count).toBe(3);
    expect(Array.from({ length: graph.count }, (_, e) => eventName(graph, e))).toEqual(['a:1', 'b:1', 'b:2']);
  });

  it('two executions with one name are both kept, the second renamed, and the clash reported on its delimiter line', () => {
    const r = load(['=== x ===', 'e', 'a {"a":1}', '=== x ===', 'f', 'a {"a":1}'], { delimiter: '^=== (?<trace>.*) ===$' });
    expect(r.executions.map((x) => x.label)).toEqual(['x', 'x (2)']);
    expect(r.problems).toEqual([{ line: 4, message: 'two executions are called "x" (ShiViz needs unique names); this one is shown as "x (2)"' }]);
  });

  it('a parser regex without the three named groups, or not a regex at all, refuses the log', () => {
    expect(load(['a', 'b'], { regex: '(?<host>\\S*) (?<clock>{.*})' }).refused?.message).toMatch(/lacks \(\?<event>…\)/);
    expect(load(['a', 'b'], { regex: '(?<event>(' }).refused?.message).toMatch(/^the parser regex is invalid/);
    expect(load(['a', 'b'], { delimiter: '[' }).refused?.message).toMatch(/^the delimiter regex is invalid/);
    expect(load(['nothing to see']).problems).toEqual([{ line: 1, message: 'the parser regex captures no events' }]);
  });
});

describe('importShiVizJob limits', () => {
  it(`a log with more than ${SHIVIZ_LIMITS.hostsMax} hosts is refused, naming hostsMax and the line`, () => {
    const lines = Array.from({ length: SHIVIZ_LIMITS.hostsMax + 1 }, (_, h) => [`e${h}`, `h${h} {"h${h}":1}`]).flat();
    const r = load(lines);
    expect(r.refused).toEqual({ line: 2 * SHIVIZ_LIMITS.hostsMax + 1, message: `the log has more than ${SHIVIZ_LIMITS.hostsMax} hosts (hostsMax)` });
    expect(r.executions).toEqual([]);
  });

  it(`a log with more than ${SHIVIZ_LIMITS.eventsMax.toLocaleString('en-US')} events is refused, naming eventsMax`, () => {
    const text = Array.from({ length: SHIVIZ_LIMITS.eventsMax + 1 }, (_, i) => `e\nh {"h":${i + 1}}`).join('\n');
    const r = runJob(importShiVizJob(text));
    expect(r.refused?.message).toBe('the log holds more than 200,000 events (eventsMax)');
    expect(r.refused?.line).toBe(2 * SHIVIZ_LIMITS.eventsMax + 1);
  });

  it('a text over textBytesMax is refused before it is read, its size counted in UTF-8 bytes', () => {
    const r = runJob(importShiVizJob('x'.repeat(SHIVIZ_LIMITS.textBytesMax + 1)));
    expect(r.refused?.message).toMatch(/at most 67,108,864 are accepted \(textBytesMax\)$/);
    // Under the limit in characters, over it in bytes: 3 bytes a character.
    const wide = runJob(importShiVizJob('€'.repeat(SHIVIZ_LIMITS.textBytesMax / 2)));
    expect(wide.refused?.message).toBe('the log is 100,663,296 bytes (UTF-8); at most 67,108,864 are accepted (textBytesMax)');
  });
});
