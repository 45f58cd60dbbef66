/**
 * One worker thread of the CLI's pool (./threadPool.ts): computes parts of batch runs with the same API as
 * the page's pool workers (src/worker/batch.ts), and reports progress on the way.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findLab } from '../labs/registry';
import { createBatchApi } from '../worker/batch';
import { movable } from './threadPool';

const api = createBatchApi({ findLab, budget: (workerData as { budget: number }).budget, transfer: (value) => value });

parentPort?.on('message', async (m: { id: number; labId: string; scenario: unknown; from: number; to: number }) => {
  const reply = await api.part(m.labId, m.scenario, m.from, m.to, (progress) => parentPort?.postMessage({ id: m.id, progress }));
  parentPort?.postMessage({ id: m.id, reply }, movable(reply));
});
