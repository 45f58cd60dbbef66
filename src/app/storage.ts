/**
 * localStorage, wrapped and optional: sandboxed iframes (course platforms add `sandbox=""`) throw on mere
 * access to `window.localStorage`, and the URL is the only source of truth anyway. Every call may fail
 * quietly; callers treat a missing value as "use the default".
 */
export function readStored(key: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: string): boolean {
  try {
    globalThis.localStorage?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
