/**
 * Goal: the lab page's first screen and its Panel shell work for any lab. Method: a fake lab whose Panel
 * fills the scene slot and renders one measurement, driven by a runner the test resolves by hand; then
 * check where things land, what the run's chrome says in each state, that "Show this step" seeks to the
 * step's t once its run arrives, and that the parameters drawer traps and returns focus.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { plainContext, type BaseScenario, type LabSpec, type LessonStep } from '../labs/contract';
import { fakeLab, fakeProgram, type FakeResult, type FakeScenario } from '../worker/testing/fakeLab';
import { LabSlot, useLabResult } from './hooks';
import { LabPage } from './LabPage';
import { defaultPresentation } from './links/presentation';
import { createAppStore, StoreContext, type AppStore, type RunOutcome } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function FakePanel() {
  const run = useLabResult<FakeResult, FakeScenario>();
  return (
    <>
      <LabSlot name="scene">{run && <p data-testid="scene">{`items ${run.scenario.items}`}</p>}</LabSlot>
      {run && <p data-testid="measure">{`measured ${run.result.metrics.items}`}</p>}
      {run && ['one', 'two'].map((name) => <section key={`${name}-${run.result.metrics.items}`} className="lab-card" data-card={name} />)}
    </>
  );
}

const steps: LessonStep<FakeScenario>[] = [
  { id: 'one', title: 'First idea', text: 'One.', scenario: { seed: 1, events: [], items: 10 } },
  { id: 'two', title: 'Second idea', text: 'Two.', scenario: { seed: 1, events: [{ t: 2, type: 'poke' }], items: 30 }, t: 6 },
];
const spec = fakeLab({ loadUi: async () => ({ default: FakePanel }), loadLesson: async () => ({ lesson: steps }) }) as unknown as LabSpec;

let container: HTMLDivElement;
let root: Root;
let store: AppStore;
let runs: { scenario: BaseScenario; resolve: (o: RunOutcome) => void }[];

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
async function finish(index = runs.length - 1, outcome?: RunOutcome): Promise<void> {
  const run = runs[index];
  run.resolve(outcome ?? { kind: 'done', result: fakeProgram(run.scenario as FakeScenario, plainContext()) });
  await flush();
}
const $ = (selector: string) => container.querySelector<HTMLElement>(selector);
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;

beforeEach(async () => {
  runs = [];
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  store = createAppStore(
    { labs: [spec], runner: { run: (_lab, scenario) => new Promise((resolve) => runs.push({ scenario, resolve })) }, writeLink: () => {} },
    { ...defaultPresentation },
  );
  store.getState().openLab('fake');
  await act(async () => root.render(<StoreContext value={store}><LabPage spec={spec} /></StoreContext>));
  await flush();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('LabPage', () => {
  it('says the run is going, then shows the Panel\'s scene in the scene slot and its children as measurements', async () => {
    expect($('.lab-scene .run-waiting')?.textContent).toBe('Running the simulation… 0%');
    expect($('[data-testid=scene]')).toBeNull();
    await finish();
    expect($('.lab-scene .lab-slot-scene [data-testid=scene]')?.textContent).toBe('items 10');
    expect($('.lab-measurements [data-testid=measure]')?.textContent).toBe('measured 10');
    expect($('.run-chrome')).toBeNull();
    // The first screen's order (the narrow layout stacks it as is): scene, time controls, lesson.
    const order = ['.lab-scene', '.time-controls', '.lesson-card', '.lab-measurements'].map((s) => $(s)!);
    for (let i = 1; i < order.length; i += 1) expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('lays out the measurements a frame after the first screen, their cards one per frame, then keeps them laid out', async () => {
    await finish();
    const section = $('.lab-measurements')!;
    expect(section.classList.contains('lab-measurements-pending')).toBe(true);
    await act(async () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await flush();
    expect(section.classList.contains('lab-measurements-pending')).toBe(false);
    expect(section.getBoundingClientRect().height).toBeGreaterThan(0);
    // Then its cards, one per frame (paceCards.ts); a new result's cards are shown as they arrive.
    const shownCards = () => [...section.querySelectorAll<HTMLElement>('.lab-card[data-shown]')].map((el) => el.dataset.card);
    // The pacer may already have marked the first (its frame can be the one just awaited), never both.
    const counts = [shownCards().length];
    for (let i = 0; i < 60 && shownCards().length < 2; i++) {
      await act(async () => new Promise<void>((r) => requestAnimationFrame(() => r())));
      counts.push(shownCards().length);
    }
    expect(shownCards()).toEqual(['one', 'two']);
    expect(counts[0]).toBeLessThanOrEqual(1);
    expect(counts.slice(1).every((n, i) => n - counts[i] <= 1), `cards shown after each frame: ${counts.join(', ')}`).toBe(true);
    await act(async () => store.getState().editScenario('more items', (s) => ({ ...s, items: 20 }) as BaseScenario));
    await finish();
    expect($('.lab-measurements-pending')).toBeNull();
    expect($('.lab-measurements [data-testid=measure]')?.textContent).toBe('measured 20');
    expect(section.querySelectorAll('.lab-card')).toHaveLength(2);
    expect(shownCards()).toEqual(['one', 'two']);
  });

  it('marks the previous result while re-running, and says so when the re-run failed', async () => {
    await finish();
    await act(async () => store.getState().editScenario('more items', (s) => ({ ...s, items: 20 }) as BaseScenario));
    expect($('.run-stale')?.textContent).toBe('Re-running… 0% (showing the previous result)');
    expect($('[data-testid=scene]')?.textContent).toBe('items 10');
    expect($('.lab-scene')?.getAttribute('aria-busy')).toBe('true');
    await finish(1, { kind: 'error', error: { kind: 'budget', message: 'too much work' } });
    expect($('.run-stale')?.textContent).toBe('The last run failed (too much work): showing the previous result');
    expect($('[data-testid=scene]')?.textContent).toBe('items 10');
  });

  it('"Show this step" loads the step and moves the playhead to its t once the step\'s run has arrived', async () => {
    await finish();
    expect($('.lesson-card h2')?.textContent).toBe('Guided lesson · step 1 of 2');
    await act(async () => button('Next').click());
    await act(async () => button('Show this step').click());
    expect(store.getState().undoStack.at(-1)?.label).toBe('lesson step 2: Second idea');
    expect(store.getState().t).toBe(0);
    await finish();
    expect(store.getState().t).toBe(6);
    expect($('[data-testid=scene]')?.textContent).toBe('items 30');
  });

  it('the parameters drawer opens on the first field, Escape first restores a field being edited, then closes and returns focus', async () => {
    await finish();
    const opener = button('Parameters');
    const dialog = $('dialog.params-drawer') as HTMLDialogElement;
    expect(dialog.open).toBe(false);
    act(() => opener.click());
    expect(dialog.open).toBe(true);
    // Focus is in the sheet at once (showModal's own choice), on the first field a frame later.
    expect(dialog.contains(document.activeElement)).toBe(true);
    const input = dialog.querySelector('input')!;
    await act(() => new Promise(requestAnimationFrame));
    expect(document.activeElement).toBe(input);
    const press = (keys: string) => act(async () => userEvent.keyboard(keys));
    await press('5');
    expect(input.value).toBe('105');
    await press('{Escape}');
    await flush();
    expect(input.value).toBe('10');
    expect(dialog.open).toBe(true);
    await press('{Escape}');
    await flush();
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });
});
