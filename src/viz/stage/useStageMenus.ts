/**
 * Menu and focus state of the stage: which node holds the roving tab stop, which menu is open (node, link
 * or client), and the keyboard on nodes (arrows to the nearest node that way, Home/End, Enter, Space,
 * Shift+F10 or the context-menu key to open the node's menu; Escape in a menu returns focus).
 */
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { StageData } from '../../core/stage/types';
import { clientMenuItems, linkMenuItems, nearestInDirection, nodeMenuItems } from './actions';
import type { StageGeometry } from './geometry';
import type { StageFrame } from './layoutAt';
import type { OverlayRefs } from './overlay';
import type { MenuItem, NodeAction, StageAction, StageAmounts, StageEvent } from './types';

export interface MenuState {
  label: string;
  items: MenuItem[];
  x: number;
  y: number;
  /** Where focus goes when the menu closes: an element, or (opened from the canvas) a node's element. */
  returnTo: HTMLElement | null;
  returnNode?: number;
}

export interface StageMenusInput {
  data: StageData;
  geometry: StageGeometry;
  /** Brings the frame to the playhead now (menus decide what is a no-op from it). */
  frameNow(): StageFrame;
  refs: OverlayRefs;
  actions: readonly StageAction[];
  amounts: StageAmounts | undefined;
  /** The lab's own node actions, after the faults. */
  nodeActions: readonly NodeAction[] | undefined;
  onEvent: ((event: StageEvent) => void) | undefined;
  /** Nodes without a menu (a client pool drawn as a node). */
  isInert(node: number): boolean;
}

const ARROWS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function useStageMenus(input: StageMenusInput) {
  const { data, geometry: g, frameNow, refs, actions, amounts, nodeActions, onEvent, isInert } = input;
  const [focused, setFocused] = useState(0);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const pendingFocus = useRef(-1);

  useLayoutEffect(() => {
    if (pendingFocus.current < 0) return;
    refs.of(pendingFocus.current).root?.focus();
    pendingFocus.current = -1;
  });

  const moveFocus = useCallback((node: number) => {
    pendingFocus.current = node;
    setFocused(node);
    refs.of(node).root?.focus();
  }, [refs]);

  const openNode = useCallback((node: number, from: HTMLElement | null) => {
    if (isInert(node)) return;
    const frame = frameNow();
    const items = nodeMenuItems(data, frame, node, actions, amounts, nodeActions);
    setMenu({ label: `${data.nodeNames[node]} actions`, items, x: g.x[node] + g.halfW + 4, y: g.y[node] - g.halfH, returnTo: from, returnNode: node });
  }, [data, g, frameNow, actions, amounts, nodeActions, isInert]);

  const openLink = useCallback((a: number, b: number, x: number, y: number, from: HTMLElement | null) => {
    const items = linkMenuItems(data, frameNow(), a, b, actions, amounts);
    if (items.length > 0) setMenu({ label: `link ${data.nodeNames[a]} – ${data.nodeNames[b]} actions`, items, x, y, returnTo: from });
  }, [data, frameNow, actions, amounts]);

  const onNodeKeyDown = useCallback((node: number, e: KeyboardEvent<HTMLElement>) => {
    const arrow = ARROWS[e.key];
    if (arrow) moveFocus(nearestInDirection(g, node, arrow[0], arrow[1]));
    else if (e.key === 'Home') moveFocus(0);
    else if (e.key === 'End') moveFocus(g.nodeCount - 1);
    else if (e.key === 'Enter' || e.key === ' ' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) openNode(node, e.currentTarget);
    else return;
    e.preventDefault();
  }, [g, moveFocus, openNode]);

  const onNodeClick = useCallback((node: number, e: MouseEvent<HTMLElement>) => {
    setFocused(node);
    openNode(node, e.currentTarget);
  }, [openNode]);

  /** A click on the canvas near a node (glyphs at scale have no element of their own): focus it, open its menu. */
  const openNodeAt = useCallback((node: number) => {
    moveFocus(node);
    openNode(node, null);
  }, [moveFocus, openNode]);

  const onClientClick = useCallback((client: number, e: MouseEvent<HTMLElement>) => {
    const items = clientMenuItems(data, frameNow(), client, actions);
    setMenu({ label: `${data.clients.names[client]} actions`, items, x: g.clientX[client] + 16, y: g.clientY[client], returnTo: e.currentTarget });
  }, [data, frameNow, actions, g]);

  const close = useCallback(() => {
    setMenu((m) => {
      (m?.returnTo ?? (m?.returnNode !== undefined ? refs.of(m.returnNode).root : null))?.focus();
      return null;
    });
  }, [refs]);

  const choose = useCallback((item: MenuItem) => {
    onEvent?.(item.event);
    close();
  }, [onEvent, close]);

  return { focused: Math.min(focused, g.nodeCount - 1), setFocused, menu, openLink, openNodeAt, onNodeKeyDown, onNodeClick, onClientClick, close, choose };
}
