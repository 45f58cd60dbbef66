/**
 * In an embed (`embed=1` inside an iframe): posts ready, resize (content height) and state (the current
 * link) to window.parent, and obeys hello / play / pause / seek commands that come from window.parent only.
 */
import { useEffect } from 'react';
import type { LabSpec } from '../labs/contract';
import { embedMessage, parseEmbedCommand, type EmbedMessage } from './embed';
import { fullLink } from './shareLinks';
import { useAppStoreApi } from './useAppStore';

export function useEmbedBridge(spec: LabSpec | undefined, active: boolean): void {
  const store = useAppStoreApi();

  useEffect(() => {
    if (!active || !spec || typeof window === 'undefined' || window.parent === window) return;
    const parent = window.parent;
    // The messages carry only what the URL already shows, so any origin may read them.
    const post = (message: EmbedMessage) => parent.postMessage(message, '*');
    post(embedMessage({ type: 'ready' }));

    let lastHeight = -1;
    let frame = 0;
    const postHeight = () => {
      frame = 0;
      // The root element's box, not scrollHeight: scrollHeight never reports less than the iframe's own height.
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== lastHeight) {
        lastHeight = height;
        post(embedMessage({ type: 'resize', height }));
      }
    };
    const observer = new ResizeObserver(() => {
      if (!frame) frame = requestAnimationFrame(postHeight);
    });
    observer.observe(document.body);
    postHeight();

    let lastLink = '';
    const postState = () => {
      const { scenario } = store.getState();
      if (!scenario) return;
      const link = fullLink(spec, scenario);
      if (link !== lastLink) {
        lastLink = link;
        post(embedMessage({ type: 'state', link }));
      }
    };
    postState();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.scenario !== previous.scenario) postState();
    });

    const onMessage = (event: MessageEvent) => {
      if (event.source !== parent) return;
      const command = parseEmbedCommand(event.data);
      if (!command) return;
      const state = store.getState();
      if (command.type === 'hello') {
        // A host script that loaded after us asks again: answer with everything it missed.
        post(embedMessage({ type: 'ready' }));
        lastHeight = -1;
        lastLink = '';
        postHeight();
        postState();
      } else if (command.type === 'play') state.play();
      else if (command.type === 'pause') state.pause();
      else state.setTime(command.t);
    };
    window.addEventListener('message', onMessage);

    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      unsubscribe();
      window.removeEventListener('message', onMessage);
    };
  }, [active, spec, store]);
}
