/**
 * The narration's words for client rows, read off real runs: the default cut (CP refuses n3's clients),
 * and n1 crashed at 100 ms (its clients are refused at once). Every other row keeps the templates.
 */
import { describe, expect, it } from 'vitest';
import { Kind, sentence } from '../../../viz/narration';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import type { CapStage } from '../result';
import { defaults } from '../scenario';
import { capWords } from './words';

const [cp, ap] = program(defaults, plainContext()).stages;

/** Sentences (without times) of the rows of `kind` in [from, to) ms, coordinated by `node`. */
function said(stage: CapStage, kind: number, node: number, from = 0, to = Infinity): string[] {
  const words = capWords(stage);
  const ev = stage.stage.events;
  const out: string[] = [];
  for (let row = 0; row < ev.count; row++) {
    if (ev.kind[row] !== kind || ev.time[row] < from || ev.time[row] >= to) continue;
    if (stage.requests.coordinator[ev.payload[row]] === node) out.push(words(row)!);
  }
  return out;
}

describe('cap narration words', () => {
  it('a client asking: "c3 asks n3 to read" or "... to write 12"', () => {
    for (const text of said(cp, Kind.invoke, 3)) expect(text).toMatch(/^c3 asks n3 to (read|write \d+)$/);
  });

  it("CP during the cut: n3 refuses c3's requests for want of a quorum; n0 answers c0 with a value@counter", () => {
    const refused = said(cp, Kind.fail, 3, 150, 450);
    expect(refused.length).toBeGreaterThan(0);
    for (const text of refused) expect(text).toMatch(/^n3 refuses c3's (read|write \d+): no quorum$/);
    for (const text of said(cp, Kind.ok, 0, 150, 450)) expect(text).toMatch(/^n0 (answers c0's read|acknowledges c0's write): (nil|\d+@\d+)$/);
  });

  it('AP during the cut: n3 answers its clients', () => {
    expect(said(ap, Kind.fail, 3, 150, 450)).toEqual([]);
    expect(said(ap, Kind.ok, 3, 150, 450).length).toBeGreaterThan(0);
  });

  it("a crashed coordinator: “n1 is down: c1's read is refused” once it is down, no answer to what it held", () => {
    const [crashed] = program({ ...defaults, ops: 60, events: [{ t: 100, type: 'crash', node: 1 }] }, plainContext()).stages;
    const refused = said(crashed, Kind.fail, 1, 100 + defaults.timeoutMs + 1);
    expect(refused.length).toBeGreaterThan(0);
    for (const text of refused) expect(text).toMatch(/^n1 is down: c1's (read|write \d+) is refused$/);
    for (const text of said(crashed, Kind.fail, 1, 100, 100 + defaults.timeoutMs + 1)) expect(text).toMatch(/^n1 (crashed: c1 gets no answer to its|is down: c1's) /);
  });

  it('rows the lab has no words for keep the templates: "n3 sends get to n0"', () => {
    const ev = cp.stage.events;
    let row = 0;
    while (!(ev.kind[row] === Kind.send && ev.from[row] === 3 && ev.to[row] === 0)) row++;
    expect(capWords(cp)(row)).toBeUndefined();
    expect(sentence(cp.stage, row, capWords(cp))).toMatch(/^\d+\.\d{3} ms: n3 sends get to n0$/);
  });
});
