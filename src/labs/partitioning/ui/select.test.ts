/**
 * Selectors against a hand-built result (the shapes of result.ts, small and readable), and against the
 * real program once it runs (see the "program results" block, skipped while program.ts is a placeholder).
 */
import { describe, expect, it } from 'vitest';
import { layoutHeatmap } from '../../../viz/heatmap';
import { rankRow } from '../../../viz/compareTable/rank';
import { syntheticStage } from '../../../viz/stage/testing/synthetic';
import { layoutTimeSeries } from '../../../viz/timeSeries';
import { BUCKETS, STRATEGIES, type PartitioningResult } from '../result';
import { defaults, type PartitioningScenario } from '../scenario';
import { spec } from '../index';
import { plainContext } from '../../contract';
import { program } from '../program/program';
import { CHART_STEPS, editTime, mitigationsAt, onGrid, scriptItems, withoutEvent } from './script';
import { formatMs, heatmapLabel, nodeLabels, selectFindings, selectMarkers, selectNodeCharts } from './select';
import { selectFault, selectPhases, selectStrategyTable } from './tables';

/** A run of `nodes` nodes over BUCKETS buckets of 100 ms where n`hot` runs at 98% CPU from bucket 12. */
function fakeResult(nodes: number, hot = 3, directory = false): PartitioningResult {
  const rows = nodes + (directory ? 1 : 0);
  const count = BUCKETS;
  const cpu = new Float32Array(rows * count);
  for (let n = 0; n < rows; n++) for (let b = 0; b < count; b++) cpu[n * count + b] = n === hot && b >= 12 ? 98 : 31;
  const f32 = (v: number) => new Float32Array(count).fill(v);
  const row = (strategy: (typeof STRATEGIES)[number], k: number) => ({
    strategy, partitions: nodes * k, keyMaxOverMean: 1 + k / 10, keyStdevPct: 5 * k, requestMaxOverMean: 2 + k, requestStdevPct: 10 * k,
    rangeQueryNodes: k, movedOnJoinPct: 90 / k, movedOnLeavePct: 90 / k, lookupHops: strategy === 'directory' ? 2 : 1, lookupMs: k, lookupProbes: k,
  });
  return {
    lab: 'partitioning', traceHash: 'x', metrics: {}, endTime: 10_000, marks: new Float64Array(0),
    strategy: directory ? 'directory' : 'consistent', nodeCount: nodes, directoryNode: directory ? nodes : -1,
    keyCount: 1000, requestCount: 20_000, hotKeys: Uint32Array.of(42, 7), hotKeySharePct: Float64Array.of(20, 1.5),
    table: [row('mod-n', 1), row('range', 2), row('consistent', 3), row('directory', 4)],
    buckets: { count, widthMs: 100 },
    series: {
      cpuPctMax: f32(98), cpuPctP50: f32(31), queueMax: f32(40), queueP50: f32(1), latencyP99MaxMs: f32(120), latencyP99P50Ms: f32(5),
      top: [hot, 0, 1, 2, 4].map((node) => ({ node, served: 100, cpuPct: f32(31), queue: f32(1), latencyP50Ms: f32(2), latencyP99Ms: f32(5) })),
      directory: null,
    },
    perNode: { cpuPct: cpu, queueMax: new Uint32Array(rows * count), latencyP99Ms: new Float32Array(rows * count).fill(5), completed: new Uint32Array(rows * count) },
    cluster: {
      ok: new Uint32Array(count), failed: new Uint32Array(count), latencyP50Ms: f32(3), latencyP99Ms: f32(90),
      cacheHits: new Uint32Array(count), cacheStale: new Uint32Array(count), fanout: new Uint32Array(count),
    },
    detections: [
      { kind: 'queue', node: hot, t: 1300, untilT: 10_000, value: 41, baseline: 1 },
      { kind: 'cpu', node: hot, t: 1200, untilT: 4800, value: 98, baseline: 31 },
    ],
    hotNode: hot,
    stage: syntheticStage({ nodes: rows + 1, horizon: 10_000, messages: [] }),
    stageInfo: { kinds: [0, 4], queuePeak: 40, sampleEvery: 1, depthGapMs: 0 },
    phases: [
      { from: 0, to: 5000, eventIndex: -1, requests: 10_000, ok: 10_000, failed: 0, latencyP50Ms: 3, latencyP99Ms: 90, cpuPctMax: 98, cpuPctP50: 31, busiestNode: hot, cacheHitPct: 0, cacheStalePct: 0, fanoutPerRead: 0, fanoutExtra: 0 },
      { from: 5000, to: 10_000, eventIndex: 0, requests: 10_000, ok: 9_900, failed: 100, latencyP50Ms: 2.5, latencyP99Ms: 12, cpuPctMax: 55, cpuPctP50: 33, busiestNode: 1, cacheHitPct: 0, cacheStalePct: 0, fanoutPerRead: 8, fanoutExtra: 7000 },
    ],
    faults: [
      {
        t: 3000, type: 'crash', node: 3, requestsFailed: 57,
        byStrategy: [
          { strategy: 'mod-n', keysUnavailable: 0, keysRemapped: 900, directoryOutage: false },
          { strategy: 'range', keysUnavailable: 100, keysRemapped: 0, directoryOutage: false },
          { strategy: 'consistent', keysUnavailable: 0, keysRemapped: 100, directoryOutage: false },
          { strategy: 'directory', keysUnavailable: 0, keysRemapped: 100, directoryOutage: false },
        ],
      },
    ],
    totals: { sent: 20_000, ok: 19_900, failed: 100, reads: 18_000, writes: 2000, latencyP50Ms: 3, latencyP99Ms: 80, cacheHits: 0, cacheStale: 0, fanoutExtra: 7000, engineEvents: 60_000 },
  };
}

