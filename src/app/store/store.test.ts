/**
 * The store's rules with a fake lab and a fake runner (no worker, no DOM): every edit validates, pushes
 * undo, writes the link and re-runs; stale results are ignored; what-if inserts land at the playhead.
 */
import type { StageData } from '../../core/stage/types';
import { beforeEach, describe, expect, it } from 'vitest';
import { plainContext, type BaseScenario, type LabSpec } from '../../labs/contract';
import { fakeLab, fakeProgram, type FakeScenario } from '../../worker/testing/fakeLab';
import { defaultPresentation } from '../links/presentation';
import { createAppStore, type AppStore } from './createAppStore';
import { insertEventAt, nextMark, prevMark } from './events';
import type { RunOutcome, StoreDeps } from './types';

interface Pending {
  scenario: BaseScenario;
  resolve: (o: RunOutcome) => void;
  onProgress: (f: number) => void;
}

let store: AppStore;
let links: string[];
let pending: Pending[];
let spec: LabSpec;

function settle(index = pending.length - 1): Promise<void> {
  const run = pending[index];
  const result = fakeProgram(run.scenario as FakeScenario, plainContext());
  run.resolve({ kind: 'done', result });
  return new Promise((r) => setTimeout(r, 0));
}

beforeEach(() => {
  links = [];
  pending = [];
  spec = fakeLab() as unknown as LabSpec;
  const deps: StoreDeps = {
    // A getter: a test may swap `spec` after the store is built (the stepped-lab test does).
    get labs() {
      return [spec];
    },
    runner: { run: (_lab, scenario, onProgress) => new Promise((resolve) => pending.push({ scenario, resolve, onProgress })) },
    writeLink: (_spec, scenario) => links.push(`items=${(scenario as FakeScenario).items}&events=${scenario.events.length}`),
  };
  store = createAppStore(deps, { ...defaultPresentation });
});

const items = () => (store.getState().scenario as FakeScenario).items;

describe('scenario slice', () => {
  it('openLab(id) loads the defaults, writes the link and runs', async () => {
    store.getState().openLab('fake');
    expect(items()).toBe(10);
    expect(links).toEqual(['items=10&events=0']);
    expect(store.getState().runState).toBe('running');
    await settle();
    expect(store.getState().runState).toBe('idle');
    expect(store.getState().result?.metrics.items).toBe(10);
  });

  it('editScenario(label, edit) validates, pushes undo, clears redo, writes the link, re-runs', async () => {
    store.getState().openLab('fake');
    await settle();
    const outcome = store.getState().editScenario('set items to 20', (s) => ({ ...s, items: 20 }) as BaseScenario);
    expect(outcome).toEqual({ ok: true });
    expect(items()).toBe(20);
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['set items to 20']);
    expect(links.at(-1)).toBe('items=20&events=0');
    expect(pending).toHaveLength(2);
    expect(store.getState().announcement).toBe('set items to 20.');
  });

  it('editScenario(over the limit) is refused with the limit named, and nothing changes', () => {
    store.getState().openLab('fake');
    const outcome = store.getState().editScenario('too many', (s) => ({ ...s, items: 5000 }) as BaseScenario);
    expect(outcome).toEqual({ ok: false, issues: [{ path: 'items', message: 'items must be 1..1000, got 5000' }] });
    expect(items()).toBe(10);
    expect(store.getState().undoStack).toEqual([]);
    expect(pending).toHaveLength(1);
  });

  it('editScenario(in-place mutation) cannot corrupt the undo history', () => {
    store.getState().openLab('fake');
    store.getState().editScenario('mutate', (s) => {
      (s as FakeScenario).items = 30;
      return s;
    });
    expect(items()).toBe(30);
    expect((store.getState().undoStack[0].scenario as FakeScenario).items).toBe(10);
  });

  it('undo() and redo() walk the stacks, each writing the link and re-running', () => {
    store.getState().openLab('fake');
    store.getState().editScenario('a', (s) => ({ ...s, items: 20 }) as BaseScenario);
    store.getState().editScenario('b', (s) => ({ ...s, items: 30 }) as BaseScenario);
    store.getState().undo();
    expect(items()).toBe(20);
    store.getState().undo();
    expect(items()).toBe(10);
    store.getState().undo(); // nothing left: no-op
    expect(items()).toBe(10);
    store.getState().redo();
    expect(items()).toBe(20);
    expect(store.getState().redoStack.map((e) => e.label)).toEqual(['b']);
    expect(links.at(-1)).toBe('items=20&events=0');
    expect(pending).toHaveLength(6);
    store.getState().editScenario('c', (s) => ({ ...s, items: 40 }) as BaseScenario);
    expect(store.getState().redoStack).toEqual([]);
  });

  it('insertEvent(e) while scrubbed back to t inserts at t, among existing events, undoably', async () => {
    store.getState().openLab('fake', { seed: 1, events: [{ t: 1, type: 'poke' }, { t: 5, type: 'poke' }], items: 10 } as BaseScenario);
    await settle();
    store.getState().setTime(3);
    store.getState().insertEvent({ type: 'poke', strength: 2 });
    expect(store.getState().scenario?.events).toEqual([
      { t: 1, type: 'poke' }, { t: 3, type: 'poke', strength: 2 }, { t: 5, type: 'poke' },
    ]);
    expect(store.getState().undoStack[0].label).toBe('insert poke at 3');
    expect(store.getState().t).toBe(3);
    store.getState().undo();
    expect(store.getState().scenario?.events).toHaveLength(2);
  });

  it('insertEvent(e, { t, label }) scripts the time a Panel shows, after the events already at it, under its label', async () => {
    store.getState().openLab('fake', { seed: 1, events: [{ t: 3, type: 'poke' }, { t: 5, type: 'poke' }], items: 10 } as BaseScenario);
    await settle();
    store.getState().setTime(2.6);
    store.getState().insertEvent({ type: 'poke', strength: 1 }, { t: 3, label: 'poke once at 3 ms' });
    expect(store.getState().scenario?.events).toEqual([
      { t: 3, type: 'poke' }, { t: 3, type: 'poke', strength: 1 }, { t: 5, type: 'poke' },
    ]);
    expect(store.getState().undoStack.at(-1)?.label).toBe('poke once at 3 ms');
    expect(store.getState().t).toBe(2.6);
  });
});

