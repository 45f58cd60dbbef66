/**
 * Goal: both rings keep their keyboard on the figure's cursor: on the canvas ring the arrow keys walk the
 * bins around the circle (wrapping past the top), the tooltip reads the bin, Enter and a click select the
 * bin's owner; on the SVG ring the arrow keys move focus from node to node around the ring and Enter
 * selects. Method: render both in Chromium at a fixed size and dispatch real key and pointer events.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vizStyle } from '../shared/palette';
import { binKeys } from './bins';
import { RING_SIZE } from './geometry';
import { RingCanvas } from './RingCanvas';
import { RingSvg } from './RingSvg';
import type { RingKeys, RingPoints } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const style = vizStyle('light');
/** Three nodes, two vnodes each, evenly spread: owners 0, 1, 2, 0, 1, 2 clockwise from the top. */
const ring: RingPoints = { positions: Uint32Array.from([0, 1, 2, 3, 4, 5], (i) => (i * RING_SIZE) / 6 + 1000), owners: [0, 1, 2, 0, 1, 2] };
const keys: RingKeys = { positions: Uint32Array.from({ length: 60 }, (_, i) => (i * RING_SIZE) / 60), owners: new Uint8Array(60) };
const bins = binKeys(keys, ring, 12);
const names = ['n0', 'n1', 'n2'];

let container: HTMLDivElement;
let root: Root;
let selected: number[];

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function render(node: React.ReactNode): Promise<void> {
  await act(async () => root.render(node));
  for (let k = 0; k < 3; k++) await act(async () => frames());
}

async function key(target: Element, k: string): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

beforeEach(() => {
  selected = [];
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('RingCanvas on the figure (Chromium)', () => {
  it('the arrows walk the bins around the circle, the tooltip reads the bin, Enter and a click select its owner', async () => {
    await render(<RingCanvas bins={bins} nodeLabels={names} style={style} label="Ring of 12 arcs" width={300} height={300} onSelectNode={(n) => selected.push(n)} />);
    const plot = container.querySelector('svg[role="img"]')!;
    expect(plot.getAttribute('aria-label')).toBe('Ring of 12 arcs');
    expect(container.querySelector('canvas')!.getAttribute('aria-hidden')).toBe('true');
    await key(plot, 'ArrowRight');
    expect(container.querySelector('.viz-tooltip')!.textContent).toContain('0.0°–30.0° of the ring');
    await key(plot, 'ArrowLeft');
    expect(container.querySelector('.viz-tooltip')!.textContent).toContain('330.0°–360.0° of the ring');
    await key(plot, 'Enter');
    expect(selected).toEqual([bins.owners[11]]);
    // A click on the ring at 3 o'clock, with no hover before it (a tap): the bin at 90°..120°.
    const box = plot.getBoundingClientRect();
    await act(async () => {
      const at = { clientX: box.left + box.width / 2 + 100, clientY: box.top + box.height / 2 + 1, bubbles: true };
      plot.dispatchEvent(new MouseEvent('click', at));
    });
    expect(container.querySelector('.viz-tooltip')!.textContent).toContain('90.0°–120.0° of the ring');
    expect(selected).toEqual([bins.owners[11], bins.owners[3]]);
  });
});

describe('RingSvg on the figure (Chromium)', () => {
  it('the arrows move focus from node to node around the ring, Enter selects, the tooltip names the node', async () => {
    await render(<RingSvg ring={ring} nodeLabels={names} style={style} label="Ring of 3 nodes" width={320} height={320} onSelectNode={(n) => selected.push(n)} />);
    const options = () => [...container.querySelectorAll('[role="option"]')] as SVGGElement[];
    expect(options().map((o) => o.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    await act(async () => options()[0].focus());
    expect(container.querySelector('.viz-tooltip[role="tooltip"]')!.textContent).toContain('n0');
    await key(options()[0], 'ArrowLeft');
    expect(document.activeElement).toBe(options()[2]);
    await key(options()[2], 'ArrowDown');
    expect(document.activeElement).toBe(options()[0]);
    await key(options()[0], 'End');
    await key(options()[2], 'Enter');
    expect(selected).toEqual([2]);
  });
});