const saltAt5s: PartitioningScenario = { ...defaults, events: [{ t: 5000, type: 'salt', k: 8 }] };

describe('partitioning selectors', () => {
  it('formatMs reads as ms under a second and as seconds above', () => {
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(1200)).toBe('1.20 s');
    expect(formatMs(2.5)).toBe('2.5 ms');
    expect(formatMs(0.25)).toBe('0.25 ms');
    expect(formatMs(Number.NaN)).toBe('–');
    expect(formatMs(0)).toBe('0 s');
  });

  it('selectFindings puts the earliest detection first, in prose with the sign, the value and the median', () => {
    const findings = selectFindings(fakeResult(10));
    expect(findings.isHot).toBe(true);
    expect(findings.headline).toBe('n3 flagged hot at t = 1.20 s: CPU 98% vs median node 31% (cleared at 4.80 s).');
    expect(findings.details[0]).toContain('queue depth 41 waiting vs median node 1 waiting (still hot at the end of the run)');
    const calm = selectFindings({ ...fakeResult(10), detections: [], hotNode: -1 });
    expect(calm.isHot).toBe(false);
    expect(calm.headline).toMatch(/^No hot partition/);
  });

  it('selectNodeCharts shares the typed arrays, highlights the flagged node first, and names the directory', () => {
    const result = fakeResult(10, 3, true);
    const charts = selectNodeCharts(result);
    expect(charts.cpu.values).toBe(result.perNode.cpuPct);
    expect(charts.cpu.nodeCount).toBe(11);
    expect(charts.highlight[0]).toBe(3);
    expect(charts.highlight).toContain(10);
    const crashed = selectNodeCharts({ ...result, hotNode: -1, faults: [{ ...result.faults[0], node: 7 }] });
    expect(crashed.highlight[0]).toBe(7);
    expect(charts.labels[10]).toBe('directory');
    expect(charts.client.nodeCount).toBe(2);
    expect(charts.client.values[BUCKETS]).toBe(90);
  });

  it('selectMarkers puts scripted events on every chart and each sign\'s first detection on its own chart', () => {
    const markers = selectMarkers(fakeResult(10), saltAt5s);
    expect(markers.cpu.map((m) => m.label)).toEqual(['n3 hot', 'salt ×8']);
    expect(markers.queue.map((m) => m.t)).toEqual([1300, 5000]);
    expect(markers.latency.map((m) => m.label)).toEqual(['salt ×8']);
  });

  it('selectStrategyTable gives one measured column per strategy with the running one current', () => {
    const table = selectStrategyTable(fakeResult(10), defaults);
    expect(table.columns).toEqual(['hash mod N', 'range', 'consistent hashing', 'directory']);
    expect(table.currentColumn).toBe(2);
    const join = table.rows.find((r) => r.key === 'join')!;
    expect(join.values).toEqual([90, 45, 30, 22.5]);
    expect(join.help).toBe('ideal 1/11 = 9.1%; ▲ is nearest it');
    expect(table.rows.every((r) => r.values.length === 4 && r.values.every(Number.isFinite))).toBe(true);
  });

  it('the strategy table ranks keys moved by distance from the ideal 1/N: moving fewer keys is imbalance, not best', () => {
    const result = fakeResult(10);
    result.table = result.table.map((row, i) => ({ ...row, movedOnJoinPct: [91, 3, 9, 9.3][i], movedOnLeavePct: [90, 2, 10, 11][i] }));
    const table = selectStrategyTable(result, defaults);
    const ranks = (key: string) => rankRow(table.rows.find((r) => r.key === key)!.values, table.rows.find((r) => r.key === key)!.better);
    expect(ranks('join')).toEqual(['worst', null, 'best', null]);
    expect(ranks('leave')).toEqual(['worst', null, 'best', null]);
  });

  it('selectFault describes the crash at or before the playhead under every strategy', () => {
    const result = fakeResult(10);
    const fault = selectFault(result, 5000)!;
    expect(fault.title).toBe('n3 crashed at t = 3.00 s.');
    expect(fault.sentences[0]).toBe('Under hash mod N, 900 keys move to other nodes.');
    expect(fault.sentences[1]).toBe('Under range, 100 keys have no live owner.');
    expect(fault.sentences.at(-1)).toMatch(/^57 client requests failed/);
    expect(fault.table.rows[0].values).toEqual([0, 100, 0, 0]);
    expect(selectFault({ ...result, faults: [] }, 0)).toBeNull();
  });

  it('selectPhases names each phase by the event that opened it and shows the salting cost', () => {
    const phases = selectPhases(fakeResult(10), saltAt5s)!;
    expect(phases.columns).toEqual(['before (0 s–5.00 s)', 'after salt ×8 (5.00 s–10.00 s)']);
    expect(phases.rows.find((r) => r.key === 'fanoutExtra')!.values).toEqual([0, 7000]);
    expect(phases.rows.find((r) => r.key === 'busiest')!.format!(3)).toBe('n3');
    expect(selectPhases({ ...fakeResult(10), phases: fakeResult(10).phases.slice(0, 1) }, saltAt5s)).toBeNull();
  });

  it('withoutEvent removes one event; editTime rounds and clamps; scriptItems lists the script', () => {
    const later: PartitioningScenario = { ...saltAt5s, events: [{ t: 3000, type: 'crash', node: 2 }, ...saltAt5s.events, { t: 5000, type: 'cache', ttlMs: 100 }] };
    expect(withoutEvent(later, 1).events.map((e) => e.type)).toEqual(['crash', 'cache']);
    expect(editTime(1234.6, 10_000)).toBe(1235);
    expect(editTime(-3, 10_000)).toBe(0);
    expect(editTime(20_000, 10_000)).toBe(10_000);
    expect(scriptItems(later).map((i) => i.text)).toEqual(['3.00 s: crash n2', '5.00 s: salt ×8', '5.00 s: cache 100 ms']);
  });

  it('onGrid(t, endTime) puts t on a grid of CHART_STEPS steps: playing moves the Panel a step at a time', () => {
    expect(CHART_STEPS).toBe(1000);
    expect(onGrid(6004.9, 12_500)).toBe(6000);
    expect(onGrid(6006.3, 12_500)).toBe(6012.5);
    expect(onGrid(7, 0)).toBe(7);
  });

  it('mitigationsAt replays the script up to t', () => {
    const s: PartitioningScenario = {
      ...defaults,
      events: [{ t: 1000, type: 'crash', node: 2 }, { t: 2000, type: 'salt', k: 4 }, { t: 3000, type: 'recover', node: 2 }, { t: 4000, type: 'cache', ttlMs: 50 }],
    };
    expect(mitigationsAt(s, 2500)).toEqual({ saltK: 4, cacheTtlMs: 0, splits: 0 });
    expect(mitigationsAt(s, 5000)).toEqual({ saltK: 4, cacheTtlMs: 50, splits: 0 });
  });

  it('at 1,000 nodes the chart geometry is sized by pixels: a band, a few highlighted lines, heatmap rows <= pixel rows', () => {
    // Behaviour, not wall-clock (the machine is shared): what the main thread draws must not grow with nodes.
    const result = fakeResult(1000, 517);
    const labels = nodeLabels(result);
    const charts = selectNodeCharts(result);
    expect(charts.highlight.length).toBeLessThanOrEqual(4);
    const cpu = layoutTimeSeries({ matrix: charts.cpu, highlight: charts.highlight, labels, bandSeries: charts.cpuBand }, 900, 220);
    expect(cpu.isAggregated).toBe(true);
    expect(cpu.series.map((x) => x.node)).toEqual(charts.highlight);
    expect(cpu.columnCount).toBeLessThanOrEqual(Math.floor(cpu.frame.innerWidth / 2));
    const heat = layoutHeatmap({ matrix: charts.cpu, labels }, 900, 300);
    expect(heat.rows.length).toBeLessThanOrEqual(Math.floor(heat.frame.innerHeight / 3));
    expect(heat.levels.length).toBe(heat.rows.length * heat.columnCount);
    expect(heatmapLabel(result)).toBe('CPU % per node over time for 1,000 nodes: the hottest, n517, peaks at 98% at t = 1.20 s.');
  });
});

