import { StrictMode, startTransition } from 'react';
import { createBrowserStore } from './app/store/browserStore';
import { StoreContext } from './app/store/StoreContext';
import { startHashRouting } from './app/startRouting';
import { labs } from './labs/registry';
import './app/app.css';

/**
 * Startup in three main-thread tasks instead of one: this chunk (the store, routing, the registry) applies the
 * link before the page's load event, as before; React DOM and the app's components are chunks of their own,
 * each evaluated in a later task, then rendered. Evaluating one chunk that held all of it was the longest
 * task of every page load (Chrome tracing, CPU time of v8.evaluateModule on a busy 2-core box: median
 * ~105 ms with everything, ~85 with the app apart, ~44 with React DOM apart too, over the 50 ms target on a
 * quiet machine before that last split).
 */
const root = document.getElementById('root');
if (root) {
  // The composition root: the registry reaches the app here, and only here.
  const store = createBrowserStore(labs);
  startHashRouting(store);
  // Started together, evaluated apart: each chunk's evaluation is its own task.
  void Promise.all([import('react-dom/client'), import('./app/App')]).then(([{ createRoot }, { App }]) => {
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
