/**
 * Goal: the measurements' cards are shown one per step, in document order; cards arriving mid-way wait
 * their turn, cards arriving after the last step are shown before the next frame, and stopping ends both.
 * Method: a hand-driven schedule (each step runs when the test says), then the real one, frame by frame.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paceCards, SHOWN_ATTR, type Schedule } from './paceCards';

let root: HTMLElement;
let pending: (() => void)[];
const byHand: Schedule = (next) => {
  pending.push(next);
  return () => {
    pending = pending.filter((p) => p !== next);
  };
};
const runStep = () => pending.shift()!();
const card = (name: string) => {
  const el = document.createElement('section');
  el.className = 'lab-card';
  el.dataset.name = name;
  return el;
};
const shown = () => [...root.querySelectorAll<HTMLElement>(`.lab-card[${SHOWN_ATTR}]`)].map((el) => el.dataset.name);
const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

beforeEach(() => {
  pending = [];
  root = document.createElement('div');
  const nested = document.createElement('div');
  nested.append(card('b'));
  root.append(card('a'), nested, card('c'));
  document.body.append(root);
});

afterEach(() => root.remove());

describe('paceCards', () => {
  it('shows one card per step, in document order, and schedules nothing after the last', () => {
    const stop = paceCards(root, '.lab-card', byHand);
    expect(shown()).toEqual([]);
    expect(pending).toHaveLength(1);
    runStep();
    expect(shown()).toEqual(['a']);
    runStep();
    expect(shown()).toEqual(['a', 'b']);
    runStep();
    expect(shown()).toEqual(['a', 'b', 'c']);
    expect(pending).toHaveLength(0);
    stop();
  });

  it('a card that arrives while pacing waits its turn; one that arrives after is shown before the next frame', async () => {
    const stop = paceCards(root, '.lab-card', byHand);
    runStep();
    root.append(card('d'));
    await microtask();
    expect(shown()).toEqual(['a']);
    runStep();
    runStep();
    runStep();
    expect(shown()).toEqual(['a', 'b', 'c', 'd']);
    expect(pending).toHaveLength(0);
    root.append(card('e'));
    await microtask();
    expect(shown()).toEqual(['a', 'b', 'c', 'd', 'e']);
    stop();
  });

  it('stopping cancels the next step and stops watching', async () => {
    const stop = paceCards(root, '.lab-card', byHand);
    stop();
    expect(pending).toHaveLength(0);
    root.append(card('d'));
    await microtask();
    expect(shown()).toEqual([]);
  });

  it('with nothing to pace, a card that arrives is shown at once', async () => {
    root.replaceChildren();
    const stop = paceCards(root, '.lab-card', byHand);
    expect(pending).toHaveLength(0);
    root.append(card('a'));
    await microtask();
    expect(shown()).toEqual(['a']);
    stop();
  });

  it('by default a card is shown in the task after a frame: never two between the same two frames', async () => {
    const stop = paceCards(root, '.lab-card');
    expect(shown()).toEqual([]);
    const seen = [0];
    for (let i = 0; i < 60 && seen.at(-1)! < 3; i++) {
      await frame();
      seen.push(shown().length);
    }
    expect(seen.at(-1)).toBe(3);
    expect(seen.slice(1).map((n, i) => n - seen[i]).every((step) => step === 0 || step === 1), `cards shown by frame: ${seen}`).toBe(true);
    stop();
  });
});
