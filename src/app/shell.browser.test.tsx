/**
 * Shell components in real Chromium with a fake lab and a fake runner: a crashed panel shows a message and
 * a way back; the parameter form refuses a value over its limit and keeps what was typed; the time
 * controls step between marks from the keyboard.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainContext, type BaseScenario, type LabSpec } from '../labs/contract';
import { fakeLab, fakeProgram, type FakeScenario } from '../worker/testing/fakeLab';
import { ErrorBoundary } from './ErrorBoundary';
import { defaultPresentation } from './links/presentation';
import { ParamsForm } from './ParamsForm';
import { createAppStore, StoreContext, type AppStore } from './store';
import { TimeControls } from './TimeControls';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let store: AppStore;
const spec = fakeLab() as unknown as LabSpec;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  store = createAppStore(
    {
      labs: [spec],
      runner: { run: async (_lab, s) => ({ kind: 'done', result: fakeProgram(s as FakeScenario, plainContext()) }) },
      writeLink: () => {},
    },
    { ...defaultPresentation },
  );
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function render(node: React.ReactNode): Promise<void> {
  await act(async () => root.render(<StoreContext value={store}>{node}</StoreContext>));
}

function Thrower(): never {
  throw new Error('panel exploded');
}

describe('shell components', () => {
  it('ErrorBoundary shows the error and a reset instead of a blank page', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      await render(
        <ErrorBoundary what="the fake panel">
          <Thrower />
        </ErrorBoundary>,
      );
    } finally {
      console.error = original;
    }
    expect(container.querySelector('[role=alert]')?.textContent).toContain('panel exploded');
    expect(container.textContent).toContain('Try again');
  });

  it('ParamsForm refuses a value over the limit, names the limit and keeps the typed text', async () => {
    await act(async () => store.getState().openLab('fake'));
    await render(<ParamsForm spec={spec} disabled={false} />);
    const input = container.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('10');
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, '5000');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(input.value).toBe('5000');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('.param-error')?.textContent).toBe('items must be 1..1000, got 5000');
    expect((store.getState().scenario as FakeScenario).items).toBe(10);
  });

  it('TimeControls step to the next and previous marks, and between sparse marks by 1/100 of the run', async () => {
    const scenario = { seed: 1, events: [{ t: 2, type: 'poke' }, { t: 6, type: 'poke' }], items: 3 } as BaseScenario;
    await act(async () => store.getState().openLab('fake', scenario));
    await render(<TimeControls />);
    const next = container.querySelector('[aria-label="Step forward"]') as HTMLButtonElement;
    const prev = container.querySelector('[aria-label="Step back"]') as HTMLButtonElement;
    await act(async () => next.click());
    expect(store.getState().t).toBeCloseTo(0.1);
    await act(async () => store.getState().setTime(1.95));
    await act(async () => next.click());
    expect(store.getState().t).toBe(2);
    await act(async () => store.getState().setTime(5.95));
    await act(async () => next.click());
    expect(store.getState().t).toBe(6);
    await act(async () => store.getState().setTime(2.05));
    await act(async () => prev.click());
    expect(store.getState().t).toBe(2);
    expect(container.querySelector('output')?.textContent).toContain('2');
  });
});
