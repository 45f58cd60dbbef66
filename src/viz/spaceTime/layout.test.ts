/**
 * Goal: a frame holds exactly what the window shows, at a cost that follows pixels. Method: a big
 * synthetic run (50 lanes x 10^4 events) and a tiny known one; frames compared with a brute-force filter
 * of events and edges in the window; the cone's marks compared with the core's sideOf; keyboard commands
 * and hit testing checked on the tiny run.
 */
import { describe, expect, it } from 'vitest';
import { computeClocks } from '../../core/causality/clocks';
import { edgeIndex } from '../../core/causality/edgeIndex';
import { coneOf, sideOf } from '../../core/causality/query';
import { noMarks } from '../../core/causality/shiviz/importLog';
import { bigRun } from '../../core/causality/testing/bigRun';
import { graphOf } from '../../core/causality/testing/randomGraph';
import type { CausalRun } from '../../core/causality/types';
import { keyCommand } from './keys';
import { createFrame, frameCapacity, layoutFrame, Mark, PLAIN_EDGES_MAX } from './layout';
import { eventAtPoint } from './nav';
import { initialView, spaceTimeGeometry, xOf, yOf, zoomAt } from './view';

const g = spaceTimeGeometry(1000, 800); // 50 lanes of 15 px: all in view
const big = bigRun(50, 10_000);

describe('layoutFrame', () => {
  it('zoomed in, places every event and edge of the window once, at its time and lane', () => {
    const view = zoomAt(initialView(50, big.horizon, g), 0.05, 5000);
    const frame = createFrame(frameCapacity(g, view.laneHeight), 50);
    layoutFrame(big, view, g, frame);
    const graph = big.graph;
    const expected: number[] = [];
    for (let e = 0; e < graph.count; e++) if (graph.time[e] >= view.t0 && graph.time[e] <= view.t1) expected.push(e);
    expect([...frame.event.subarray(0, frame.eventCount)].sort((a, b) => a - b)).toEqual(expected);
    const i = frame.eventCount >> 1;
    expect(frame.ex[i]).toBe(Math.round(xOf(view, g, graph.time[frame.event[i]])));
    let edges = 0;
    for (let k = 0; k < graph.edgeCount; k++) if (graph.time[graph.edgeTo[k]] >= view.t0 && graph.time[graph.edgeFrom[k]] <= view.t1) edges++;
    expect(frame.edgesInWindow).toBe(edges);
    expect(frame.edgeCount).toBe(edges);
    expect(frame.edgeStride).toBe(1);
  });

  it('zoomed out, draws at most one event per lane column and a stable sample of edges', () => {
    const view = initialView(50, big.horizon, g);
    const frame = createFrame(frameCapacity(g, view.laneHeight), 50);
    layoutFrame(big, view, g, frame);
    expect(frame.eventsInWindow).toBe(big.graph.count);
    expect(frame.eventCount).toBeLessThan(big.graph.count);
    expect(frame.eventCount).toBeLessThanOrEqual(50 * (g.plotWidth / 2 + 2));
    expect(frame.edgeCount).toBeLessThanOrEqual(PLAIN_EDGES_MAX + 200);
    const drawn = new Set(frame.edge.subarray(0, frame.edgeCount));
    layoutFrame(big, { ...view, t0: view.t0 + 10, t1: view.t1 + 10 }, g, frame);
    const again = [...frame.edge.subarray(0, frame.edgeCount)].filter((k) => drawn.has(k)).length;
    expect(again / frame.edgeCount).toBeGreaterThan(0.9);
    expect(frame.isCapped).toBe(false);
  });

  it('with a selection, marks each drawn event by its side of the cone, and always draws the cone edges', () => {
    const view = zoomAt(initialView(50, big.horizon, g), 0.02, 5000);
    const cone = coneOf(big.graph, big.clocks, 5000);
    const frame = createFrame(frameCapacity(g, view.laneHeight), 50);
    layoutFrame(big, view, g, frame, cone);
    const names = ['plain', 'past', 'future', 'concurrent', 'self'];
    for (let i = 0; i < frame.eventCount; i++) expect(names[frame.eventMark[i]]).toBe(sideOf(big.graph, cone, frame.event[i]));
    expect([...frame.eventMark.subarray(0, frame.eventCount)]).toContain(Mark.self);
  });
});

describe('keys and hit testing', () => {
  const graph = graphOf({ lanes: 2, events: [{ lane: 0, parents: [], text: 'a' }, { lane: 1, parents: [0], text: 'b' }, { lane: 0, parents: [], text: 'c' }] });
  const run: CausalRun = { graph, clocks: computeClocks(graph), marks: noMarks(2), edges: edgeIndex(graph), timeUnit: 'ms', horizon: 3 };
  const view = initialView(2, run.horizon, g);
  const press = (key: string, focus: number, shiftKey = false) => keyCommand({ key, shiftKey, ctrlKey: false, metaKey: false, altKey: false }, graph, focus, view, g);

  it('keyCommand moves along and across lanes, selects with Enter, compares with Shift+Enter, zooms with +', () => {
    expect(press('ArrowRight', 0)?.focus).toBe(2);
    expect(press('ArrowDown', 0)?.focus).toBe(1);
    expect(press('ArrowUp', 1)?.focus).toBe(0);
    expect(press('End', 0)?.focus).toBe(2);
    expect(press('Enter', 1)).toEqual({ focus: 1, select: 'a' });
    expect(press('Enter', 1, true)).toEqual({ focus: 1, select: 'b' });
    const zoomed = press('+', 1)!.view!(view);
    expect(zoomed.t1 - zoomed.t0).toBeCloseTo((view.t1 - view.t0) / 2);
    expect(press('q', 1)).toBeUndefined();
    expect(keyCommand({ key: 'ArrowRight', shiftKey: false, ctrlKey: true, metaKey: false, altKey: false }, graph, 0, view, g)).toBeUndefined();
  });

  it('eventAtPoint finds the event under a point within 7 px on its lane, and nothing elsewhere', () => {
    const x = xOf(view, g, graph.time[1]);
    const y = yOf(view, g, 1);
    expect(eventAtPoint(graph, view, g, x + 5, y + 3)).toBe(1);
    expect(eventAtPoint(graph, view, g, x + 60, y)).toBe(-1);
    expect(eventAtPoint(graph, view, g, x, y + 400)).toBe(-1);
  });
});
