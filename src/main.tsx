import { StrictMode, startTransition } from 'react';
import { createBrowserStore } from './app/store/browserStore';
import { StoreContext } from './app/store/StoreContext';
import { startHashRouting } from './app/startRouting';
import { storedThemeChoice } from './app/themeChoice';
import { FIRST_SCREEN_FONTS, warmFonts } from './app/warmFonts';
import { labs } from './labs/registry';
import './app/app.css';

/**
 * Startup as a chain of short main-thread tasks instead of one long one (a task over 50 ms is what a
 * student feels as a stuck page; on a busy 2-core machine a task's wall time is 2-3x its CPU time):
 * 1. this chunk (the store, the registry) evaluates;
 * 2. the import of React DOM starts, 3. then the app's: each runs Vite's preload helper, which adds a
 *    <link> per dependency (~10 ms for the app's 15 when it ran inside step 1);
 * 4. the stored theme choice is read: the page's first touch of localStorage is a synchronous trip to the
 *    browser process (~10 ms measured);
 * 5. the link is applied and the first run sent to the worker (routing parses and validates the link and
 *    starts the worker: 10-25 ms);
 * then React DOM and the app's components, chunks of their own, evaluate as each arrives, and the first
 * render follows the link;
 * and from the start, between those tasks and while the worker computes the first run, the first screen's
 * fonts are looked up a few per task (./app/warmFonts.ts), so neither the first render's frame nor the
 * result's waits on them: a lookup is a synchronous trip to the browser process, slowest while the page
 * starts (the static page's first layout, 4 distinct fonts, waited 45-55 ms on them; startup traces).
 */
const root = document.getElementById('root');
if (root) {
  // The composition root: the registry reaches the app here, and only here.
  const store = createBrowserStore(labs);
  const inNextTask = <T,>(work: () => T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(work()), 0));
  warmFonts(FIRST_SCREEN_FONTS);
  const reactDom = inNextTask(() => import('react-dom/client'));
  const app = inNextTask(() => import('./app/App'));
  const routed = inNextTask(() => {
    // Before the first render, so the page never paints in the wrong theme first.
    const theme = storedThemeChoice();
    if (theme) store.getState().setThemeChoice(theme);
  }).then(() => inNextTask(() => startHashRouting(store)));
  void Promise.all([reactDom, app, routed]).then(([{ createRoot }, { App }]) => {
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
