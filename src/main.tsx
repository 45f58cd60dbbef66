import { StrictMode, startTransition } from 'react';
import { StoreContext } from './app/store/StoreContext';
import { storedThemeChoice } from './app/themeChoice';
import { FIRST_SCREEN_FONTS, warmFonts } from './app/warmFonts';
import './app/app.css';

/**
 * Startup as a chain of short main-thread tasks instead of one long one (a task over 50 ms is what a
 * student feels as a stuck page; on a busy 2-core machine a task's wall time is 2-3x its CPU time).
 * An import evaluates, in one task, whatever it brings that has not been evaluated yet; all of what follows
 * was one 21 ms task (CPU time, startup trace) when this chunk imported it statically. So:
 * 1. this chunk evaluates (React, the fonts to warm);
 * 2. the registry (every lab's face: scenario schema, presets, lesson), the link codec's deflate (fflate
 *    builds its tables as it evaluates: 4-6 ms) and React DOM are imported together, and each evaluates
 *    in a task of its own when it arrives (what two of them share, the first to arrive evaluates);
 * 3. once those have, the store's modules, 4. then the store is made;
 * 5. the app's import, 6. routing's (each runs Vite's preload helper, which adds a <link> per dependency);
 * 7. the stored theme choice is read: the page's first touch of localStorage is a synchronous trip to the
 *    browser process (~10 ms measured);
 * 8. the link is applied and the first run sent to the worker (routing parses and validates the link and
 *    starts the worker: 10-25 ms);
 * then the first render follows the link, time-sliced.
 * The chain costs round trips: the registry's chunks are requested when this chunk has run, the store's
 * when the codec has arrived, the app's when the store is made. Preloading them all from the page's <head>
 * (modulepreload, or prefetch) was tried and measured: fetching and compiling them beside the page's
 * tasks on a 2-core machine gave more long tasks than the chain removed.
 * And from the start, between those tasks and while the worker computes the first run, the first screen's
 * fonts are looked up a few per task (./app/warmFonts.ts), so neither the first render's frame nor the
 * result's waits on them: a lookup is a synchronous trip to the browser process, slowest while the page
 * starts (the static page's first layout, 4 distinct fonts, waited 45-55 ms on them; startup traces).
 */
const root = document.getElementById('root');
if (root) {
  const inNextTask = <T,>(work: () => T): Promise<Awaited<T>> => new Promise((resolve) => setTimeout(() => resolve(work() as Awaited<T>), 0));
  warmFonts(FIRST_SCREEN_FONTS);
  const registry = inNextTask(() => import('./labs/registry'));
  const deflate = inNextTask(() => import('./app/links/deflate'));
  const reactDom = inNextTask(() => import('react-dom/client'));
  // The composition root: the registry reaches the app here, and only here.
  const store = Promise.all([registry, deflate])
    .then(() => inNextTask(() => import('./app/store/browserStore')))
    .then(async ({ createBrowserStore }) => inNextTask(async () => createBrowserStore((await registry).labs)));
  const app = store.then(() => inNextTask(() => import('./app/App')));
  const routed = store
    .then(() => inNextTask(() => import('./app/startRouting')))
    .then(({ startHashRouting }) => inNextTask(async () => {
      // Before the first render, so the page never paints in the wrong theme first.
      const made = await store;
      const theme = storedThemeChoice();
      if (theme) made.getState().setThemeChoice(theme);
      return made;
    }).then((made) => inNextTask(() => startHashRouting(made))));
  void Promise.all([store, reactDom, app, routed]).then(([made, { createRoot }, { App }]) => {
    // A transition render is time-sliced: React yields to the browser every few ms, so building the first
    // page never becomes one long main-thread task (a plain render() of the lab page took ~100 ms).
    const reactRoot = createRoot(root);
    startTransition(() => {
      reactRoot.render(
        <StrictMode>
          <StoreContext value={made}>
            <App />
          </StoreContext>
        </StrictMode>,
      );
    });
  });
}
