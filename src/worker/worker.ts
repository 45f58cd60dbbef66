/**
 * The worker entry, a composition root: hands the registry to the API object (api.ts, which Node tests
 * import directly with labs of their own) and exposes it.
 */
import { expose } from 'comlink';
import { findLab } from '../labs/registry';
import { createWorkerApi } from './api';

expose(createWorkerApi({ findLab }));
