import { StrictMode, startTransition } from 'react';
import { createBrowserStore } from './app/store/browserStore';
import { StoreContext } from './app/store/StoreContext';
import { startHashRouting } from './app/startRouting';
import { labs } from './labs/registry';
import './app/app.css';

/**
 * Startup in four main-thread tasks instead of one: this chunk (the store, the registry) evaluates in the
 * first; the link is applied and the first run sent to the worker in the next (routing parses and validates
 * the link and starts the worker: 10-25 ms that used to lengthen the chunk's task); React DOM and the app's
 * components are chunks of their own, each evaluated in a later task, then rendered. Evaluating one chunk
 * that held all of it was the longest task of every page load (Chrome tracing, CPU time of
 * v8.evaluateModule on a busy 2-core box: median ~105 ms with everything, ~85 with the app apart, ~44 with
 * React DOM apart too, over the 50 ms target on a quiet machine before that last split).
 */
const root = document.getElementById('root');
if (root) {
  // The composition root: the registry reaches the app here, and only here.
  const store = createBrowserStore(labs);
  const routed = new Promise<void>((resolve) =>
    setTimeout(() => {
      startHashRouting(store);
      resolve();
    }, 0),
  );
  // Started together, evaluated apart: each chunk's evaluation is its own task; the first render follows the link.
  void Promise.all([import('react-dom/client'), import('./app/App'), routed]).then(([{ createRoot }, { App }]) => {
    // A transition render is time-sliced: React yields to the browser every few ms, so building the first
    // page never becomes one long main-thread task (a plain render() of the lab page took ~100 ms).
    const reactRoot = createRoot(root);
    startTransition(() => {
      reactRoot.render(
        <StrictMode>
          <StoreContext value={store}>
            <App />
          </StoreContext>
        </StrictMode>,
      );
    });
  });
}
