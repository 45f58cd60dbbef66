import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromiumArgs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_BASE_URL points the tests at a server you already run (no webServer is started then).
const external = process.env.E2E_BASE_URL;
// E2E_PORT moves the preview server (default 4173), e.g. to run two suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  // Shared specs live in e2e/; each lab's own spec sits in its folder (src/labs/<id>/<id>.e2e.ts).
  testDir: '.',
  testMatch: ['e2e/**/*.spec.ts', 'src/labs/*/*.e2e.ts'],
  timeout: 60_000,
  // CI machines are small (2 cores) and busy: give UI updates after a worker run time to land.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: chromium,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: external ? undefined : {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
