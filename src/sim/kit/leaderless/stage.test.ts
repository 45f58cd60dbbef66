/**
 * Goal: the leaderless store's stage tells each message and card as the run went, and recording it never
 * moves a trace hash. Method: small store runs (N = 3 of 5 nodes), with and without the stage, compared
 * message by message with the recorder's contacts and the nodes' disks.
 */
import { describe, expect, it } from 'vitest';
import { fieldAt, fieldText } from '../../../core/stage/query';
import { Fate } from '../../../core/stage/types';
import { TraceKind } from '../../traceKind';
import { hintsText, MESSAGE_KINDS, StoreStage } from './stage';
import { finalState, storeOutcome, type StoreSpec } from './store';

const base: StoreSpec = {
  seed: 1, nodes: 5, n: 3, w: 2, r: 2, clients: 3, ops: 40, writePct: 40, thinkMs: 5, coordinator: 'random',
  latency: 'uniform', latencyMsMin: 1, latencyMsMax: 10, latencyMsMean: 5, paretoShape: 1.5, loss: 0, timeoutMs: 50,
  readRepair: true, writeBack: true, sloppyQuorum: false, fallbackMs: 15, handoffMs: 20, bug: 'none', events: [],
};

const sloppy: StoreSpec = { ...base, writeBack: false, sloppyQuorum: true, coordinator: 'sticky', events: [{ t: 40, type: 'partition', groups: '0,1|2,3,4' }, { t: 200, type: 'heal' }] };

function staged(spec: StoreSpec) {
  const stage = new StoreStage(spec.n);
  const outcome = storeOutcome(spec, undefined, stage.options);
  return { ...outcome, stage: stage.build(outcome.run, spec.clients) };
}

describe('leaderless store stage', () => {
  it('recording the stage leaves the trace hash as it is (the golden links of quorums and CAP rely on it)', () => {
    for (const spec of [base, sloppy]) expect(staged(spec).traceHash).toBe(storeOutcome(spec).traceHash);
  });

  it('every message has a kind in the fixed order, and the labels name the phase and value@version', () => {
    const { stage } = staged(base);
    expect(stage.kinds).toEqual([...MESSAGE_KINDS]);
    const labels = new Set(Array.from(stage.messages.label.subarray(0, stage.messages.originals), (l) => stage.labels[l]));
    for (const pattern of [/^read\?$/, /^version\?$/, /^reply \d+@\d+$/, /^store \d+@\d+$/, /^write-back (\d+@\d+|nil)$/, /^ack$/, /^late (reply \d+@\d+|ack)$/]) {
      expect([...labels].some((l) => pattern.test(l)), String(pattern)).toBe(true);
    }
  });

  it('a reply is labelled late exactly when it reached its request without counting', () => {
    const { stage, run } = staged(base);
    const late = MESSAGE_KINDS.indexOf('late reply');
    const m = stage.messages;
    let lateDots = 0;
    for (let id = 0; id < m.originals; id++) if (m.kind[id] === late) lateDots++;
    const c = run.rec.contacts(run.history.length).columns;
    let lateContacts = 0;
    for (let j = 0; j < c.request.length; j++) if (!Number.isNaN(c.replyMs[j]) && !c.isCounted[j]) lateContacts++;
    expect(lateDots).toBeGreaterThan(0);
    expect(lateDots).toBe(lateContacts);
    for (let id = 0; id < m.originals; id++) if (m.kind[id] === late) expect(m.fate[id]).toBe(Fate.delivered);
  });

  it('cards: replicas show what their disk holds at the end, fallbacks nothing; hints appear and go with the handoff', () => {
    const { stage, run } = staged(sloppy);
    const final = finalState(run, sloppy.n);
    const field = (name: string) => stage.fields.names.indexOf(name);
    const at = (node: number, name: string, t: number) => {
      const row = fieldAt(stage.fields, node, field(name), t);
      return row < 0 ? '' : fieldText(stage.fields, row);
    };
    for (let node = 0; node < 3; node++) {
      expect(at(node, 'role', 0)).toBe('replica');
      expect(at(node, 'stored', stage.horizon)).toBe(final.value[node] === 0 ? 'nil' : `${final.value[node]}@${Math.floor(final.version[node] / 16384)}`);
    }
    expect([at(3, 'role', 0), at(3, 'stored', stage.horizon)]).toEqual(['fallback', '']);
    const h = run.rec.handoffs();
    expect(h.holder.length).toBeGreaterThan(0);
    expect(at(h.holder[0], 'hints', h.storedMs[0])).toMatch(new RegExp(`n${h.replica[0]}`));
    expect(at(h.holder[0], 'hints', stage.horizon)).toBe('');
    const labels = Array.from(stage.messages.label.subarray(0, stage.messages.originals), (l) => stage.labels[l]);
    expect(labels.some((l) => /^hint \d+@\d+ for n[01]$/.test(l))).toBe(true);
    expect(labels.some((l) => /^handoff \d+@\d+$/.test(l))).toBe(true);
  });

  it('the narration leaves timers out (their tags mean nothing to a reader); hintsText names one hint or counts several', () => {
    const { stage } = staged(sloppy);
    expect(stage.events.kind.includes(TraceKind.timer)).toBe(true);
    expect(Array.from(stage.narrated).some((row) => stage.events.kind[row] === TraceKind.timer)).toBe(false);
    expect(hintsText([])).toBe('');
    expect(hintsText([[0, 3 * 16384 + 12]])).toBe('n0 12@3');
    expect(hintsText([[0, 16385], [1, 16385]])).toBe('2: n0 n1');
  });
});
