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
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export type LabSlotName = 'scene' | 'side' | 'narration';

export type LabSlotHosts = Partial<Record<LabSlotName, HTMLElement>>;

const SlotsContext = createContext<LabSlotHosts>({});

/** Renders `children` into the page's slot `name` (nothing outside a lab page). */
export function LabSlot({ name, children }: { name: LabSlotName; children: ReactNode }) {
  const host = useContext(SlotsContext)[name];
  return host ? createPortal(children, host) : null;
}

/** Hands the page's slot elements to the LabSlots rendered below it. */
export function LabSlotsProvider({ hosts, children }: { hosts: LabSlotHosts; children: ReactNode }) {
  return <SlotsContext value={hosts}>{children}</SlotsContext>;
}

/**
 * The page's side: its slot elements and a ref for the place of each. The elements are made once with the
 * page, outside React, so a Panel's portals have their hosts from the first render: when the hosts came
 * from the places' refs instead, their arrival was a state update inside the first commit, and React
 * re-rendered the whole page synchronously there, running every passive effect with it (28 ms of a 39 ms
 * first commit on a 2-core machine). A place (`display: contents`) takes its host in as its child.
 */
export function useSlotHosts(): { refs: Record<LabSlotName, (place: HTMLElement | null) => void>; hosts: LabSlotHosts } {
  const [hosts] = useState<LabSlotHosts>(() =>
    typeof document === 'undefined' ? {} : { scene: slotElement('scene'), side: slotElement('side'), narration: slotElement('narration') },
  );
  const refs = useMemo(() => ({ scene: adopt(hosts.scene), side: adopt(hosts.side), narration: adopt(hosts.narration) }), [hosts]);
  return { refs, hosts };
}

function slotElement(name: LabSlotName): HTMLElement {
  const element = document.createElement('div');
  element.className = `lab-slot lab-slot-${name}`;
  element.dataset.slot = name;
  return element;
}

function adopt(host: HTMLElement | undefined): (place: HTMLElement | null) => void {
  return (place) => {
    if (place && host && host.parentNode !== place) place.appendChild(host);
  };
}
