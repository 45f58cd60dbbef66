/**
 * The worker entry, a composition root: hands the registry to the API object (api.ts, which Node tests
 * import directly with labs of their own) and exposes it. The same script is also a pool worker for batch
 * experiments (./browserPool.ts starts more of it): it exposes the batch API (batch.ts) beside the run API.
 */
import { expose } from 'comlink';
import { findLab } from '../labs/registry';
import { createWorkerApi } from './api';
import { createBatchApi } from './batch';
import { browserPool } from './browserPool';

const pool = browserPool(self.location.href);
expose({ ...createWorkerApi({ findLab, pool: pool.size > 1 ? pool : undefined }), ...createBatchApi({ findLab }) });
