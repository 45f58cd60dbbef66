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

/** Every import specifier of a file, and whether it is an import() expression. */
function importsWithKind(text: string): { spec: string; dynamic: boolean }[] {
  const found: { spec: string; dynamic: boolean }[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) found.push({ spec: match[1] ?? match[2] ?? match[3], dynamic: match[2] !== undefined });
  return found;
}

function importsOf(text: string): string[] {
  return importsWithKind(text).map((i) => i.spec);
}

/** Tests, test support (a `testing/` folder) and e2e specs may reach across layers to set up what they check. */
const isTestSupport = (file: string) => /\.(test\.tsx?|e2e\.ts)$/.test(file) || file.includes('/testing/');

/**
 * Where a file sits, by folder alone (never by its name): its layer, and for lab files the lab.
 *   labs/registry.ts           labs-registry: the one list of labs (imported by composition roots only)
 *   labs/<file>                labs-shared: the contract and what every lab's scenario uses
 *   labs/<id>/index.ts         lab-index: the lab's face; loads its program and UI lazily
 *   labs/<id>/<file>           lab-face: scenario, result types, lesson, golden links
 *   labs/<id>/program/**       lab-program: runs in the worker and in Node
 *   labs/<id>/ui/**            lab-ui: runs on the main thread
 *   main.tsx                   root: the app's composition root
 *   worker/worker.ts           worker-entry: the worker's composition root
 */
function placeOf(rel: string): { layer: string; lab?: string } {
  const parts = rel.split('\\').join('/').replace(/\.tsx?$/, '').split('/');
  const [top, second, third] = parts;
  if (top === 'labs') {
    if (parts.length === 2) return { layer: second === 'registry' ? 'labs-registry' : 'labs-shared' };
    if (parts.length === 3) return { layer: third === 'index' ? 'lab-index' : 'lab-face', lab: second };
    return { layer: third === 'program' ? 'lab-program' : third === 'ui' ? 'lab-ui' : 'lab-other', lab: second };
  }
  if (parts.join('/') === 'worker/worker') return { layer: 'worker-entry' };
  // A bare folder import ('../../sim') is that folder's index: its layer is the folder's.
  return { layer: parts.length === 1 && /^main$/.test(top) ? 'root' : top };
}

const allowed: Record<string, string[]> = {
  core: ['core'],
  sim: ['core', 'sim'],
  'labs-shared': ['core', 'sim', 'labs-shared'],
  'labs-registry': ['labs-shared', 'lab-index'],
  'lab-index': ['labs-shared', 'lab-face', 'lab-program', 'lab-ui'],
  'lab-face': ['core', 'sim', 'labs-shared', 'lab-face'],
  'lab-program': ['core', 'sim', 'labs-shared', 'lab-face', 'lab-program'],
  'lab-ui': ['core', 'labs-shared', 'lab-face', 'lab-ui', 'viz', 'app'],
  worker: ['core', 'sim', 'labs-shared', 'worker'],
  'worker-entry': ['worker', 'labs-registry'],
  viz: ['core', 'viz'],
  app: ['core', 'labs-shared', 'app', 'viz', 'worker'],
  cli: ['core', 'sim', 'labs-shared', 'labs-registry', 'app', 'worker', 'cli'],
  architecture: ['architecture'],
  root: ['app', 'labs-registry', 'root'],
};

/**
 * The problems with one import of `from` (a path under src/) naming `to` (resolved, under src/), or none.
 * `dynamic`: the import is an import() expression (a lazy load).
 */
function importProblem(from: string, to: string, dynamic: boolean): string | undefined {
  const a = placeOf(from);
  const b = placeOf(to);
  if (a.lab !== undefined && b.lab !== undefined && a.lab !== b.lab) return `${from} imports another lab's ${to}`;
  if (!(allowed[a.layer] ?? []).includes(b.layer)) return `${from} (${a.layer}) imports ${to} (${b.layer})`;
  if (a.layer === 'lab-index' && (b.layer === 'lab-program' || b.layer === 'lab-ui') && !dynamic) {
    return `${from} imports ${to} eagerly: a lab's face loads its program and UI only through import()`;
  }
  return undefined;
}

function layerOf(path: string): string {
  return placeOf(relative(root, path)).layer;
}

const forbiddenPackages: Record<string, RegExp> = {
  core: /^(react|react-dom|zustand|comlink|d3-.*)($|\/)/,
  sim: /^(react|react-dom|zustand|comlink|d3-.*)($|\/)/,
  'lab-program': /^(react|react-dom|zustand|comlink)($|\/)/,
  'lab-face': /^(react|react-dom|zustand|comlink)($|\/)/,
  worker: /^(react|react-dom|zustand)($|\/)/,
  viz: /^(zustand|comlink)($|\/)/,
};

const files = sourceFiles(root).filter((f) => !f.includes('/architecture/'));

describe('layers', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(importsOf("import { a } from './x';\nconst m = import('../y');\nimport './z.css';")).toEqual(['./x', '../y', './z.css']);
  });

  it('every relative import follows core <- sim <- labs <- worker, with viz and app on the UI side, and no lab imports another', () => {
    const violations: string[] = [];
    for (const file of files) {
      if (isTestSupport(file)) continue;
      const from = relative(root, file);
      for (const { spec, dynamic } of importsWithKind(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const problem = importProblem(from, relative(root, resolve(dirname(file), spec)), dynamic);
          if (problem) violations.push(problem);
        } else if (forbiddenPackages[layerOf(file)]?.test(spec)) {
          violations.push(`${from} (${layerOf(file)}) imports package ${spec}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('the rule catches what it forbids (tried on imports that would break it)', () => {
    expect(importProblem('labs/cap/program/program.ts', 'labs/quorums/program/program.ts', false)).toMatch(/another lab/);
    expect(importProblem('labs/cap/scenario.ts', 'labs/quorums/scenario.ts', false)).toMatch(/another lab/);
    expect(importProblem('labs/cap/ui/Panel.tsx', 'labs/cap/program/measure.ts', false)).toMatch(/lab-ui.*lab-program/);
    expect(importProblem('labs/cap/program/program.ts', 'labs/cap/ui/select.ts', false)).toMatch(/lab-program.*lab-ui/);
    expect(importProblem('labs/cap/index.ts', 'labs/cap/program/program.ts', false)).toMatch(/eagerly/);
    expect(importProblem('labs/cap/index.ts', 'labs/cap/program/program.ts', true)).toBeUndefined();
    expect(importProblem('app/Home.tsx', 'labs/registry.ts', false)).toMatch(/labs-registry/);
    expect(importProblem('main.tsx', 'labs/registry.ts', false)).toBeUndefined();
    expect(importProblem('worker/api.ts', 'labs/registry.ts', false)).toMatch(/labs-registry/);
    expect(importProblem('viz/ring/draw.ts', 'sim/trace.ts', false)).toMatch(/viz.*sim/);
    expect(importProblem('labs/cap/program/program.ts', 'labs/cap/result.ts', false)).toBeUndefined();
  });

  it('lab UIs reach the app only through app/hooks (the Panel contract)', () => {
    const leaks: string[] = [];
    for (const file of files) {
      if (isTestSupport(file) || layerOf(file) !== 'lab-ui') continue;
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
      .filter((f) => /\/src\/(core|sim)\//.test(f) || layerOf(f) === 'lab-program')
      .filter((f) => !isTestSupport(f))
      .filter((f) => inexact.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$|'[^'\n]*'|`[^`]*`/gm, '')))
      .map((f) => relative(root, f));
    expect(hits).toEqual([]);
  });
});
