import { describe, expect, it } from 'vitest';
import { checkLinearizability, loadHistory } from '../core/checkers';
import { plainContext, type LabResult } from '../labs/contract';
import { unpackOperations } from '../labs/clientHistory';
import { labs } from '../labs/registry';
import { historyFileName, historyJson } from './runDownloads';

/** What each lab that offers histories shows as its checker's verdict, one per history, in the same order. */
const SHOWN_VERDICTS: Record<string, (result: LabResult) => string[]> = {
  quorums: (r) => [(r as LabResult & { check: { verdict: string } }).check.verdict],
  'leader-follower': (r) => [(r as LabResult & { check: { verdict: string } }).check.verdict],
  'multi-leader': (r) => (r as LabResult & { runs: { check: { verdict: string } }[] }).runs.map((run) => run.check.verdict),
  cap: (r) => (r as LabResult & { cap: { verdict: string }[] }).cap.map((run) => run.verdict),
};

const runs = await Promise.all(labs.map(async (lab) => ({ lab, result: (await lab.loadProgram()).program(lab.defaults, plainContext()) as LabResult })));

describe('client history downloads', () => {
  it('every lab that offers histories is listed here, with the verdicts its page shows', () => {
    const offering = runs.filter(({ result }) => result.clientHistories !== undefined).map(({ lab }) => lab.id);
    expect(offering.sort()).toEqual(Object.keys(SHOWN_VERDICTS).sort());
  });

  it.each(Object.keys(SHOWN_VERDICTS))('%s: each history as saved reads back in npm run check\'s loader to the verdict the page shows', (id) => {
    const { result } = runs.find(({ lab }) => lab.id === id)!;
    const histories = result.clientHistories!;
    const shown = SHOWN_VERDICTS[id](result);
    expect(histories.length).toBe(shown.length);
    histories.forEach((history, i) => {
      const loaded = loadHistory(historyJson(history));
      if (!loaded.ok) throw new Error(loaded.message);
      expect(loaded.operations.length).toBe(unpackOperations(history.operations).filter((op) => op.status !== 'fail').length);
      expect(checkLinearizability(loaded.model, loaded.operations).verdict).toBe(shown[i]);
    });
    // Several histories save under their names, so neither overwrites the other.
    expect(new Set(histories.map((h) => historyFileName(id, h))).size).toBe(histories.length);
  });
});
