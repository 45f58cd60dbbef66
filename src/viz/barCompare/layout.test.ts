import { describe, expect, it } from 'vitest';
import { layoutBarCompare } from './layout';

describe('layoutBarCompare', () => {
  it('layoutBarCompare(bars, ideal) scales widths on one 0..100% axis and places the ideal marker', () => {
    const layout = layoutBarCompare({ bars: [{ label: 'ring', value: 0.1 }, { label: 'mod N', value: 0.8 }], ideal: 0.1 }, 400, 100);
    const [ring, modN] = layout.bars;
    expect(modN.width).toBeCloseTo(8 * ring.width);
    expect(layout.idealX).toBeCloseTo(ring.x + ring.width);
    expect(ring.y).toBeLessThan(modN.y);
    expect(ring.valueText).toBe('10.0%');
    expect(layout.ticks[0].label).toBe('0%');
    expect(layout.ticks[layout.ticks.length - 1].label).toBe('100%');
  });

  it('layoutBarCompare clamps values past the axis and draws NaN as 0 wide', () => {
    const layout = layoutBarCompare({ bars: [{ label: 'a', value: 3 }, { label: 'b', value: Number.NaN }] }, 400, 100);
    expect(layout.bars[0].width).toBeCloseTo(layout.frame.innerWidth);
    expect(layout.bars[1].width).toBe(0);
    expect(layout.bars[1].valueText).toBe('–');
    expect(layout.idealX).toBeNull();
  });

  it('layoutBarCompare of no bars is empty', () => {
    expect(layoutBarCompare({ bars: [] }, 400, 100).bars).toEqual([]);
  });
});
