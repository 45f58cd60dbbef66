/**
 * Goal: the partitioning stage shows the run that was served: every request as a message to the node that
 * owns its key and a reply back, requests to a crashed node lost there, each node's queue depth as the
 * meters measured it, the detector's hot node flagged. Method: real runs of the presets, read through the
 * stage's own at-t queries; the stream merge and the depth grid on hand-made rows.
 */
import { describe, expect, it } from 'vitest';
import { fieldAt, fieldText, isInside } from '../../../core/stage/query';
import { Fate, REMARK_KIND } from '../../../core/stage/types';
import { TraceKind } from '../../../sim/traceKind';
import { plainContext } from '../../contract';
import { defaults, presets, type PartitioningScenario } from '../scenario';
import { program } from './program';
import { mergeStreams } from './stage';
import { DepthGrid, Kind, Rows } from './stageRecorder';

const preset = (id: string): PartitioningScenario => presets.find((p) => p.id === id)!.scenario;
const run = (s: PartitioningScenario) => program(s, plainContext());

// Whole preset runs (10^4 requests each): minutes on a saturated 2-core machine, so the time limit is generous.
describe('partitioning stage', { timeout: 90_000 }, () => {
  const r = run(defaults);
  const st = r.stage;
  const waiting = st.fields.names.indexOf('waiting');

  it('draws n0..n9 and the router; every request goes to a node and is answered back to the router', () => {
    expect(st.nodeNames).toEqual([...Array.from({ length: 10 }, (_, i) => `n${i}`), 'router']);
    expect(r.stageInfo.sampleEvery).toBe(1);
    const m = st.messages;
    expect(m.count).toBe(2 * defaults.requests);
    let requests = 0;
    for (let row = 0; row < m.count; row++) {
      const isReply = m.kind[row] === Kind.reply;
      expect(isReply ? m.to[row] : m.from[row]).toBe(10);
      expect(m.arrive[row] - m.send[row]).toBeCloseTo(defaults.hopMs, 9);
      expect(m.fate[row]).toBe(Fate.delivered);
      if (!isReply) requests++;
    }
    expect(requests).toBe(defaults.requests);
    expect(st.kinds.filter((_, k) => r.stageInfo.kinds.includes(k))).toEqual(['read', 'write', 'reply']);
  });

  it('messages name the hottest keys ("read key-4469") and only them: a few dozen labels, whatever the run\'s size', () => {
    const celebrity = r.hotKeys[0];
    expect(st.labels).toContain(`read key-${celebrity}`);
    expect(st.labels).toContain('read');
    expect(st.labels.length).toBeLessThanOrEqual(5 + 16 * 5);
    const named = st.labels.filter((l) => l.includes('key-')).map((l) => Number(l.split('key-')[1]));
    for (const key of named) expect(Array.from(r.hotKeys)).toContain(key);
  });

  it('a node\'s queue depth on its card peaks, per bucket, at what the meters measured (queueMax)', () => {
    const hot = r.hotNode;
    const f = st.fields;
    const slot = hot * f.names.length + waiting;
    const peak = new Float64Array(r.buckets.count);
    for (let k = f.offsets[slot]; k < f.offsets[slot + 1]; k++) {
      const b = Math.min(r.buckets.count - 1, Math.floor(f.time[k] / r.buckets.widthMs));
      peak[b] = Math.max(peak[b], f.value[k]);
    }
    expect(Array.from(peak)).toEqual(Array.from(r.perNode.queueMax.subarray(hot * r.buckets.count, (hot + 1) * r.buckets.count)));
    expect(r.stageInfo.queuePeak).toBe(Math.max(...r.perNode.queueMax));
  });

  it('the hot node reads \'hot\' from the detector\'s first sign on, and its cpu is the heatmap\'s cell', () => {
    const hot = r.hotNode;
    const t = r.buckets.widthMs * 2.5;
    expect(fieldText(st.fields, fieldAt(st.fields, hot, st.fields.names.indexOf('hot'), t))).toBe('hot');
    expect(fieldText(st.fields, fieldAt(st.fields, (hot + 1) % 10, st.fields.names.indexOf('hot'), t))).toBe('');
    const cpu = st.fields.value[fieldAt(st.fields, hot, st.fields.names.indexOf('cpu'), t)];
    expect(cpu).toBe(Math.round(r.perNode.cpuPct[hot * r.buckets.count + 2]));
  });

  it('Step walks the stage\'s events: every send and arrival is a mark', () => {
    expect(r.marks.length).toBeGreaterThan(st.events.count / 2);
    for (const row of [0, 1, 100, st.events.count - 1]) expect(r.marks).toContain(st.events.time[row]);
  });

  it('a crash: n3 is drawn down from 3 s to 6 s, and requests sent to it meanwhile are lost there', () => {
    const c = run(preset('crash-a-node')).stage;
    expect(isInside(c.crashes, 3, 3000)).toBe(true);
    expect(isInside(c.crashes, 3, 6000)).toBe(false);
    let lost = 0;
    for (let row = 0; row < c.messages.count; row++) {
      if (c.messages.fate[row] !== Fate.toCrashed) continue;
      expect(c.messages.to[row]).toBe(3);
      expect(c.messages.end[row]).toBeGreaterThanOrEqual(3000);
      expect(c.messages.end[row]).toBeLessThan(6000);
      lost++;
    }
    // Range placement keeps n3's keys on n3 (mod-N and the ring would re-place them): the preset is consistent.
    expect(lost).toBe(0);
    const ranged = run({ ...preset('crash-a-node'), strategy: 'range' });
    const failed = ranged.faults[0].requestsFailed;
    let toCrashed = 0;
    for (let row = 0; row < ranged.stage.messages.count; row++) if (ranged.stage.messages.fate[row] === Fate.toCrashed) toCrashed++;
    // Requests queued at n3 when it crashed fail without a message; the rest were sent to it while down.
    expect(toCrashed).toBeGreaterThan(0);
    expect(toCrashed).toBeLessThanOrEqual(failed);
  });

  it('the directory: lookups go router -> directory, then directory -> owner', () => {
    const d = run({ ...preset('directory-outage'), events: [] });
    expect(d.stage.nodeNames.slice(-2)).toEqual(['directory', 'router']);
    const m = d.stage.messages;
    const first = [0, 1, 2, 3, 4, 5].map((row) => `${d.stage.nodeNames[m.from[row]]}->${d.stage.nodeNames[m.to[row]]}:${d.stage.kinds[m.kind[row]]}`);
    expect(first.filter((x) => x.startsWith('router->directory')).every((x) => x.endsWith(':lookup'))).toBe(true);
    expect(first.some((x) => x.startsWith('directory->n'))).toBe(true);
    expect(d.stage.remarks).toEqual([]);
  });

  it('a salt event speaks in the narration, and salted reads fan out as one message per salt', () => {
    const s = run(preset('salt-hot-key'));
    expect(s.stage.remarks).toEqual(['the hot key is salted 8 ways: writes go to one salt, reads ask all 8']);
    expect(s.stageInfo.kinds).toContain(Kind.salted);
    const told = Array.from(s.stage.narrated).find((row) => s.stage.events.kind[row] === REMARK_KIND);
    expect(s.stage.events.time[told!]).toBe(5000);
  });
});

