/**
 * The keyboard twin of dragging across the stage (WCAG 2.5.7): pick the nodes on one side and partition,
 * heal every link, or act on one link (cut, heal, slow, lossy, duplicating) from two lists. Each button hands one event
 * to `onEvent`, at the playhead. Escape or Close returns focus to the button that opened it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { StageData } from '../../core/stage/types';
import { linkMenuItems, partitionEvent } from './actions';
import type { StageFrame } from './layoutAt';
import type { StageAction, StageAmounts, StageEvent } from './types';

export interface PartitionDialogProps {
  data: StageData;
  /** The stage at the playhead (what is cut now). */
  frame: StageFrame;
  actions: readonly StageAction[];
  amounts?: StageAmounts;
  now(): number;
  onEvent(event: StageEvent): void;
  onClose(): void;
}

const LINK_ACTIONS = ['cut', 'healLink', 'slow', 'lossy', 'duplicating'] as const;

export function PartitionDialog({ data, frame, actions, amounts, now, onEvent, onClose }: PartitionDialogProps) {
  const n = data.nodeNames.length;
  const [sides, setSides] = useState(() => new Uint8Array(n));
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(Math.min(1, n - 1));
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, []);
  const partition = partitionEvent(sides, 0);
  const act = (event: StageEvent) => {
    onEvent({ ...event, at: now() });
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };
  const linkActions = LINK_ACTIONS.filter((a) => actions.includes(a));
  return (
    <div ref={ref} className="stage-dialog" role="dialog" aria-modal="false" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <h3 id={titleId}>Partition and links</h3>
      {actions.includes('partition') && (
        <fieldset>
          <legend>Nodes on the other side of the cut</legend>
          {data.nodeNames.map((name, i) => (
            <label key={name} className="stage-dialog-node">
              <input type="checkbox" checked={sides[i] === 1} onChange={(e) => {
                const side = e.currentTarget.checked ? 1 : 0; // read now: React may run the updater after the event (currentTarget null then)
                setSides((s) => Object.assign(s.slice(), { [i]: side }));
              }} />
              {name}
            </label>
          ))}
          <button type="button" disabled={!partition} onClick={() => partition && act(partition)}>
            Partition
          </button>
        </fieldset>
      )}
      {actions.includes('heal') && (
        <button type="button" onClick={() => act({ type: 'heal' })}>
          Heal all links
        </button>
      )}
      {linkActions.length > 0 && n > 1 && (
        <fieldset>
          <legend>One link</legend>
          <label>
            From <NodeSelect data={data} value={from} onChange={setFrom} />
          </label>
          <label>
            to <NodeSelect data={data} value={to} onChange={setTo} />
          </label>
          {linkMenuItems(data, frame, from, to, linkActions, amounts).slice(0, linkActions.length).map((item) => (
            <button key={item.label} type="button" disabled={from === to || item.disabled} onClick={() => act(item.event)}>
              {item.label}
            </button>
          ))}
        </fieldset>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

function NodeSelect({ data, value, onChange }: { data: StageData; value: number; onChange(v: number): void }) {
  return (
    <select value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
      {data.nodeNames.map((name, i) => (
        <option key={name} value={i}>
          {name}
        </option>
      ))}
    </select>
  );
}
