/**
 * The parameters as a side sheet: the toolbar's "Parameters" button opens a modal <dialog> at the right of
 * the page, so the scene stays in view while values change and the lab re-runs behind it. The dialog keeps
 * focus inside, Escape or a click on the backdrop closes it, and focus returns to the button. The form
 * stays mounted while closed, so a refused value and its message are still there when it reopens.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { LabSpec } from '../labs/contract';
import { ParamsForm } from './ParamsForm';

export function ParamsDrawer({ spec, disabled }: { spec: LabSpec; disabled: boolean }) {
  const [isOpen, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) {
      element.showModal();
      // The first field takes focus in the next frame: focusing it in the click forced the sheet's layout
      // there (its scroll into view), and opening was one task of 40-67 ms at quorums' scale.
      const frame = requestAnimationFrame(() => {
        if (element.open) element.querySelector<HTMLElement>('input, select')?.focus();
      });
      return () => cancelAnimationFrame(frame);
    }
    if (!isOpen && element.open) element.close();
  }, [isOpen]);

  if (spec.params.length === 0) return null;
  return (
    <>
      <button ref={opener} type="button" className="params-open" aria-haspopup="dialog" aria-expanded={isOpen} onClick={() => setOpen(true)}>
        <svg className="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M2 4h7M13 4h1M2 12h1M7 12h7M11 2v4M5 10v4" stroke="currentColor" strokeWidth="1.6" fill="none" />
        </svg>
        Parameters
      </button>
      <dialog
        ref={dialog}
        className="params-drawer"
        aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        // A click on the backdrop lands on the dialog itself (its content fills the sheet): light dismiss.
        onClick={(event) => event.target === event.currentTarget && setOpen(false)}
      >
        <div className="params-drawer-body">
          <div className="params-drawer-head">
            <h2 id={titleId}>Parameters</h2>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <p className="params-drawer-note">Each change re-runs the lab: the picture behind updates as you go.</p>
          <ParamsForm spec={spec} disabled={disabled} />
        </div>
      </dialog>
    </>
  );
}
