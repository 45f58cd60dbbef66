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

/**
 * Sandbox tokens under which an embedded lab works fully: its scripts run from its own origin, and "Open in
 * playground" opens an ordinary tab (a course platform that sandboxes pasted frames should keep these).
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * The iframe snippet for course pages: a title for screen readers, lazy loading, no border, the sandbox tokens
 * a lab needs, and the host script (embed-host.js, served beside the app) that sizes the frame to its content.
 * Where a platform strips scripts, the frame keeps its first height, which holds a lab's first screen.
 */
export function embedSnippet(spec: LabSpec, scenario: BaseScenario): string {
  const src = fullLink(spec, scenario, { embed: true });
  const title = `${spec.title}: interactive lab (Distributed Systems Playground)`;
  const host = new URL('embed-host.js', pageBase() || 'http://localhost/').href;
  return [
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${EMBED_HEIGHT}" style="border:0" loading="lazy" sandbox="${EMBED_SANDBOX}"></iframe>`,
    `<script src="${escapeAttribute(host)}" defer></script>`,
  ].join('\n');
}

/** The frame's height before the host script sizes it (px): an embedded lab's first screen at 1440 wide. */
export const EMBED_HEIGHT = 900;

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
