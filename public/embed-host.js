/*
 * Distributed Systems Playground: embed host helper (MIT). Include it on a page that embeds labs:
 *   <script src="https://<playground host>/embed-host.js" defer></script>
 * It sizes each playground iframe to its content from the lab's versioned `resize` messages, and sets
 * `data-dsp-state` on the iframe to the lab's current link (`state` messages). Only messages coming from
 * one of the page's own iframes are used, and only when they match the protocol exactly.
 */
(function () {
  'use strict';
  var PROTOCOL = 'dsp-embed';
  var VERSION = 1;
  var HEIGHT_MAX = 10000;

  function frameFor(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  // Frames that loaded before this script already sent their first messages: ask every frame again.
  // Non-playground frames ignore the message (ours answer only this exact shape).
  function hello(frame) {
    try {
      frame.contentWindow.postMessage({ protocol: PROTOCOL, version: VERSION, type: 'hello' }, '*');
    } catch (e) {
      /* a frame without a window yet */
    }
  }
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i += 1) hello(frames[i]);

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.protocol !== PROTOCOL || data.version !== VERSION) return;
    var frame = frameFor(event.source);
    if (!frame) return;
    if (data.type === 'resize' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.min(Math.ceil(data.height), HEIGHT_MAX) + 'px';
    } else if (data.type === 'state' && typeof data.link === 'string') {
      frame.setAttribute('data-dsp-state', data.link);
    }
  });
})();
