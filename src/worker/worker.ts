/**
 * The worker entry, a composition root: hands the registry to the API object (api.ts, which Node tests
 * import directly with labs of their own), with a pool of workers for batch experiments, and exposes it.
 */
import { expose } from 'comlink';
import { findLab } from '../labs/registry';
import { createWorkerApi } from './api';
import { browserPool } from './browserPool';

const pool = browserPool();
expose(createWorkerApi({ findLab, pool: pool.size > 1 ? pool : undefined }));
