/**
 * A key-value store of strings with get, put and append: Porcupine's `kvModel` (its `test_data/kv` logs).
 * Every key starts as "". `kvModel()` partitions the history by key and checks each key as a string
 * register; `kvUnpartitionedModel()` checks the whole map at once (same verdicts, much slower: kept to show
 * what P-compositionality buys, and as an oracle in tests).
 */
import { UNKNOWN, hashString, partitionByKey, type Model, type Unknown } from '../model';

export type KvInput =
  | { f: 'get'; key: string }
  | { f: 'put'; key: string; value: string }
  | { f: 'append'; key: string; value: string };

/** get: the value read; put and append: ignored. */
export type KvOutput = string | undefined;

function stepValue(value: string, input: KvInput, output: KvOutput | Unknown): { ok: boolean; value: string } {
  switch (input.f) {
    case 'get':
      return { ok: output === UNKNOWN || output === value, value };
    case 'put':
      return { ok: true, value: input.value };
    case 'append':
      return { ok: true, value: value + input.value };
  }
}

export function describeKvOperation(input: KvInput, output: KvOutput | Unknown): string {
  switch (input.f) {
    case 'get':
      return `get(${JSON.stringify(input.key)}) -> ${output === UNKNOWN ? '?' : JSON.stringify(output ?? '')}`;
    case 'put':
      return `put(${JSON.stringify(input.key)}, ${JSON.stringify(input.value)})${output === UNKNOWN ? ' -> ?' : ''}`;
    case 'append':
      return `append(${JSON.stringify(input.key)}, ${JSON.stringify(input.value)})${output === UNKNOWN ? ' -> ?' : ''}`;
  }
}

export function kvModel(): Model<string, KvInput, KvOutput> {
  return {
    name: 'kv',
    init: () => '',
    step(state, input, output) {
      const next = stepValue(state, input, output);
      return { ok: next.ok, state: next.value };
    },
    partition: partitionByKey((input: KvInput) => input.key),
    hash: hashString,
    describeOperation: describeKvOperation,
    describeState: (state) => JSON.stringify(state),
  };
}

/** The whole store as one state: a frozen record, "" for absent keys. */
export type KvState = Readonly<Record<string, string>>;

export function kvUnpartitionedModel(): Model<KvState, KvInput, KvOutput> {
  return {
    name: 'kv (unpartitioned)',
    init: () => ({}),
    step(state, input, output) {
      const value = state[input.key] ?? '';
      const next = stepValue(value, input, output);
      return { ok: next.ok, state: next.value === value ? state : { ...state, [input.key]: next.value } };
    },
    equal(a, b) {
      if (a === b) return true;
      for (const key in a) if ((a[key] ?? '') !== (b[key] ?? '')) return false;
      for (const key in b) if ((a[key] ?? '') !== (b[key] ?? '')) return false;
      return true;
    },
    hash(state) {
      // Order-independent: XOR of the present (non-empty) entries.
      let h = 0;
      for (const key in state) if (state[key] !== '') h ^= hashString(`${key}\u0000${state[key]}`);
      return h;
    },
    describeOperation: describeKvOperation,
    describeState: (state) => JSON.stringify(Object.fromEntries(Object.entries(state).filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
  };
}
