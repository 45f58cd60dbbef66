/**
 * Any history text to operations and the model to check them with: the format detected from the text
 * (./porcupineFormats.ts detectFormat), the model named by the caller or by the file. One reader behind
 * `npm run check` and the "check a history" page, so both accept and refuse the same texts the same way.
 */
import { knossosModel, parseKnossosHistory, type KnossosModelName } from './knossosFormat';
import type { CheckOp, Model } from './model';
import { kvModel } from './models/kv';
import { registerModel } from './models/register';
import { detectFormat, kvInputProblem, parseJepsenLog, parseJsonHistory, parseKvLog, registerInputProblem, type HistoryFormat } from './porcupineFormats';

export const HISTORY_MODELS = ['register', 'kv', 'etcd', 'cas-register', 'multi-register'] as const;
export type HistoryModelName = (typeof HISTORY_MODELS)[number];
const KNOSSOS_MODELS: readonly HistoryModelName[] = ['cas-register', 'multi-register'];

export type LoadedHistory =
  | { ok: true; format: HistoryFormat; model: Model<unknown, unknown, unknown>; operations: CheckOp<unknown, unknown>[] }
  | { ok: false; message: string };

function modelFor(name: HistoryModelName): Model<unknown, unknown, unknown> {
  if (name === 'cas-register' || name === 'multi-register') return knossosModel(name);
  const model = name === 'kv' ? kvModel() : registerModel({ name });
  return model as unknown as Model<unknown, unknown, unknown>;
}

/** The text's operations and model (`wanted` wins; it must fit the text), or what is wrong, naming the line. */
export function loadHistory(text: string, wanted?: HistoryModelName): LoadedHistory {
  const format = detectFormat(text);
  if (!format) return { ok: false, message: text.trim() === '' ? 'the file is empty' : 'unknown format (expected a jepsen etcd log, a kv log, Jepsen/Knossos EDN or JSON)' };
  const loaded = loadAs(text, format, wanted);
  return loaded.ok ? { ...loaded, format } : loaded;
}

function loadAs(text: string, format: HistoryFormat, wanted: HistoryModelName | undefined): { ok: true; model: Model<unknown, unknown, unknown>; operations: CheckOp<unknown, unknown>[] } | { ok: false; message: string } {
  if (format === 'json') {
    const parsed = parseJsonHistory(text);
    if (!parsed.ok) return parsed;
    const fromFile = parsed.model;
    if (fromFile !== undefined && !HISTORY_MODELS.includes(fromFile as HistoryModelName)) return { ok: false, message: `"model" must be one of ${HISTORY_MODELS.join(', ')}, got ${JSON.stringify(fromFile)}` };
    const name = wanted ?? (fromFile as HistoryModelName | undefined) ?? 'register';
    if (KNOSSOS_MODELS.includes(name)) return { ok: false, message: `model ${name} reads Jepsen/Knossos EDN histories; a JSON history takes register, etcd or kv` };
    const problemOf = name === 'kv' ? kvInputProblem : registerInputProblem;
    for (let i = 0; i < parsed.operations.length; i++) {
      const problem = problemOf(parsed.operations[i].input);
      if (problem) return { ok: false, message: `operation ${i}: ${problem} (model ${name})` };
    }
    return { ok: true, model: modelFor(name), operations: parsed.operations };
  }
  if (format === 'edn') {
    if (wanted && !KNOSSOS_MODELS.includes(wanted)) return { ok: false, message: `a Jepsen/Knossos EDN history needs the model ${KNOSSOS_MODELS.join(' or ')}, not ${wanted}` };
    const parsed = parseKnossosHistory(text, wanted as KnossosModelName | undefined);
    if (!parsed.ok) return parsed;
    return { ok: true, model: modelFor(parsed.model), operations: parsed.operations as CheckOp<unknown, unknown>[] };
  }
  const fits: HistoryModelName[] = format === 'kv' ? ['kv'] : ['etcd', 'register'];
  if (wanted && !fits.includes(wanted)) return { ok: false, message: `a ${format === 'kv' ? 'kv log' : 'jepsen etcd log'} needs the model ${fits.join(' or ')}, not ${wanted}` };
  const parsed = format === 'kv' ? parseKvLog(text) : parseJepsenLog(text);
  if (!parsed.ok) return parsed;
  return { ok: true, model: modelFor(wanted ?? fits[0]), operations: parsed.operations as CheckOp<unknown, unknown>[] };
}
