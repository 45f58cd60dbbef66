/**
 * Presentation flags: how the page shows a lab (embed, panel, theme...). They share the link's query with the
 * scenario but are never part of it: two links that differ only in flags run the same simulation.
 * Invalid values are ignored (the default applies): a flag can never make a link fail.
 */
import type { Presentation } from './types';

export const defaultPresentation: Readonly<Presentation> = Object.freeze({
  embed: false,
  panel: null,
  theme: 'auto',
  autoplay: false,
  motion: 'auto',
  lock: false,
  controls: true,
  lesson: null,
});

/** The query keys that are presentation flags (they can never be scenario parameters). */
export const PRESENTATION_KEYS: ReadonlySet<string> = new Set(Object.keys(defaultPresentation));

const PANEL_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

export function parsePresentation(values: ReadonlyMap<string, string>): Presentation {
  const theme = values.get('theme');
  const panel = values.get('panel');
  return {
    embed: maybeFlag(values.get('embed')) ?? defaultPresentation.embed,
    panel: panel !== undefined && PANEL_PATTERN.test(panel) ? panel : defaultPresentation.panel,
    theme: theme === 'light' || theme === 'dark' || theme === 'auto' ? theme : defaultPresentation.theme,
    autoplay: maybeFlag(values.get('autoplay')) ?? defaultPresentation.autoplay,
    motion: values.get('motion') === 'reduce' ? 'reduce' : defaultPresentation.motion,
    lock: maybeFlag(values.get('lock')) ?? defaultPresentation.lock,
    controls: maybeFlag(values.get('controls')) ?? defaultPresentation.controls,
    lesson: lessonStep(values.get('lesson')) ?? defaultPresentation.lesson,
  };
}

/** The non-default flags of `presentation` as query entries, sorted by key (booleans as 1/0). */
export function presentationEntries(presentation: Partial<Presentation> = {}): [string, string][] {
  const full = parsePresentation(new Map(
    Object.entries(presentation)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value)]),
  ));
  const entries: [string, string][] = [];
  for (const key of [...PRESENTATION_KEYS].sort()) {
    const value = full[key as keyof Presentation];
    if (value === defaultPresentation[key as keyof Presentation]) continue;
    entries.push([key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value)]);
  }
  return entries;
}

/** A lesson step number, 1..999. */
function lessonStep(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9][0-9]{0,2}$/.test(value) ? Number(value) : undefined;
}

function maybeFlag(value: string | undefined): boolean | undefined {
  if (value === '1' || value === 'true' || value === '') return true;
  if (value === '0' || value === 'false') return false;
  return undefined;
}
