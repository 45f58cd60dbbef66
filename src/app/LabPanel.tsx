/**
 * Loads a lab's UI lazily through its spec (`spec.loadUi()`, its `ui/Panel.tsx`): each is its own chunk,
 * fetched when the lab opens, so the first page load carries no lab UI.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { LabSpec } from '../labs/contract';

const cache = new Map<string, LazyExoticComponent<ComponentType>>();

function lazyPanel(spec: LabSpec): LazyExoticComponent<ComponentType> {
  let panel = cache.get(spec.id);
  if (!panel) {
    panel = lazy(() => spec.loadUi());
    cache.set(spec.id, panel);
  }
  return panel;
}

export function LabPanel({ spec }: { spec: LabSpec }) {
  const Panel = lazyPanel(spec);
  return (
    <Suspense fallback={<p className="panel-loading">Loading the {spec.title} lab…</p>}>
      <Panel />
    </Suspense>
  );
}
