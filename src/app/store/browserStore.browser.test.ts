/** The address bar follows edits in a task after them: the last edit wins, and so does a hash the reader changed meanwhile. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LabSpec } from '../../labs/contract';
import { defaultPresentation } from '../links/presentation';
import { fakeDefaults, fakeSpec, type FakeScenario } from '../links/testing/fakeLab';
import { linkWriter } from './browserStore';

const spec = fakeSpec as unknown as LabSpec;
const fake = (nodes: number): FakeScenario => ({ ...fakeDefaults, nodes });
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const start = location.hash;

describe('linkWriter', () => {
  afterEach(() => history.replaceState(history.state, '', start || '#'));

  it('writes nothing in the edit\'s task, then the last of the edits made before its task', async () => {
    history.replaceState(history.state, '', '#/fake');
    const write = linkWriter();
    write(spec, fake(5), defaultPresentation);
    write(spec, fake(6), defaultPresentation);
    expect(location.hash).toBe('#/fake');
    await nextTask();
    expect(location.hash).toBe('#/fake?v=1&s=2&e=3&nodes=6');
    write(spec, fake(7), defaultPresentation);
    await nextTask();
    expect(location.hash).toBe('#/fake?v=1&s=2&e=3&nodes=7');
  });

  it('leaves a hash changed before its task alone (the reader navigated away)', async () => {
    history.replaceState(history.state, '', '#/fake');
    const write = linkWriter();
    write(spec, fake(5), defaultPresentation);
    history.replaceState(history.state, '', '#/');
    await nextTask();
    expect(location.hash).toBe('#/');
  });
});
