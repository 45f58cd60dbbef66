/**
 * Goal: the lesson card keeps the step a reader reached when its Panel remounts it (a waiting view swapped
 * for a result), per lesson, and "Show this step" applies the step shown.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { LessonSteps, type LessonStepView } from './LessonSteps';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const one: LessonStepView[] = [
  { title: 'First', text: 'a' },
  { title: 'Second', text: 'b' },
  { title: 'Third', text: 'c' },
];
const other: LessonStepView[] = [{ title: 'Other first', text: 'x' }, { title: 'Other second', text: 'y' }];

function mount(steps: LessonStepView[], applied: number[]) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<LessonSteps steps={steps} onApply={(i) => applied.push(i)} isLocked={false} className="card" />));
  const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;
  const title = () => host.querySelector('h3')!.textContent;
  const unmount = () => {
    act(() => root.unmount());
    host.remove();
  };
  return { button, title, unmount };
}

describe('LessonSteps', () => {
  it('remembers the reached step across a remount, per lesson, and applies the step shown', () => {
    const applied: number[] = [];
    const first = mount(one, applied);
    expect(first.title()).toBe('First');
    act(() => first.button('Next').click());
    act(() => first.button('Next').click());
    expect(first.title()).toBe('Third');
    first.unmount();

    const again = mount(one, applied);
    expect(again.title()).toBe('Third');
    act(() => again.button('Show this step').click());
    expect(applied).toEqual([2]);
    act(() => again.button('Previous').click());
    again.unmount();

    const otherLesson = mount(other, applied);
    expect(otherLesson.title()).toBe('Other first');
    otherLesson.unmount();
    const last = mount(one, applied);
    expect(last.title()).toBe('Second');
    last.unmount();
  });
});
