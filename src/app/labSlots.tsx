/**
 * The lab page's slots: places on the first screen that a lab's Panel fills from wherever it renders.
 *
 *   scene      the picture (the stage; until a lab has one, its main figure), right above the time controls
 *   side       beside the scene, under the lesson card (the app renders the card itself)
 *   narration  under the side column: the sentences at the playhead (reserved: empty until the stage lands)
 *
 * Everything else a Panel renders is its measurements, below the first screen. A slot is an element the
 * page owns; a Panel renders into it through a portal, so one Panel stays one React tree (a selection
 * shared by the scene and a table below keeps working) while its parts land in different places.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export type LabSlotName = 'scene' | 'side' | 'narration';

export type LabSlotHosts = Partial<Record<LabSlotName, HTMLElement>>;

const SlotsContext = createContext<LabSlotHosts>({});

/** Renders `children` into the page's slot `name` (nothing outside a lab page, or before it has mounted). */
export function LabSlot({ name, children }: { name: LabSlotName; children: ReactNode }) {
  const host = useContext(SlotsContext)[name];
  return host ? createPortal(children, host) : null;
}

/** Hands the page's slot elements to the LabSlots rendered below it. */
export function LabSlotsProvider({ hosts, children }: { hosts: LabSlotHosts; children: ReactNode }) {
  return <SlotsContext value={hosts}>{children}</SlotsContext>;
}

/**
 * The page's side: a ref for each slot element, and the mounted elements to provide. The first render
 * has no hosts yet; the refs' state update renders the portals.
 */
export function useSlotHosts(): { refs: Record<LabSlotName, (element: HTMLElement | null) => void>; hosts: LabSlotHosts } {
  const [hosts, setHosts] = useState<LabSlotHosts>({});
  const refFor = useCallback(
    (name: LabSlotName) => (element: HTMLElement | null) =>
      setHosts((current) => (current[name] === (element ?? undefined) ? current : { ...current, [name]: element ?? undefined })),
    [],
  );
  const refs = useMemo(() => ({ scene: refFor('scene'), side: refFor('side'), narration: refFor('narration') }), [refFor]);
  return { refs, hosts };
}
