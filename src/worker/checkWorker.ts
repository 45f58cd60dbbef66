/** The history checker's worker entry (a composition root): exposes ./check.ts to the page. */
import { expose } from 'comlink';
import { checkHistoryText } from './check';

expose({ check: (text: string, model: Parameters<typeof checkHistoryText>[1], timeMsMax: number) => checkHistoryText(text, model, timeMsMax, () => performance.now()) });
