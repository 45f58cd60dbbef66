/**
 * The share dialog (a native <dialog>: focus is trapped and Escape closes it): the link to this exact
 * scenario and an iframe snippet for course pages, each with a copy button that degrades to selecting.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { BaseScenario, LabSpec } from '../labs/contract';
import { copyText } from './clipboard';
import { embedSnippet, fullLink } from './shareLinks';
import { useAppStore } from './useAppStore';

export function ShareButton() {
  const setOpen = useAppStore((s) => s.setShareOpen);
  return (
    <button type="button" onClick={() => setOpen(true)}>
      Share…
    </button>
  );
}

export function ShareDialog({ spec }: { spec: LabSpec }) {
  const open = useAppStore((s) => s.shareOpen);
  const setOpen = useAppStore((s) => s.setShareOpen);
  const scenario = useAppStore((s) => s.scenario);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onClose={() => setOpen(false)}>
      {open && scenario && <ShareContent spec={spec} scenario={scenario} onClose={() => setOpen(false)} />}
    </dialog>
  );
}

function ShareContent({ spec, scenario, onClose }: { spec: LabSpec; scenario: BaseScenario; onClose: () => void }) {
  const link = fullLink(spec, scenario);
  const snippet = embedSnippet(spec, scenario);
  return (
    <div>
      <h2 id="share-title">Share this scenario</h2>
      <p className="share-note">The link holds the whole scenario: whoever opens it sees exactly this run.</p>
      <CopyField label="Link" text={link} multiline={false} />
      <CopyField label="Embed in a page (iframe)" text={snippet} multiline />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function CopyField({ label, text, multiline }: { label: string; text: string; multiline: boolean }) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} ref={field} readOnly value={text} rows={4} onFocus={(e) => e.currentTarget.select()} />
      ) : (
        <input id={id} ref={field} readOnly value={text} onFocus={(e) => e.currentTarget.select()} />
      )}
      <div className="copy-row">
        <button
          type="button"
          onClick={async () => {
            const ok = await copyText(text, field.current);
            setStatus(ok ? 'Copied.' : 'Selected: press Ctrl+C (or Cmd+C) to copy.');
          }}
        >
          Copy {label.toLowerCase().startsWith('link') ? 'link' : 'embed code'}
        </button>
        <span aria-live="polite" className="copy-status">
          {status}
        </span>
      </div>
    </div>
  );
}
