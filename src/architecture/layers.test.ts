/**
 * The layer rule of ARCHITECTURE.md, checked over the real import graph:
 *   core <- sim <- labs/<id>/program <- worker;  viz, app, Panels never hold simulation logic;
 *   core and sim never import UI, DOM, comlink, wall clocks or Math.random.
 * Method: read every source file, collect its import specifiers (static and dynamic), resolve relative
 * ones to a layer, and compare with the allowed edges. A few lines, no dependency.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

/** The layer of a path under src/: core, sim, labs-program, labs-ui, labs-shared, worker, viz, app, cli. */
function layerOf(path: string): string {
  const rel = relative(root, path).split('\\').join('/');
  const [top, second, file] = rel.split('/');
  if (top === 'labs') {
    if (!second || !file) return 'labs-shared';
    if (file.endsWith('.tsx') || file === 'select.ts') return 'labs-ui';
    return 'labs-program';
  }
  // A bare folder import ('../../sim') is that folder's index: its layer is the folder's.
  return second === undefined && /\.[jt]sx?$/.test(top) ? 'root' : top;
}

const allowed: Record<string, string[]> = {
  core: ['core'],
  sim: ['core', 'sim'],
  'labs-shared': ['core', 'sim', 'labs-shared', 'labs-program'],
  'labs-program': ['core', 'sim', 'labs-shared', 'labs-program'],
  'labs-ui': ['core', 'labs-shared', 'labs-program', 'labs-ui', 'viz', 'app'],
  worker: ['core', 'sim', 'labs-shared', 'labs-program', 'worker'],
  viz: ['core', 'viz'],
  app: ['core', 'labs-shared', 'labs-program', 'labs-ui', 'app', 'viz', 'worker'],
  cli: ['core', 'sim', 'labs-shared', 'labs-program', 'app', 'worker', 'cli'],
  architecture: ['architecture'],
  root: ['app', 'root'],
};

const forbiddenPackages: Record<string, RegExp> = {
  core: /^(react|react-dom|zustand|comlink|d3-.*)($|\/)/,
  sim: /^(react|react-dom|zustand|comlink|d3-.*)($|\/)/,
  'labs-program': /^(react|react-dom|zustand|comlink)($|\/)/,
  worker: /^(react|react-dom|zustand)($|\/)/,
  viz: /^(zustand|comlink)($|\/)/,
};

const files = sourceFiles(root).filter((f) => !f.includes('/architecture/'));

describe('layers', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(importsOf("import { a } from './x';\nconst m = import('../y');\nimport './z.css';")).toEqual(['./x', '../y', './z.css']);
  });

  it('every relative import follows core <- sim <- labs <- worker, with viz and app on the UI side', () => {
    const violations: string[] = [];
    for (const file of files) {
      // Tests and test support (a `testing/` folder) may reach across layers to set up what they check.
      if (/\.test\.tsx?$/.test(file) || file.includes('/testing/')) continue;
      const from = layerOf(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const to = layerOf(resolve(dirname(file), spec));
          if (!(allowed[from] ?? []).includes(to)) violations.push(`${relative(root, file)} (${from}) imports ${spec} (${to})`);
        } else if (forbiddenPackages[from]?.test(spec)) {
          violations.push(`${relative(root, file)} (${from}) imports package ${spec}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('lab panels reach the app only through app/hooks (the Panel contract)', () => {
    const leaks: string[] = [];
    for (const file of files) {
      if (/\.test\.tsx?$/.test(file) || file.includes('/testing/') || layerOf(file) !== 'labs-ui') continue;
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), spec);
        if (spec.startsWith('.') && layerOf(target) === 'app' && relative(root, target) !== 'app/hooks') {
          leaks.push(`${relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('core and sim never read the wall clock, Math.random or the DOM', () => {
    const impure = /Math\.random\(|Date\.now\(|new Date\(|performance\.now\(|\b(window|document|localStorage)\./;
    const hits = files
      .filter((f) => /\/src\/(core|sim)\//.test(f) && !/\.test\.tsx?$/.test(f))
      .filter((f) => impure.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(hits).toEqual([]);
  });

  it('simulation code uses only exactly specified float operations (log, exp and pow come from core/math/detMath)', () => {
    // Math.sqrt and rounding are exact by IEEE-754; these are not, and differ between engines.
    const inexact = /Math\.(log|log2|log10|log1p|exp|expm1|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\(|\*\* *[^0-9 ]|\*\* *\d+\.\d|\) *\*\*/;
    const hits = files
      .filter((f) => /\/src\/(core|sim)\//.test(f) || layerOf(f) === 'labs-program')
      .filter((f) => !/\.test\.tsx?$/.test(f) && !f.includes('/testing/'))
      .filter((f) => inexact.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$|'[^'\n]*'|`[^`]*`/gm, '')))
      .map((f) => relative(root, f));
    expect(hits).toEqual([]);
  });
});
