/**
 * A fault menu (WAI-ARIA menu pattern): role=menu with one menuitem per action, named by action and target
 * ('Crash n1'). Opens with its first enabled item focused; ArrowUp/ArrowDown/Home/End move, Enter/Space
 * choose, Escape or Tab close and hand focus back (`onClose`). Items that are no-ops at t stay listed,
 * greyed and aria-disabled, so the reader learns why nothing happens.
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { MenuItem } from './types';

export interface StageMenuProps {
  label: string;
  items: readonly MenuItem[];
  x: number;
  y: number;
  onChoose(item: MenuItem): void;
  onClose(): void;
}

export function StageMenu({ label, items, x, y, onChoose, onClose }: StageMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Keep the menu inside the stage box (it clips): flip left of the anchor, or up, when it would overflow.
  useLayoutEffect(() => {
    const el = ref.current;
    const box = el?.parentElement;
    if (!el || !box) return;
    const [w, h] = [el.offsetWidth, el.offsetHeight];
    const left = x + w > box.clientWidth ? Math.max(0, Math.min(box.clientWidth - w, x - w - 8)) : x;
    const top = Math.max(0, Math.min(y, box.clientHeight - h));
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  }, [x, y]);
  useEffect(() => {
    const buttons = ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]');
    const first = [...(buttons ?? [])].find((b) => b.getAttribute('aria-disabled') !== 'true') ?? buttons?.[0];
    first?.focus();
    const outside = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(buttons.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div ref={ref} className="stage-menu" role="menu" aria-label={label} style={{ left: x, top: y }} onKeyDown={onKeyDown}>
      {items.length === 0 && <p className="stage-menu-empty">No actions here</p>}
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.disabled || undefined}
          className="stage-menu-item"
          onClick={() => {
            if (!item.disabled) onChoose(item);
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