describe('stage rows', () => {
  it('mergeStreams(streams) orders rows by time, and at equal times early before now before late', () => {
    const [early, now, late] = [new Rows(), new Rows(), new Rows()];
    early.push(1, TraceKind.send, 0, 1, 0);
    early.push(2, TraceKind.send, 0, 1, 1);
    now.push(2, TraceKind.deliver, 0, 1, 0);
    now.push(3, TraceKind.send, 1, 0, 2);
    late.push(2, TraceKind.deliver, 1, 0, 9);
    late.push(3, TraceKind.deliver, 1, 0, 2);
    const t = mergeStreams([early, now, late]);
    expect(Array.from(t.time)).toEqual([1, 2, 2, 2, 3, 3]);
    expect(Array.from(t.payload)).toEqual([0, 1, 0, 9, 2, 2]);
  });

  it('DepthGrid(gap 0) keeps every change; DepthGrid(gap) the value at each grid line, written at most one line late', () => {
    const exact = new DepthGrid(1, 0);
    exact.set(0, 1, 5);
    exact.set(0, 0, 7);
    expect(Array.from(exact.rows.value.subarray(0, exact.rows.length))).toEqual([0, 1, 0]);
    const grid = new DepthGrid(1, 10);
    grid.set(0, 1, 3); // cell 0
    grid.set(0, 2, 4); // cell 0: the value at line 10 is 2...
    grid.set(0, 3, 25); // ...written now; cell 2
    grid.set(0, 0, 26);
    grid.finish(); // the value at line 30 is 0
    const rows = grid.rows;
    expect(Array.from(rows.time.subarray(0, rows.length))).toEqual([0, 10, 30]);
    expect(Array.from(rows.value.subarray(0, rows.length))).toEqual([0, 2, 0]);
  });
});
