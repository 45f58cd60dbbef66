/**
 * The worker client's supersede and watchdog rules, with a fake worker whose runs finish when the test says
 * and a fake clock (vitest's timers drive both setTimeout and the client's now()).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BaseScenario } from '../labs/contract';
import type { RunReply } from '../worker/api';
import { createWorkerClient, type WorkerHandle } from './workerClient';

interface FakeRun {
  scenario: BaseScenario;
  onProgress: (f: number) => void;
  reply: (r: RunReply) => void;
  worker: number;
}

function fakeWorkers() {
  const runs: FakeRun[] = [];
  const terminated: number[] = [];
  let created = 0;
  const createWorker = (): WorkerHandle => {
    const id = ++created;
    return {
      run: (_lab, scenario, onProgress) =>
        new Promise<RunReply>((reply) => runs.push({ scenario, onProgress, reply, worker: id })),
      terminate: () => terminated.push(id),
    };
  };
  return { runs, terminated, createWorker, created: () => created };
}

const scenario = (seed: number): BaseScenario => ({ seed, events: [] });
const done = (seed: number): RunReply => ({
  ok: true,
  result: { lab: 'fake', traceHash: String(seed), metrics: {}, endTime: 1, marks: new Float64Array(0) },
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function client(fake: ReturnType<typeof fakeWorkers>) {
  return createWorkerClient({ createWorker: fake.createWorker, now: () => Date.now(), supersedeMs: 300, watchdogMs: 15_000 });
}

describe('workerClient', () => {
  it('run() resolves done with the worker reply', async () => {
    const fake = fakeWorkers();
    const c = client(fake);
    const p = c.run('fake', scenario(1), () => {});
    fake.runs[0].reply(done(1));
    await expect(p).resolves.toMatchObject({ kind: 'done', result: { traceHash: '1' } });
  });

  it('a newer request while one runs drops the queued one and ignores the stale result (fast run: no restart)', async () => {
    const fake = fakeWorkers();
    const c = client(fake);
    const a = c.run('fake', scenario(1), () => {});
    const b = c.run('fake', scenario(2), () => {});
    const cc = c.run('fake', scenario(3), () => {});
    await expect(b).resolves.toEqual({ kind: 'superseded' });
    fake.runs[0].reply(done(1)); // A finishes before 300 ms: its result is stale
    await expect(a).resolves.toEqual({ kind: 'superseded' });
    expect(fake.runs).toHaveLength(2);
    expect(fake.runs[1].scenario.seed).toBe(3);
    expect(fake.terminated).toEqual([]);
    fake.runs[1].reply(done(3));
    await expect(cc).resolves.toMatchObject({ kind: 'done' });
  });

  it('a newer request after the running one took 300 ms terminates and restarts the worker at once', async () => {
    const fake = fakeWorkers();
    const c = client(fake);
    const a = c.run('fake', scenario(1), () => {});
    await vi.advanceTimersByTimeAsync(400);
    const b = c.run('fake', scenario(2), () => {});
    await expect(a).resolves.toEqual({ kind: 'superseded' });
    expect(fake.terminated).toEqual([1]);
    expect(fake.runs).toHaveLength(2);
    expect(fake.runs[1].worker).toBe(2);
    fake.runs[1].reply(done(2));
    await expect(b).resolves.toMatchObject({ kind: 'done' });
  });

  it('a newer request early in a long run terminates it when it reaches 300 ms', async () => {
    const fake = fakeWorkers();
    const c = client(fake);
    const a = c.run('fake', scenario(1), () => {});
    await vi.advanceTimersByTimeAsync(100);
    c.run('fake', scenario(2), () => {});
    await vi.advanceTimersByTimeAsync(150);
    expect(fake.terminated).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    await expect(a).resolves.toEqual({ kind: 'superseded' });
    expect(fake.terminated).toEqual([1]);
    expect(fake.runs[1].scenario.seed).toBe(2);
  });

  it('the watchdog stops a run without progress for 15 s, restarts the worker, and says so', async () => {
    const fake = fakeWorkers();
    const c = client(fake);
    const a = c.run('fake', scenario(1), () => {});
    await vi.advanceTimersByTimeAsync(10_000);
    fake.runs[0].onProgress(0.5); // progress resets the watchdog
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.terminated).toEqual([]);
    await vi.advanceTimersByTimeAsync(5_100);
    const outcome = await a;
    expect(outcome).toMatchObject({ kind: 'error', error: { kind: 'watchdog' } });
    if (outcome.kind === 'error') expect(outcome.error.message).toContain('no progress for 15 s');
    expect(fake.terminated).toEqual([1]);
    const b = c.run('fake', scenario(2), () => {});
    expect(fake.runs[1].worker).toBe(2);
    fake.runs[1].reply(done(2));
    await expect(b).resolves.toMatchObject({ kind: 'done' });
  });

  it('progress of a superseded run is not forwarded', async () => {
    const fake = fakeWorkers();
    const c = client(fake);
    const seen: number[] = [];
    c.run('fake', scenario(1), (f) => seen.push(f));
    fake.runs[0].onProgress(0.1);
    c.run('fake', scenario(2), () => {});
    fake.runs[0].onProgress(0.2);
    expect(seen).toEqual([0.1]);
  });

  it('a worker that rejects gives a crashed error, and the next request still runs', async () => {
    const fake = fakeWorkers();
    let fail = true;
    const c = createWorkerClient({
      createWorker: () => {
        const handle = fake.createWorker();
        return { ...handle, run: (...args) => (fail ? Promise.reject(new Error('gone')) : handle.run(...args)) };
      },
      now: () => Date.now(),
    });
    await expect(c.run('fake', scenario(1), () => {})).resolves.toMatchObject({
      kind: 'error', error: { kind: 'crashed', message: 'The worker failed: gone' },
    });
    fail = false;
    const b = c.run('fake', scenario(2), () => {});
    fake.runs[0].reply(done(2));
    await expect(b).resolves.toMatchObject({ kind: 'done' });
  });
});
