/**
 * Initial JavaScript of the built site, gzip: what index.html loads before any lab opens (its module script
 * and modulepreloads). Labs load lazily, so their chunks are listed apart. Builds into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchLine } from './report';

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

export async function run(): Promise<BenchLine[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'dsp-bundle-'));
  try {
    const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    const initialKb = initial.reduce((sum, file) => sum + gzipKb(join(outDir, file)), 0);
    const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const panelKb = assets.filter((f) => f.startsWith('Panel')).reduce((sum, f) => sum + gzipKb(join(outDir, 'assets', f)), 0);
    return [
      { section: 'bundle', name: `initial JavaScript (${initial.length} files), gzip`, value: initialKb, unit: 'kB', target: '<= 200 kB', ok: initialKb <= 200 },
      { section: 'bundle', name: 'lab Panel chunks (lazy), gzip', value: panelKb, unit: 'kB' },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((lines) => {
    for (const l of lines) console.log(`${l.name}: ${l.value.toFixed(1)} ${l.unit}${l.target ? ` (target ${l.target}: ${l.ok ? 'ok' : 'MISS'})` : ''}`);
  });
}
