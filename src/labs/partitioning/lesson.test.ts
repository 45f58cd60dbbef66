/**
 * Goal: every lesson step speaks of what is on screen when it is shown. Method: run each step's scenario,
 * write out what the page shows at the step's t (every node's card on the stage, the time readout, the
 * script, the narration's words for scripted events, the finding, and the tables below, through the same
 * selectors the Panel uses), then require every number in the text to be on that screen, and each claim
 * to hold where the text puts it (which node, which card, which row).
 */
import { describe, expect, it } from 'vitest';
import { fieldAt, fieldText, isInside } from '../../core/stage/query';
import { plainContext } from '../contract';
import { lesson } from './lesson';
import { program } from './program/program';
import type { PartitioningResult } from './result';
import { spec } from './index';
import { scriptItems } from './ui/script';
import { formatMs, hotKeySentence, selectFindings } from './ui/select';
import { selectFault, selectPhases, selectStrategyTable, type TableView } from './ui/tables';

const runs = new Map<string, PartitioningResult>();
const stepOf = (id: string) => lesson.find((x) => x.id === id)!;
function runOf(id: string): PartitioningResult {
  if (!runs.has(id)) runs.set(id, program(stepOf(id).scenario, plainContext()));
  return runs.get(id)!;
}

/** A node's card at t: name, waiting, cpu, HOT, down. */
function card(r: PartitioningResult, node: number, t: number): { waiting: number; cpu: number; hot: boolean; down: boolean; text: string } {
  const f = r.stage.fields;
  const value = (name: string) => {
    const row = fieldAt(f, node, f.names.indexOf(name), t);
    return row < 0 ? Number.NaN : f.value[row];
  };
  const hotRow = fieldAt(f, node, f.names.indexOf('hot'), t);
  const c = { waiting: value('waiting'), cpu: value('cpu'), hot: hotRow >= 0 && fieldText(f, hotRow) === 'hot', down: isInside(r.stage.crashes, node, t) };
  return { ...c, text: `${r.stage.nodeNames[node]} ${c.hot ? 'HOT ' : ''}waiting ${c.waiting} cpu ${Number.isFinite(c.cpu) ? `${c.cpu}%` : '–'}` };
}

function tableText(view: TableView | null): string {
  if (!view) return '';
  return view.rows.map((row) => `${row.label} ${row.help ?? ''} ${row.values.map((v) => (row.format ? row.format(v) : String(v))).join(' | ')}`).join('\n');
}

/** What the page shows for a step at its t, as text. */
function screen(id: string): string {
  const step = stepOf(id);
  const r = runOf(id);
  const t = step.t ?? 0;
  const f = selectFindings(r);
  return [
    // The time readout, "8000 / 12537 ms": the playhead at 8000 ms.
    `${Math.round(t)} / ${Math.round(r.endTime)} ms`,
    `${Math.round(t)} ms`,
    ...r.stage.nodeNames.map((_, node) => card(r, node, t).text),
    ...scriptItems(step.scenario).map((item) => item.text),
    ...r.stage.remarks,
    f.headline, ...f.details, hotKeySentence(r),
    `p50 ${formatMs(r.totals.latencyP50Ms)}, p99 ${formatMs(r.totals.latencyP99Ms)}`,
    tableText(selectStrategyTable(r, step.scenario)),
    tableText(selectPhases(r, step.scenario)),
    ...(selectFault(r, t)?.sentences ?? []),
  ].join('\n');
}

/**
 * Numbers as written ("1,250", "9.1%", "8000 ms"), with their unit when one follows; not the digits of a
 * name ("n6", "p50", "key-42").
 */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w.-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|\s(?:ms|s)\b)?/g)].map((m) => m[0]);
}

