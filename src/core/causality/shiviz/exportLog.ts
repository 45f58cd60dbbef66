/**
 * Any run as a ShiViz log, in ShiViz's default format (two lines per event: its text, then `host {clock}`),
 * events in a topological order, clocks computed from the graph: each host's values start at 1 and grow by
 * 1, every entry names a host and a value that exist, and each clock is the merge of its parents', so
 * ShiViz's rules (and ./importLog.ts) accept it and rebuild the same happened-before relation.
 *
 * The format constrains the text: a host is `\S*` (whitespace becomes _, names are made unique), an event's
 * text is one line (line breaks become spaces), and a text line must not itself read as `host {clock}`
 * (the default parser would take it for one): when its first space is followed by "{", a space is doubled.
 */
import { runJob } from '../job';
import { clockOf } from '../query';
import type { CausalRun, Job } from '../types';
import { DEFAULT_REGEX } from './format';

export interface ExportOptions {
  /** Start with ShiViz's upload header (line 1 the parser, line 2 no delimiter). Default false. */
  upload?: boolean;
}

const SLICE = 2048;

/** The log in slices (10^5 events take longer than a main-thread task may). */
export function* exportShiVizJob(run: CausalRun, options: ExportOptions = {}): Job<string> {
  const g = run.graph;
  const hosts = hostNames(g.lanes);
  const clock = new Uint32Array(g.lanes.length);
  const lines: string[] = options.upload ? [DEFAULT_REGEX, ''] : [];
  for (let e = 0; e < g.count; e++) {
    clockOf(g, run.clocks, e, clock);
    const entries: string[] = [];
    for (let l = 0; l < clock.length; l++) if (clock[l] > 0) entries.push(`${JSON.stringify(hosts[l])}:${clock[l]}`);
    lines.push(eventLine(g.text[e] >= 0 ? g.texts[g.text[e]] : ''), `${hosts[g.lane[e]]} {${entries.join(', ')}}`);
    if ((e + 1) % SLICE === 0) yield (e + 1) / g.count;
  }
  return `${lines.join('\n')}\n`;
}

export function exportShiViz(run: CausalRun, options: ExportOptions = {}): string {
  return runJob(exportShiVizJob(run, options));
}

/** Lane names as ShiViz hosts: no whitespace, not empty, all different. */
export function hostNames(lanes: readonly string[]): string[] {
  const used = new Set<string>();
  return lanes.map((name) => {
    const base = name.replace(/\s+/g, '_') || 'host';
    let host = base;
    for (let k = 2; used.has(host); k++) host = `${base}_${k}`;
    used.add(host);
    return host;
  });
}

/** An event's text as one line that the default parser cannot mistake for a clock line. */
export function eventLine(text: string): string {
  const line = text.replace(/[\n\r\u2028\u2029]+/g, ' ').trim() || 'event';
  return /^\S* \{/.test(line) ? line.replace(' ', '  ') : line;
}
