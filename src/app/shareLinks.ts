/** Full URLs for the share dialog and the embed's "Open in playground" link (the codec makes the fragment). */
import type { BaseScenario, LabSpec } from '../labs/contract';
import { encodeLink, type Presentation } from './links';

/** The page's address without its fragment. */
export function pageBase(): string {
  if (typeof location === 'undefined') return '';
  return location.href.split('#', 1)[0];
}

export function fullLink(spec: LabSpec, scenario: BaseScenario, presentation: Partial<Presentation> = {}): string {
  return `${pageBase()}#${encodeLink(spec, scenario, presentation)}`;
}

/** The iframe snippet for course pages: a title for screen readers, lazy loading, no border. */
export function embedSnippet(spec: LabSpec, scenario: BaseScenario): string {
  const src = fullLink(spec, scenario, { embed: true });
  const title = `${spec.title}: interactive lab (Distributed Systems Playground)`;
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
