/** Theme choice (auto follows the OS), remembered when storage is allowed. */
import { useEffect } from 'react';
import { useTheme } from './hooks';
import { readStored, writeStored } from './storage';
import type { ThemeChoice } from './store';
import { useAppStore } from './useAppStore';

const STORAGE_KEY = 'dsp.theme';

export function ThemeSwitch() {
  const choice = useAppStore((s) => s.themeChoice);
  const setChoice = useAppStore((s) => s.setThemeChoice);
  return (
    <label className="theme-switch">
      Theme{' '}
      <select
        value={choice}
        onChange={(e) => {
          const next = e.currentTarget.value as ThemeChoice;
          setChoice(next);
          writeStored(STORAGE_KEY, next);
        }}
      >
        <option value="auto">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

/** Puts the theme in effect on <html data-theme> (CSS variables follow) and restores a stored choice. */
export function useApplyTheme(): void {
  const theme = useTheme();
  const setChoice = useAppStore((s) => s.setThemeChoice);
  useEffect(() => {
    const stored = readStored(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark' || stored === 'auto') setChoice(stored);
  }, [setChoice]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
