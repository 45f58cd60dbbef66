// `npm test`: typecheck, unit + property tests (Node), browser-mode tests (Chromium), build, e2e (Chromium).
// Ends with one line `N passed, N failed` summed from the runners' JSON reports (CI reads that line).
// Steps that are not test runners (typecheck, build) count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(title, command, args) {
  if (run(title, command, args)) passed += 1;
  else {
    failed += 1;
    console.log(`FAILED: ${title}`);
  }
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitestCounts(path, ok) {
  const report = readJson(path);
  if (!report) return void (failed += 1, console.log(`FAILED: no vitest report at ${path}`));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that fails to load has no failed tests but a failed file: count it.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults?.length === 0);
  failed += brokenFiles.length;
  if (!ok && report.numFailedTests === 0 && brokenFiles.length === 0) failed += 1;
}

function playwrightCounts(path, ok) {
  const report = readJson(path);
  if (!report) return void (failed += 1, console.log(`FAILED: no Playwright report at ${path}`));
  const stats = report.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
  if (!ok && !stats.unexpected) failed += 1;
}

let chromium;
try {
  chromium = findChromium();
  process.env.CHROMIUM_PATH = chromium;
} catch (error) {
  console.error(String(error.message ?? error));
}

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);

const nodeOk = run('unit and property tests (Node)', 'npx', [
  'vitest', 'run', '--project', 'node', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest-node.json`,
]);
vitestCounts(`${reports}/vitest-node.json`, nodeOk);

if (chromium) {
  const browserOk = run('browser-mode tests (Chromium)', 'npx', [
    'vitest', 'run', '--project', 'browser', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest-browser.json`,
  ]);
  vitestCounts(`${reports}/vitest-browser.json`, browserOk);
} else failed += 1;

step('build', 'npx', ['vite', 'build']);

if (chromium) {
  const e2eOk = run('e2e (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
  });
  playwrightCounts(`${reports}/playwright.json`, e2eOk);
} else failed += 1;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