describe('partitioning selectors on program results', () => {
  const preset = (id: string) => spec.presets.find((p) => p.id === id)!.scenario;
  const run = (s: PartitioningScenario) => program(s, plainContext());

  it('one node melts: the finding names the hot node with the sign and the median, and every table cell is measured', () => {
    const result = run(preset('one-node-melts'));
    const findings = selectFindings(result);
    expect(findings.isHot).toBe(true);
    expect(findings.headline).toMatch(new RegExp(`^n${result.hotNode} flagged hot at t = .+: (CPU|queue depth|p99 latency) .+ vs median node .+\\.$`));
    const table = selectStrategyTable(result, preset('one-node-melts'));
    expect(table.rows.every((r) => r.values.length === 4 && r.values.every(Number.isFinite))).toBe(true);
    expect(selectNodeCharts(result).highlight[0]).toBe(result.hotNode);
  }, 30_000);

  it('salt the hot key: before and after are two phases, and the after phase shows the fan-out cost', () => {
    const scenario = preset('salt-hot-key');
    const phases = selectPhases(run(scenario), scenario)!;
    expect(phases.columns[0]).toMatch(/^before \(0 s–5\.00 s\)$/);
    expect(phases.columns[1]).toMatch(/^after salt ×8 \(5\.00 s–/);
    const extra = phases.rows.find((r) => r.key === 'fanoutExtra')!;
    expect(extra.values[0]).toBe(0);
    expect(extra.values[1]).toBeGreaterThan(0);
    expect(selectMarkers(run(scenario), scenario).cpu.some((m) => m.label === 'salt ×8' && m.t === 5000)).toBe(true);
  }, 30_000);

  it('a node crashes: the crash is described under every strategy, range leaves keys without an owner', () => {
    const result = run(preset('crash-a-node'));
    const fault = selectFault(result, 4000)!;
    expect(fault.title).toBe('n3 crashed at t = 3.00 s.');
    expect(fault.sentences.find((x) => x.startsWith('Under range'))).toMatch(/keys have no live owner/);
    expect(fault.table.rows[0].values[1]).toBeGreaterThan(0);
  }, 30_000);

  it('the directory goes down: only the directory strategy loses every key', () => {
    const result = run(preset('directory-outage'));
    const fault = selectFault(result, 5000)!;
    expect(fault.title).toBe('The directory crashed at t = 4.00 s.');
    expect(fault.sentences[3]).toBe('Under directory, every key is unreachable: the lookup service itself is down.');
    expect(fault.sentences[0]).toMatch(/no directory to lose/);
    expect(nodeLabels(result)[result.directoryNode]).toBe('directory');
  }, 30_000);

  it("maximum scale (1,000 nodes, 10^6 requests): the worker's band matches the band across nodes, and lines stay few", () => {
    const result = run(preset('maximum-scale'));
    const labels = nodeLabels(result);
    const charts = selectNodeCharts(result);
    const given = layoutTimeSeries({ matrix: charts.cpu, highlight: charts.highlight, labels, bandSeries: charts.cpuBand }, 900, 190);
    const computed = layoutTimeSeries({ matrix: charts.cpu, highlight: charts.highlight, labels }, 900, 190);
    // The chart draws the worker's per-bucket max and median; they must be the band the chart would compute.
    for (let c = 0; c < given.columnCount; c++) {
      expect(given.bandHiValue[c]).toBeCloseTo(computed.bandHiValue[c], 3);
      expect(given.medianValue[c]).toBeCloseTo(computed.medianValue[c], 1);
    }
    expect(given.series.length).toBeLessThanOrEqual(4);
    expect(selectFindings(result).isHot).toBe(true);
  }, 120_000);
});