describe('result slice', () => {
  it('a reply for a superseded run is ignored; the previous result stays while re-running', async () => {
    store.getState().openLab('fake');
    await settle(0);
    store.getState().editScenario('a', (s) => ({ ...s, items: 20 }) as BaseScenario);
    store.getState().editScenario('b', (s) => ({ ...s, items: 30 }) as BaseScenario);
    expect(store.getState().result?.metrics.items).toBe(10);
    await settle(1); // stale: items 20
    expect(store.getState().result?.metrics.items).toBe(10);
    expect(store.getState().runState).toBe('running');
    await settle(2);
    expect(store.getState().result?.metrics.items).toBe(30);
  });

  it('progress of the current run updates progress, clamped to [0, 1]', () => {
    store.getState().openLab('fake');
    pending[0].onProgress(0.4);
    expect(store.getState().progress).toBe(0.4);
    pending[0].onProgress(7);
    expect(store.getState().progress).toBe(1);
  });

  it('a failed run sets error state and shows a banner with the message', async () => {
    store.getState().openLab('fake');
    pending[0].resolve({ kind: 'error', error: { kind: 'watchdog', message: 'stopped after 15 s' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().runState).toBe('error');
    expect(store.getState().banners.map((b) => b.message)).toEqual(['stopped after 15 s']);
  });
});

describe('playback slice', () => {
  beforeEach(async () => {
    store.getState().openLab('fake', { seed: 1, events: [{ t: 2, type: 'poke' }, { t: 6, type: 'poke' }], items: 10 } as BaseScenario);
    await settle();
  });

  it('stepNext()/stepPrev() stop on each mark and on 100 even moments between them, never 0 -> end', () => {
    const s = () => store.getState();
    s().stepNext();
    expect(s().t).toBeCloseTo(0.1);
    s().setTime(1.95);
    s().stepNext();
    expect(s().t).toBe(2);
    s().setTime(5.95);
    s().stepNext();
    expect(s().t).toBe(6);
    s().setTime(2.05);
    s().stepPrev();
    expect(s().t).toBe(2);
    s().setTime(0);
    let presses = 0;
    while (s().t < 10 && presses < 200) {
      s().stepNext();
      presses += 1;
    }
    expect(presses).toBe(100);
    s().stepPrev();
    expect(s().t).toBeCloseTo(9.9);
  });

  it('advanceStep() plays with reduced motion: one stop per tick, pausing at the end', () => {
    const s = () => store.getState();
    s().advanceStep();
    expect(s().t).toBe(0);
    s().play();
    s().setTime(1.95);
    s().advanceStep();
    expect(s().t).toBe(2);
    expect(s().playing).toBe(true);
    s().setTime(9.95);
    s().advanceStep();
    expect(s().t).toBe(10);
    expect(s().playing).toBe(false);
  });

  it('advance(ms) moves the playhead while playing and stops at the end', () => {
    const s = () => store.getState();
    s().play();
    s().advance(1200); // 12 s per horizon at 1x -> 1 s of 10 units
    expect(s().t).toBeCloseTo(1);
    s().setSpeed(4);
    s().advance(60_000);
    expect(s().t).toBe(10);
    expect(s().playing).toBe(false);
    s().play(); // from the end starts over
    expect(s().t).toBe(0);
  });

  it('with a stage, 1x moves a median-latency message across in about a second (not the whole run in 12 s)', () => {
    const s = () => store.getState();
    store.setState({ result: { ...s().result!, stage: { medianLatency: 0.05 } as StageData } });
    s().play();
    s().advance(1000);
    expect(s().t).toBeCloseTo(0.05);
    // A pace slower than the whole run in 12 s is capped by it.
    store.setState({ result: { ...s().result!, stage: { medianLatency: 5 } as StageData } });
    s().advance(1200);
    expect(s().t).toBeCloseTo(1.05);
  });

  it('setTime(t) clamps to [0, endTime]', () => {
    store.getState().setTime(99);
    expect(store.getState().t).toBe(10);
    store.getState().setTime(-1);
    expect(store.getState().t).toBe(0);
  });
});

describe('seeking after an edit, and lesson steps', () => {
  beforeEach(async () => {
    store.getState().openLab('fake');
    await settle();
    store.getState().setTime(3);
  });

  it('editScenario(label, edit, seekTo) moves the playhead to seekTo when that run arrives', async () => {
    store.getState().editScenario('more items', (s) => ({ ...s, items: 20 }) as BaseScenario, 7);
    expect(store.getState().t).toBe(3);
    await settle();
    expect(store.getState().t).toBe(7);
  });

  it('a newer edit drops the older edit\'s seek: the playhead stays where it was', async () => {
    store.getState().editScenario('more items', (s) => ({ ...s, items: 20 }) as BaseScenario, 7);
    store.getState().editScenario('even more', (s) => ({ ...s, items: 30 }) as BaseScenario);
    await settle(1);
    await settle(2);
    expect(store.getState().t).toBe(3);
  });

  it('applyLessonStep(i, step) pauses, loads the step as one undoable edit, seeks to its t, and keeps its highlight while its scenario is shown', async () => {
    const step = { id: 'two', title: 'Two', text: '', scenario: { seed: 2, events: [], items: 40 } as BaseScenario, t: 2, highlight: { nodes: ['n1'] } };
    store.getState().play();
    expect(store.getState().applyLessonStep(1, step)).toEqual({ ok: true });
    expect(store.getState().playing).toBe(false);
    expect(store.getState().undoStack.at(-1)?.label).toBe('lesson step 2: Two');
    await settle();
    expect(store.getState().t).toBe(2);
    const focus = store.getState().lessonFocus;
    expect(focus?.highlight).toEqual({ nodes: ['n1'] });
    expect(focus?.scenario).toBe(store.getState().scenario);
    store.getState().editScenario('fewer items', (s) => ({ ...s, items: 5 }) as BaseScenario);
    expect(store.getState().lessonFocus?.scenario).not.toBe(store.getState().scenario);
  });

  it('a lesson step without t starts at 0', async () => {
    store.getState().applyLessonStep(0, { id: 'one', title: 'One', text: '', scenario: { seed: 1, events: [], items: 12 } as BaseScenario });
    await settle();
    expect(store.getState().t).toBe(0);
  });
});

describe('events helpers', () => {
  it('insertEventAt(events, e, t) keeps ties in script order and puts the new event last among them', () => {
    const events = [{ t: 0, type: 'a' }, { t: 2, type: 'b' }, { t: 2, type: 'c' }, { t: 5, type: 'd' }];
    expect(insertEventAt(events, { type: 'x' }, 2).map((e) => e.type)).toEqual(['a', 'b', 'c', 'x', 'd']);
    expect(insertEventAt([], { type: 'x' }, 1)).toEqual([{ type: 'x', t: 1 }]);
  });

  it('nextMark/prevMark of an empty mark list are undefined', () => {
    expect(nextMark(new Float64Array(0), 0)).toBeUndefined();
    expect(prevMark([1, 2], 1)).toBeUndefined();
  });
});

describe('ui slice', () => {
  it('pushBanner() replaces a banner with the same message and keeps at most 4', () => {
    for (let i = 0; i < 6; i += 1) store.getState().pushBanner({ tone: 'info', message: `m${i}` });
    store.getState().pushBanner({ tone: 'info', message: 'm5' });
    expect(store.getState().banners.map((b) => b.message)).toEqual(['m2', 'm3', 'm4', 'm5']);
    store.getState().dismissBanner(store.getState().banners[0].id);
    expect(store.getState().banners).toHaveLength(3);
  });
});

describe('playback in a stepped lab', () => {
  it('setTime() rounds and advance() moves in whole steps when timeUnit is "step"', async () => {
    spec = fakeLab({ timeUnit: 'step' }) as unknown as LabSpec;
    store.getState().openLab('fake');
    await settle();
    store.getState().setTime(2.6);
    expect(store.getState().t).toBe(3);
    store.getState().play();
    store.getState().advance(500); // 10 steps at 1x: one step per second
    expect(store.getState().t).toBe(3);
    store.getState().advance(600);
    expect(store.getState().t).toBe(4);
  });
});
