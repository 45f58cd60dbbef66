/**
 * A pool worker's entry, a composition root like ./worker.ts: started by the simulation worker (./browserPool.ts)
 * for batch experiments, it hands the registry to the batch API (./batch.ts) and exposes it.
 */
import { expose } from 'comlink';
import { findLab } from '../labs/registry';
import { createBatchApi } from './batch';

expose(createBatchApi({ findLab }));
