/** Undo and redo buttons, plus Ctrl/Cmd-Z and Ctrl/Cmd-Shift-Z (and Ctrl-Y) outside text fields. */
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from './useAppStore';

export function UndoRedo() {
  const undoLabel = useAppStore((s) => s.undoStack.at(-1)?.label);
  const redoLabel = useAppStore((s) => s.redoStack.at(-1)?.label);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button type="button" onClick={undo} disabled={!undoLabel} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!redoLabel} title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
        Redo
      </button>
    </div>
  );
}

export function useUndoShortcuts(enabled: boolean): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      // Text fields keep their own undo.
      const target = event.target as HTMLElement | null;
      if (target?.closest('input:not([type=range]):not([type=checkbox]), textarea, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.getState().undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        store.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, store]);
}
