/** Add a node, or remove the selected one, as scenario edits at the step after the one shown. */
import type { ConsistentHashingResult, RingFrame } from '../result';
import type { ConsistentHashingScenario } from '../scenario';
import { liveNodes, nextNodeIndex } from './select';

export interface NodeControlsProps {
  result: ConsistentHashingResult;
  frame: RingFrame;
  scenario: ConsistentHashingScenario;
  selectedNode: number;
  onAdd: () => void;
  onRemove: (node: number) => void;
  onClearSelection: () => void;
  isLocked: boolean;
}

export function NodeControls(props: NodeControlsProps) {
  const { frame, result, selectedNode } = props;
  const step = Math.floor(frame.t) + 1;
  const isLive = selectedNode >= 0 && frame.alive[selectedNode] === 1;
  const isLast = liveNodes(frame).length <= 1;
  const name = result.nodeNames[selectedNode] ?? `n${selectedNode}`;
  const newName = `n${nextNodeIndex(props.scenario, step)}`;
  return (
    <div className="ch-controls" role="group" aria-label="Change the ring">
      <button type="button" onClick={props.onAdd} disabled={props.isLocked}>
        {`+ Add node ${newName}`}
      </button>
      {isLive ? (
        <>
          <button type="button" className="ch-danger" onClick={() => props.onRemove(selectedNode)} disabled={props.isLocked || isLast}>
            {`− Remove ${name}`}
          </button>
          <button type="button" className="ch-link" onClick={props.onClearSelection}>
            Clear selection
          </button>
        </>
      ) : (
        <span className="ch-hint">Click a node on the ring (or in the list) to select it; a Remove button for it appears here.</span>
      )}
      <span className="ch-hint">{`Changes go in as step ${step}; later steps shift by one.`}</span>
    </div>
  );
}
