/**
 * Laying the measurements' cards out one per frame while a lab page loads.
 *
 * A card of the measurements is laid out only near the viewport (`content-visibility: auto`, app.css),
 * but "near" is decided inside the frame that lays the page out: on a load, the frame that laid out the
 * first screen then laid out every card within reach of it too, in the same task. On the CAP page that
 * second pass was 21-23 ms of a 45-47 ms task (CPU, startup traces at 1280x900). So a card starts
 * `content-visibility: hidden` (not laid out, whatever its position) until it carries SHOWN_ATTR, and the
 * pacer gives the attribute to one card per frame, in document order; from then on the card is `auto`,
 * so a far one still costs nothing. Cards that arrive while it paces join the queue; once every card has
 * been shown, a card that arrives later (a new result) is shown at once, before the frame that draws it, so
 * an edit never blanks a card in view.
 */

/** A card carrying it is laid out as usual (near the viewport); without it, not at all. */
export const SHOWN_ATTR = 'data-shown';

/** Calls `next` in the task after the next frame: the frame in between lays out what the last step showed. */
export type Schedule = (next: () => void) => () => void;

const afterNextFrame: Schedule = (next) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(next, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
};

/**
 * Shows the cards (`selector`) under `root` one per frame, then every card that arrives at once.
 * Returns a function that stops it (cards not yet shown stay hidden until a pacer runs again).
 */
export function paceCards(root: HTMLElement, selector: string, schedule: Schedule = afterNextFrame): () => void {
  const waiting = () => [...root.querySelectorAll<HTMLElement>(selector)].filter((card) => !card.hasAttribute(SHOWN_ATTR));
  let cancel: (() => void) | undefined;
  let isPacing = true;
  const step = () => {
    cancel = undefined;
    const [card, ...rest] = waiting();
    card?.setAttribute(SHOWN_ATTR, '');
    if (rest.length > 0) cancel = schedule(step);
    else isPacing = false;
  };
  const observer = new MutationObserver(() => {
    if (isPacing) return;
    for (const card of waiting()) card.setAttribute(SHOWN_ATTR, '');
  });
  observer.observe(root, { childList: true, subtree: true });
  if (waiting().length > 0) cancel = schedule(step);
  else isPacing = false;
  return () => {
    observer.disconnect();
    cancel?.();
  };
}
