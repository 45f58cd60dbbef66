/**
 * Prose for a check result, apart from the data (Elle's habit): the UI and the CLI render the same
 * Explanation, and a test can assert on the data without parsing sentences.
 */
import type { ExplainedOperation, Explanation } from './explain';
import type { CheckResult } from './linearizability';

function show(op: ExplainedOperation | undefined, id: number): string {
  if (!op) return `op ${id}`;
  const who = op.process === undefined ? '' : `process ${op.process}, `;
  return `op ${op.id} (${who}${op.text}, ${op.ret === null ? `called at ${op.call}, never returned` : `${op.call}..${op.ret}`})`;
}

export function explanationProse(e: Explanation): string {
  const byId = new Map(e.operations.map((op) => [op.id, op]));
  const x = byId.get(e.cannotPlace);
  const where = e.key === undefined ? '' : `On key ${JSON.stringify(e.key)}: `;
  const sentences = [
    `${where}${where ? 'no' : 'No'} order of the operations can place ${show(x, e.cannotPlace)}.`,
    `The longest linearizable prefix found has ${e.longestPrefix.length} operation${e.longestPrefix.length === 1 ? '' : 's'} and leaves the state at ${e.stateAfterPrefix}.`,
  ];
  // Where X would fit, and until when: "legal right after S, but only until B changed the state".
  const until = e.overwrittenBy === undefined ? '' : `, but only until ${show(byId.get(e.overwrittenBy), e.overwrittenBy)} changed the state`;
  if (e.source === 'initial') sentences.push(`It would have been legal on the initial state, before any operation${until}.`);
  else if (e.source !== undefined) sentences.push(`It would have been legal right after ${show(byId.get(e.source), e.source)}${until}.`);
  else sentences.push('No point of that prefix, nor the initial state, leaves a state in which it is legal.');
  // Why it cannot sit there: real time puts it after P (after the change itself when P is B).
  if (e.precededBy !== undefined) {
    const p = byId.get(e.precededBy);
    const when = p && p.ret !== null && x ? ` at ${p.ret}, before it was called at ${x.call}` : ' before it was called';
    const after = e.precededBy === e.overwrittenBy ? ', so after the change' : '';
    sentences.push(`Yet it must come after ${show(p, e.precededBy)}, which returned${when}${after}.`);
  }
  return sentences.join(' ');
}

export function resultProse(result: CheckResult): string {
  const parts = result.partitions.length === 1 ? '' : ` in ${result.partitions.length} partitions`;
  const head = `${result.operations} operation${result.operations === 1 ? '' : 's'}${parts} checked against the ${result.model} model: ${result.verdict}.`;
  if (result.verdict === 'unknown') return `${head} The search ran out of its budget after ${result.steps} steps before reaching a verdict.`;
  return result.explanation ? `${head} ${explanationProse(result.explanation)}` : head;
}