describe('lesson steps speak of what is on screen', { timeout: 60_000 }, () => {
  it('has 4-6 steps, each with a valid scenario, a t inside its run and nodes to highlight that the stage has', () => {
    expect(lesson.length).toBeGreaterThanOrEqual(4);
    expect(lesson.length).toBeLessThanOrEqual(6);
    for (const step of lesson) {
      expect(spec.validate(step.scenario).ok).toBe(true);
      const r = runOf(step.id);
      expect(step.t).toBeGreaterThan(0);
      expect(step.t).toBeLessThanOrEqual(r.endTime);
      expect(step.highlight?.nodes?.length).toBeGreaterThan(0);
      for (const name of step.highlight!.nodes!) expect(r.stage.nodeNames).toContain(name);
    }
  });

  it('the first step\'s scene is the lab\'s default, the one a visitor sees first', () => {
    expect(lesson[0].scenario).toEqual(spec.defaults);
  });

  it('numbersIn(text) reads numbers with their units, not the digits of names', () => {
    expect(numbersIn('At t = 8000 ms n2 has 1,250 keys, 9.1% and p50 at 4.4 ms, 8 salts, 3.00 s; n6, key-42.')).toEqual(['8000 ms', '1,250', '9.1%', '4.4 ms', '8', '3.00 s']);
  });

  it.each(lesson.map((s) => [s.id] as const))('%s: every number in the text is on screen at the step\'s t', (id) => {
    const shown = screen(id);
    const missing = numbersIn(stepOf(id).text).filter((n) => !shown.includes(n));
    expect(missing, shown).toEqual([]);
  });

  it('one-node-melts: at 8000 ms n2 is HOT at CPU 100% with 486 waiting; the other nine at 27-55% CPU, at most 2 waiting', () => {
    const r = runOf('one-node-melts');
    expect(card(r, 2, 8000)).toMatchObject({ cpu: 100, waiting: 486, hot: true });
    const others = Array.from({ length: 10 }, (_, n) => n).filter((n) => n !== 2).map((n) => card(r, n, 8000));
    expect(Math.min(...others.map((c) => c.cpu))).toBe(27);
    expect(Math.max(...others.map((c) => c.cpu))).toBe(55);
    expect(Math.max(...others.map((c) => c.waiting))).toBe(2);
    expect(hotKeySentence(r)).toContain('20.0%');
    expect([formatMs(r.totals.latencyP99Ms), formatMs(r.totals.latencyP50Ms)]).toEqual(['1.19 s', '4.4 ms']);
  });

  it('strategies: n7 HOT at 82% at 3000 ms; joins move 91.3% (mod N), 9.0% (ring), 3.1% (ranges); busiest >= 1.81x mean everywhere', () => {
    const r = runOf('strategies');
    expect(card(r, 7, 3000)).toMatchObject({ cpu: 82, hot: true });
    const by = Object.fromEntries(r.table.map((x) => [x.strategy, x]));
    expect([by['mod-n'].movedOnJoinPct, by.consistent.movedOnJoinPct, by.range.movedOnJoinPct].map((v) => v.toFixed(1))).toEqual(['91.3', '9.0', '3.1']);
    expect(Math.min(...r.table.map((x) => x.requestMaxOverMean)).toFixed(2)).toBe('1.81');
  });

  it('crash: under ranges n3 is down at 3500 ms, its 1,250 keys without an owner, 739 requests failed, dropped at its card', () => {
    const r = runOf('crash');
    expect(card(r, 3, 3500).down).toBe(true);
    const impact = r.faults[0].byStrategy;
    expect(impact.find((x) => x.strategy === 'range')!.keysUnavailable).toBe(1250);
    expect(impact.find((x) => x.strategy === 'consistent')!.keysRemapped).toBe(1051);
    expect(r.faults[0].requestsFailed).toBe(739);
    let dropped = 0;
    for (let row = 0; row < r.stage.messages.count; row++) if (r.stage.messages.fate[row] === 3 && r.stage.messages.to[row] === 3) dropped++;
    expect(dropped).toBeGreaterThan(600);
  });

  it('split: n7 is the busiest node at 89.6% before the split at 5 s; the busiest falls to 45.7% after', () => {
    const [before, after] = runOf('split').phases;
    expect([before.busiestNode, before.cpuPctMax.toFixed(1), after.cpuPctMax.toFixed(1)]).toEqual([7, '89.6', '45.7']);
  });

  it('salt: at 7500 ms n2 has 3 waiting at 65%, n5 and n6 at 100%; 2,821 extra sub-requests; salted reads fan out 8 ways', () => {
    const r = runOf('salt');
    expect(card(r, 2, 7500)).toMatchObject({ waiting: 3, cpu: 65 });
    expect([card(r, 5, 7500).cpu, card(r, 6, 7500).cpu]).toEqual([100, 100]);
    expect(r.phases[1].fanoutExtra).toBe(2821);
    expect(r.phases[1].fanoutPerRead).toBe(8);
    expect(stepOf('salt').scenario.writePct).toBeGreaterThan(50);
  });

  it('cache: 19.3% of reads hit, 12.1% stale; at 8000 ms n2 has 2 waiting at 38%', () => {
    const r = runOf('cache');
    expect([r.phases[1].cacheHitPct.toFixed(1), r.phases[1].cacheStalePct.toFixed(1)]).toEqual(['19.3', '12.1']);
    expect(card(r, 2, 8000)).toMatchObject({ waiting: 2, cpu: 38 });
  });
});
