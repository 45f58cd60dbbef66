/** The remembered theme choice (auto follows the OS), kept in storage when storage is allowed. */
import { readStored, writeStored } from './storage';
import type { ThemeChoice } from './store';

const STORAGE_KEY = 'dsp.theme';

/** The stored choice, or undefined when none is stored (or storage is refused, or it holds junk). */
export function storedThemeChoice(): ThemeChoice | undefined {
  const stored = readStored(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' || stored === 'auto' ? stored : undefined;
}

export function storeThemeChoice(choice: ThemeChoice): void {
  writeStored(STORAGE_KEY, choice);
}
