/**
 * The flags every Chromium this project starts gets: the browser tests (vitest.config.ts,
 * playwright.config.ts) and the benchmarks (bench/browser.ts). scripts/chromium.mjs finds the binary.
 *
 * - No sandbox, GPU or /dev/shm: a container, run as root, with a small /dev/shm.
 * - No background networking, component updates, sync, QUIC or first-run UI: this machine's network is
 *   closed, and each of them starts connections that are refused, many at a time.
 * - No WebUI omnibox popup: Chromium 156 loads the address bar's popup (chrome://omnibox-popup.top-chrome)
 *   into a renderer of its own as the browser starts, even headless, where there is no address bar. In
 *   startup traces of a lab page's load on a 2-core machine that renderer ran about 750 ms of CPU in the
 *   first 4 s, beside the page's main thread: a page task of 15 ms CPU took 50-110 ms of wall time. A
 *   student's browser loads its popup once when it starts, not with each page, and the benchmark starts a
 *   fresh browser for each load; so it is off everywhere. Features not in a build are ignored.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];
