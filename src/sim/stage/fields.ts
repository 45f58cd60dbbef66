/**
 * Card field change lists per (node, field) from the stage log's `ctx.card` records, in CSR form over
 * slot = node x fields + field, each list in time order (the log is recorded in time order and the
 * counting sort below is stable).
 */
import type { CardFields } from '../../core/stage/types';
import type { StageLogColumns } from '../stageLog';

export function buildFields(log: StageLogColumns | undefined, nodes: number, ticksPerUnit: number): CardFields {
  const names = log ? [...log.fields] : [];
  const texts = log ? [...log.texts] : [];
  const count = log ? log.fieldCount : 0;
  const slots = nodes * names.length;
  const offsets = new Uint32Array(slots + 1);
  const slotOf = (i: number) => log!.fieldNode[i] * names.length + log!.fieldName[i];
  for (let i = 0; i < count; i++) if (log!.fieldNode[i] < nodes) offsets[slotOf(i) + 1]++;
  for (let s = 0; s < slots; s++) offsets[s + 1] += offsets[s];
  const total = offsets[slots];
  const time = new Float64Array(total);
  const value = new Float64Array(total);
  const text = new Int32Array(total);
  const fill = offsets.slice(0, slots);
  for (let i = 0; i < count; i++) {
    if (log!.fieldNode[i] >= nodes) continue;
    const k = fill[slotOf(i)]++;
    time[k] = log!.fieldTime[i] / ticksPerUnit;
    value[k] = log!.fieldValue[i];
    text[k] = log!.fieldText[i];
  }
  return { names, texts, offsets, time, value, text };
}
