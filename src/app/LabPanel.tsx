/**
 * Loads a lab's Panel lazily: every `src/labs/<id>/Panel.tsx` becomes its own chunk, fetched when the lab
 * opens, so the first page load carries no lab UI. A lab without a Panel yet shows its metrics as a table.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { LabSpec } from '../labs/contract';
import { useAppStore } from './useAppStore';
import { formatNumber } from '../viz/shared/format';

const panelModules = import.meta.glob<{ default: ComponentType }>('../labs/*/Panel.tsx');
const cache = new Map<string, LazyExoticComponent<ComponentType>>();

/** A lab's folder is its id or, per the style guide, its lowerCamelCase form ('consistent-hashing' -> consistentHashing). */
export function panelKeys(labId: string): string[] {
  const camel = labId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return [...new Set([labId, camel])].map((folder) => `../labs/${folder}/Panel.tsx`);
}

function lazyPanel(labId: string): LazyExoticComponent<ComponentType> | undefined {
  const key = panelKeys(labId).find((k) => k in panelModules);
  const loader = key === undefined ? undefined : panelModules[key];
  if (!loader) return undefined;
  let panel = cache.get(labId);
  if (!panel) {
    panel = lazy(loader);
    cache.set(labId, panel);
  }
  return panel;
}

export function LabPanel({ spec }: { spec: LabSpec }) {
  const Panel = lazyPanel(spec.id);
  if (!Panel) return <MetricsFallback />;
  return (
    <Suspense fallback={<p className="panel-loading">Loading the {spec.title} lab…</p>}>
      <Panel />
    </Suspense>
  );
}

function MetricsFallback() {
  const metrics = useAppStore((s) => s.result?.metrics);
  if (!metrics) return <p className="panel-loading">Running the simulation…</p>;
  return (
    <table className="metrics-table">
      <caption>Results</caption>
      <tbody>
        {Object.entries(metrics).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{Number.isInteger(value) ? formatNumber(value) : value.toFixed(4)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
