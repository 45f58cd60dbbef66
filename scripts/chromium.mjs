// Finds a Chromium for browser tests: CHROMIUM_PATH, else /usr/bin/chromium, else (as root) installs
// Debian's chromium with apt, else stops with a message saying what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is ${fromEnv}, but no file is there. Point it at a Chromium binary.`);
  }
  const debian = '/usr/bin/chromium';
  if (existsSync(debian)) return debian;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium with apt-get (about a minute)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit', env });
    if (existsSync(debian)) return debian;
  }
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH ' +
      'to a Chromium/Chrome binary, then run `npm test` again.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findChromium());
