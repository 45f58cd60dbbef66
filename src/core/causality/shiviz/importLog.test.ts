/**
 * Goal: ShiViz's example logs import with the counts their README gives (events, hosts, executions), with
 * no problem, and the concurrent pairs agree with an oracle that compares the logged clocks directly.
 * Method: every file of test-data/shiviz with the parser (and delimiter) its README names; the oracle
 * parses with String.matchAll and JSON.parse and counts pairs whose clocks are incomparable entry-wise.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../job';
import { clockOf } from '../query';
import { importShiVizJob, importSummary, type ShiVizImport } from './importLog';
import type { ShiVizOptions } from './format';

const dir = resolve(__dirname, '../../../../test-data/shiviz');
const read = (file: string) => readFileSync(resolve(dir, file), 'utf8');

const LOGS: { file: string; options: ShiVizOptions; events: number; hosts: number; executions: number }[] = [
  {
    file: 'simple-reliable-broadcast.log', events: 39, hosts: 3, executions: 1,
    options: { regex: String.raw`\[\w+\] \[(?<date>([^ ]+ [^ ]+))\] [^ ]+ \[akka://Broadcast/user/(?<host>\w+)\] (?<clock>.*\}) (?<event>.*)` },
  },
  { file: 'chord.log', events: 1235, hosts: 8, executions: 1, options: { regex: String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)` } },
  { file: 'simpledb.log', events: 509, hosts: 5, executions: 1, options: { regex: String.raw`(?<event>.*)\n(?<host>\S*) (?<clock>{.*})` } },
  {
    file: 'multiple-comparison.log', events: 40, hosts: 3, executions: 5,
    options: {
      regex: String.raw`(?<ip>(\d{1,3}\.){3}\d{1,3}) (?<date>(\d{1,2}/){2}\d{4} (\d{2}:){2}\d{2} (AM|PM)) (?<action>(INFO|GET|POST)) (?<event>.*)\n(?<host>\w*) (?<clock>.*)`,
      delimiter: '^=== (?<trace>.*) ===$',
    },
  },
  { file: 'RpcClientServer.log', events: 10, hosts: 2, executions: 1, options: {} },
];

/** Concurrent pairs straight from the logged clocks: neither is <= the other entry-wise (missing = 0). */
function oraclePairs(text: string, options: ShiVizOptions): number {
  const body = text.trim();
  const parts = options.delimiter ? body.split(new RegExp(options.delimiter.replace(/\(\?<trace>/, '(?:'), 'gm')) : [body];
  let pairs = 0;
  for (const part of parts) {
    const clocks = [...part.matchAll(new RegExp(options.regex!, 'gm'))].map((m) => JSON.parse(m.groups!.clock) as Record<string, number>);
    const leq = (a: Record<string, number>, b: Record<string, number>) => Object.keys(a).every((h) => a[h] <= (b[h] ?? 0));
    for (let i = 0; i < clocks.length; i++) for (let j = i + 1; j < clocks.length; j++) if (!leq(clocks[i], clocks[j]) && !leq(clocks[j], clocks[i])) pairs++;
  }
  return pairs;
}

function imported(file: string, options: ShiVizOptions): ShiVizImport {
  return runJob(importShiVizJob(read(file), options));
}

describe('importShiVizJob on ShiViz example logs', () => {
  for (const log of LOGS) {
    it(`importShiVizJob(${log.file}) gives ${log.events} events, ${log.hosts} hosts, ${log.executions} execution(s), no problem, and the oracle's concurrent pairs`, () => {
      const result = imported(log.file, log.options);
      expect(result.refused).toBeUndefined();
      expect(result.problems).toEqual([]);
      const summary = importSummary(result);
      expect(summary).toMatchObject({ events: log.events, hosts: log.hosts, executions: log.executions });
      const options = log.options.regex ? log.options : { regex: String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)` };
      const text = log.options.regex ? read(log.file) : read(log.file).split('\n').slice(2).join('\n');
      expect(summary.concurrentPairs).toBe(oraclePairs(text, options));
    });
  }

  it('every event of chord.log gets back its logged clock from the rebuilt graph', () => {
    const text = read('chord.log');
    const regex = String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)`;
    const logged = new Map([...text.trim().matchAll(new RegExp(regex, 'gm'))].map((m) => {
      const clock = JSON.parse(m.groups!.clock) as Record<string, number>;
      return [`${m.groups!.host}:${clock[m.groups!.host]}`, clock];
    }));
    const { run } = imported('chord.log', { regex }).executions[0];
    const g = run.graph;
    for (let e = 0; e < g.count; e++) {
      const computed = clockOf(g, run.clocks, e);
      const named = Object.fromEntries(g.lanes.map((h, l) => [h, computed[l]]).filter(([, v]) => v !== 0));
      expect(named).toEqual(logged.get(`${g.lanes[g.lane[e]]}:${g.seq[e] + 1}`));
    }
  });

  it('multiple-comparison.log keeps its five executions by name, in log order', () => {
    const result = imported('multiple-comparison.log', LOGS[3].options);
    expect(result.executions.map((x) => x.label)).toEqual([
      'Base execution', 'Same as base', 'Different host from base', 'All events are different from base', 'Some events are different from base',
    ]);
    expect(result.executions[2].run.graph.lanes).toEqual(['seattle', 'paloAlto']);
    expect(result.executions[0].detail[0]).toMatch(/^ip: 72\.14\.255\.255; date: 4\/24\/2015 12:03:50 PM; action: INFO$/);
  });

  it('RpcClientServer.log is read in the upload format: the parser from line 1, anchored as ShiViz does, lines counted from the file', () => {
    const result = imported('RpcClientServer.log', {});
    expect(result.options).toEqual({ regex: String.raw`^(?<host>\S*) (?<clock>{.*})\n(?<event>.*)$` });
    const g = result.executions[0].run.graph;
    expect(g.lanes).toEqual(['client', 'server']);
    const first = g.laneEvents[g.laneOffsets[0]];
    expect(g.texts[g.text[first]]).toBe('Initialization Complete');
    expect(g.source[first]).toBe(4);
    expect(g.edgeCount).toBe(4);
  });

  it('simple-reliable-broadcast.log orders events by Lamport time: the axis is the longest chain to each event', () => {
    const { run } = imported('simple-reliable-broadcast.log', LOGS[0].options).executions[0];
    const g = run.graph;
    for (let e = 0; e < g.count; e++) expect(g.time[e]).toBe(run.clocks.lamport[e]);
    expect(run.timeUnit).toBe('step');
    expect(run.horizon).toBe(g.time[g.count - 1] + 1);
  });
});
