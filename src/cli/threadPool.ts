/**
 * The CLI's pool for batch experiments: Node worker threads (./batchThread.ts), each running the same batch
 * API as a pool worker in the page (src/worker/batch.ts). Parts come back with their buffers moved.
 */
import { Worker } from 'node:worker_threads';
import type { BaseScenario } from '../labs/contract';
import type { BatchPool, PartReply } from '../worker/pool';
import { collectTransferables } from '../worker/transferables';

export interface ThreadPool extends BatchPool {
  /** Stops the threads (the CLI calls it when the run is over). */
  close(): Promise<void>;
}

type Message = { id: number; progress: number } | { id: number; reply: PartReply };

export function threadPool(size: number, budget: number): ThreadPool {
  const threads: Worker[] = [];
  const waiting = new Map<number, { resolve: (r: PartReply) => void; onProgress: (f: number) => void }>();
  let nextId = 0;
  const at = (k: number): Worker => {
    if (!threads[k]) {
      const thread = startThread(new URL('./batchThread.ts', import.meta.url), { budget });
      thread.on('message', (m: Message) => {
        const wait = waiting.get(m.id);
        if (!wait) return;
        if ('progress' in m) return wait.onProgress(m.progress);
        waiting.delete(m.id);
        wait.resolve(m.reply);
      });
      thread.on('error', (error) => {
        for (const [id, wait] of waiting) {
          waiting.delete(id);
          wait.resolve({ ok: false, error: { kind: 'crashed', message: `A worker thread failed: ${error.message}` } });
        }
      });
      threads[k] = thread;
    }
    return threads[k];
  };
  return {
    size,
    part(worker: number, labId: string, scenario: BaseScenario, from: number, to: number, onProgress: (f: number) => void) {
      return new Promise<PartReply>((resolve) => {
        const id = nextId++;
        waiting.set(id, { resolve, onProgress });
        at(worker).postMessage({ id, labId, scenario, from, to });
      });
    },
    async close() {
      await Promise.all(threads.filter(Boolean).map((t) => t.terminate()));
    },
  };
}

/** Buffers of a reply to move to the main thread. */
export function movable(reply: PartReply): ArrayBuffer[] {
  return reply.ok ? collectTransferables(reply.part) : [];
}

/**
 * A thread running `url`. The CLI runs its TypeScript source through tsx, whose loader a worker thread does
 * not pick up from the command line: the thread registers it first, then imports the file.
 */
function startThread(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
