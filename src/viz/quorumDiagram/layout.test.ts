import { describe, expect, it } from 'vitest';
import { diagramHeight, layoutOverlap, layoutQuorumDiagram, ROW_PX } from './layout';
import type { QuorumDiagramData } from './types';

const nodes = [0, 1, 2, 3].map((id) => ({ id, label: `n${id}`, role: id < 3 ? ('replica' as const) : ('fallback' as const), isCoordinator: id === 2 }));
const contact = (node: number, phase: number, sentMs: number, replyMs: number, isCounted = true) => ({ node, phase, sentMs, replyMs, label: '', isCounted, isBehind: false, hintFor: -1 });

/** A read via n2: query at 0 (n1 silent), write-back at 6, answered at 9. */
const read: QuorumDiagramData = {
  nodes,
  phaseNames: ['query', 'store', 'write-back', 'repair'],
  callMs: 0,
  retMs: 9,
  deadlineMs: 50,
  contacts: [contact(0, 0, 0, 4), contact(1, 0, 0, NaN, false), contact(2, 0, 0, 3), contact(0, 2, 4, 8), contact(2, 2, 4, 9)],
  outcome: 'ok',
  chosen: '',
  isStale: false,
};

describe('quorum diagram layout', () => {
  it('layoutQuorumDiagram puts the coordinator in the first row and the others by id', () => {
    const layout = layoutQuorumDiagram(read, 600);
    expect(layout.rows).toEqual([2, 0, 1, 3]);
    expect(layout.rowY.get(0)! - layout.rowY.get(2)!).toBe(ROW_PX);
    expect(diagramHeight(read)).toBe(layout.frame.height);
  });

  it('a silent contact runs to the deadline; a replied one ends at its reply', () => {
    const layout = layoutQuorumDiagram(read, 600);
    const right = layout.frame.left + layout.frame.innerWidth;
    expect(layout.bars[1].isSilent).toBe(true);
    expect(layout.bars[1].x1).toBeCloseTo(right);
    expect(layout.bars[0].isSilent).toBe(false);
    expect(layout.bars[0].x1).toBeLessThan(layout.bars[3].x1);
    // Queries run on the upper track of a row, the second round on the lower one.
    expect(layout.bars[0].y).toBeLessThan(layout.bars[3].y);
  });

  it('marks the call, each phase start once (a phase starting with the call shares nothing but the time), and the answer', () => {
    const layout = layoutQuorumDiagram(read, 600);
    expect(layout.marks.map((m) => `${m.kind}:${m.label}`)).toEqual(['call:call', 'phase:query', 'phase:write-back', 'answer:answer']);
    const timedOut = layoutQuorumDiagram({ ...read, retMs: NaN }, 600);
    expect(timedOut.marks.at(-1)!.kind).toBe('deadline');
  });

  it('layoutOverlap(data) finds the nodes in both sets', () => {
    const { cells, both } = layoutOverlap({ nodes, readSet: [0, 2], writeSet: [1, 2], readName: 'r', writeName: 'w' }, 500);
    expect(both).toEqual([2]);
    expect(cells.map((c) => (c.isRead ? 'R' : '') + (c.isWrite ? 'W' : ''))).toEqual(['R', 'W', 'RW', '']);
    expect(cells[1].cx).toBeGreaterThan(cells[0].cx);
  });
});
