/**
 * Chromium's flags, in one place: the browser tests (vitest.config.ts, playwright.config.ts) and the
 * benchmarks (bench/). scripts/chromium.mjs finds the binary.
 */

/**
 * Every Chromium this project starts:
 * - no sandbox, GPU or /dev/shm: a container, run as root, with a small /dev/shm;
 * - no background networking, component updates, sync, QUIC or first-run UI: this machine's network is
 *   closed, and each of them starts connections that are refused, many at a time.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];

/**
 * For a Chromium started by hand on a page whose load is measured (bench/browserLoad.ts): the browser's
 * own address-bar popup is not loaded. Chromium 156 loads that popup, a WebUI page
 * (chrome://omnibox-popup.top-chrome), into a renderer of its own each time the browser starts, headless
 * included, where there is no address bar. In startup traces of a lab page's load on a 2-core machine that
 * renderer ran about 750 ms of CPU in the first 4 s, beside the page's main thread: a page task of 15 ms
 * CPU took 50-110 ms of wall time. A student's browser loads its popup once, when it starts; the benchmark
 * starts a fresh browser for each load. Features not in a build are ignored.
 *
 * Not for Playwright's launches: Playwright passes its own --disable-features, and Chromium keeps only the
 * last of two.
 */
export const WITHOUT_OMNIBOX_POPUP = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup';
