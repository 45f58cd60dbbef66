/**
 * A lab page: toolbar (presets, undo/redo, share), the parameter form, the lab's Panel, the time controls.
 * In embed mode the shell is gone: the Panel, the time controls (unless controls=0) and an "Open in
 * playground" link carrying the full state.
 */
import { useEffect } from 'react';
import type { LabSpec } from '../labs/contract';
import { ErrorBoundary } from './ErrorBoundary';
import { LabPanel } from './LabPanel';
import { ParamsForm } from './ParamsForm';
import { PresetsMenu } from './PresetsMenu';
import { ShareButton, ShareDialog } from './ShareDialog';
import { fullLink } from './shareLinks';
import { RunFacts } from './RunFacts';
import { StatusLine } from './StatusLine';
import { TimeControls } from './TimeControls';
import { UndoRedo, useUndoShortcuts } from './UndoRedo';
import { useAppStore, useAppStoreApi } from './useAppStore';
import { useEmbedBridge } from './useEmbedBridge';

export function LabPage({ spec }: { spec: LabSpec }) {
  const presentation = useAppStore((s) => s.presentation);
  const store = useAppStoreApi();
  const hasResult = useAppStore((s) => s.result !== undefined);
  const isTimed = useAppStore((s) => (s.scenario ? spec.horizon(s.scenario) > 0 : false));
  const locked = presentation.lock;
  const showTime = isTimed && presentation.controls;

  useUndoShortcuts(!locked);
  useEmbedBridge(spec, presentation.embed);
  useEffect(() => {
    document.title = `${spec.title} · Distributed Systems Playground`;
  }, [spec]);
  useAutoplay(presentation.autoplay && showTime && hasResult);

  const panel = (
    <ErrorBoundary key={spec.id} what={`the ${spec.title} panel`} onLoadDefaults={() => store.getState().openLab(spec.id)}>
      <LabPanel spec={spec} />
    </ErrorBoundary>
  );

  if (presentation.embed) {
    return (
      <main className="embed" id="main">
        <h1 className="visually-hidden">{spec.title}</h1>
        {panel}
        {showTime && <TimeControls />}
        <div className="embed-footer">
          <OpenInPlayground spec={spec} />
          <StatusLine />
        </div>
      </main>
    );
  }

  return (
    <main className="lab" id="main">
      <div className="lab-heading">
        <h1>{spec.title}</h1>
        <p className="lab-summary">{spec.summary}</p>
      </div>
      <div className="lab-toolbar">
        <PresetsMenu spec={spec} disabled={locked} />
        {!locked && <UndoRedo />}
        <ShareButton />
      </div>
      <div className="lab-body">
        <aside className="lab-side">
          <ParamsForm spec={spec} disabled={locked} />
        </aside>
        <section className="lab-panel" aria-label={`${spec.title} simulation`}>
          {panel}
        </section>
      </div>
      {showTime && <TimeControls />}
      <StatusLine />
      <RunFacts />
      <ShareDialog spec={spec} />
    </main>
  );
}

function OpenInPlayground({ spec }: { spec: LabSpec }) {
  const scenario = useAppStore((s) => s.scenario);
  if (!scenario) return null;
  return (
    <a className="open-in-playground" href={fullLink(spec, scenario)} target="_blank" rel="noopener">
      Open in playground<span className="visually-hidden"> (opens in a new tab)</span> ↗
    </a>
  );
}

/** Starts playing once when the link asks for autoplay (never by default: WCAG 2.2.2). */
function useAutoplay(shouldStart: boolean): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (shouldStart) store.getState().play();
  }, [shouldStart, store]);
}
