import { startTransition, useEffect, useState } from 'react';

/** How long a deferred part may wait for the browser to be idle before it mounts anyway. */
export const IDLE_MOUNT_TIMEOUT_MS = 1000;

/**
 * For a part of the page no one sees at once (a chart's visually hidden twin table): false on the first
 * render, true once the browser has been idle after it (or `IDLE_MOUNT_TIMEOUT_MS` passed), rendered in a
 * transition. The page's first layout then leaves it out: on the CAP page, its two hidden tables were a
 * third of the 30-40 ms layout that followed the result. `isDeferred` false mounts at once.
 */
export function useMountWhenIdle(isDeferred: boolean): boolean {
  const [isMounted, setMounted] = useState(!isDeferred);
  useEffect(() => {
    if (isMounted) return;
    const mount = () => startTransition(() => setMounted(true));
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(mount, { timeout: IDLE_MOUNT_TIMEOUT_MS });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(mount, 0);
    return () => clearTimeout(id);
  }, [isMounted]);
  return isMounted;
}
