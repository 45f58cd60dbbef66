/**
 * Loads a lab's UI lazily through its spec (`spec.loadUi()`, its `ui/Panel.tsx`): each is its own chunk,
 * fetched when the lab opens, so the first page load carries no lab UI.
 */
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
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

/** `onReady` is called once the lab's UI has mounted (its chunk loaded): the first screen is complete. */
export function LabPanel({ spec, onReady }: { spec: LabSpec; onReady?: () => void }) {
  const Panel = lazyPanel(spec);
  return (
    <Suspense fallback={<p className="panel-loading">Loading the {spec.title} lab…</p>}>
      <Panel />
      {onReady && <OnMount run={onReady} />}
    </Suspense>
  );
}

/** Rendered beside the Panel, so it mounts when the Panel does. */
function OnMount({ run }: { run: () => void }) {
  useEffect(run, [run]);
  return null;
}
