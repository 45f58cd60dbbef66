/**
 * The problems found in a log, kept in order of discovery up to a cap (the rest are counted), so a log with
 * 10^5 bad lines costs a number, not 10^5 messages. `sorted()` gives them by line for display.
 */
import type { LogProblem } from './format';

export class Problems {
  readonly list: LogProblem[] = [];
  count = 0;

  constructor(readonly max: number) {}

  add(line: number, message: string): void {
    this.count++;
    if (this.list.length < this.max) this.list.push({ line, message });
  }

  /** Kept problems by line (stable). */
  sorted(): LogProblem[] {
    return [...this.list].sort((a, b) => a.line - b.line);
  }
}
