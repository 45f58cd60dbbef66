/**
 * Copies text, wrapped: the async Clipboard API is missing on insecure origins and refused in some iframes
 * (no `clipboard-write` permission). Falls back to selecting `fallbackField`, so the user can press
 * Ctrl/Cmd-C themselves; resolves with whether the copy surely happened.
 */
export async function copyText(text: string, fallbackField?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (typeof globalThis.navigator?.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to selecting the text.
  }
  if (fallbackField) {
    fallbackField.focus();
    fallbackField.select();
  }
  return false;
}
