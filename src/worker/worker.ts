/** The worker entry: only exposes the API object (see api.ts, which Node tests import directly). */
import { expose } from 'comlink';
import { workerApi } from './api';

expose(workerApi);
