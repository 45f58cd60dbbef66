/** Theme choice (auto follows the OS), remembered when storage is allowed. */
import { useEffect } from 'react';
import { useTheme } from './hooks';
import type { ThemeChoice } from './store';
import { storeThemeChoice } from './themeChoice';
import { useAppStore } from './useAppStore';

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
          storeThemeChoice(next);
        }}
      >
        <option value="auto">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

/** Puts the theme in effect on <html data-theme> (CSS variables follow). The entry restores a stored choice
 * before the first render (src/main.tsx). */
export function useApplyTheme(): void {
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
