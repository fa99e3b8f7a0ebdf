// Career Matrix embed: the host page's half of an embedded app.
//
// Loaded by pages that show the app in an iframe (the Hugo shortcode in the
// repository's hugo/ folder writes the iframe and this script tag). It handles
// every <iframe class="career-matrix-embed"> (or <iframe data-career-matrix>) on
// the page, and listens to the messages the app's page posts (shell/loader.js,
// wasm/platform/web_library.js):
//
//   {type: 'career-matrix:height', height}   the app's content height in CSS px:
//        the iframe takes that height, clamped between MIN_HEIGHT and the frame's
//        data-max-height (or 85% of the window height when it has none);
//   {type: 'career-matrix:release-focus'}    Esc with nothing open in the app: focus
//        moves to the first focusable element after the iframe (the text link);
//   {type: 'career-matrix:scroll', dy}       a finger drag reached the app's scroll
//        end: the page scrolls by dy.
//
// Why clamp the height instead of always matching the content: a frame exactly
// as tall as short content has no scrollbar of its own, so the page is the only
// thing that scrolls (no scrollbar inside a scrollbar). Very long content (the
// whole ladder is several screens) would make a frame taller than the window:
// the app's tabs and filters at its top would scroll out of view while the
// reader is deep in the ladder, and every frame would repaint a huge canvas.
// So the frame stops at a bound, the app scrolls inside it, and at either end
// of its scroll it leaves the wheel (and touch drags) to the page.
//
// Only messages whose source is one of those iframes' windows and whose origin
// is this page's own are read: the bundle is served from the same site, and any
// other window posting "career-matrix:*" is ignored. Nothing is added to window;
// the one message listener per document is marked by an attribute on <html>, so
// loading this script once per embed (one script tag per shortcode) is harmless.
(function () {
  'use strict';
  var MIN_HEIGHT = 320;        // the app page's own minimum stage height (shell/style.css)
  var WINDOW_SHARE = 0.85;     // default bound: most of the window, so some page stays visible
  var SELECTOR = 'iframe.career-matrix-embed, iframe[data-career-matrix]';
  var FOCUSABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [contenteditable=""], [contenteditable="true"], [tabindex]';
  var root = document.documentElement;

  if (root.hasAttribute('data-career-matrix-embed')) return;  // another copy of this script listens already
  root.setAttribute('data-career-matrix-embed', '');

  var reported = new WeakMap();  // iframe -> last content height the app reported

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll(SELECTOR));
  }

  // Styles through the CSSOM rather than a style attribute, which a page's
  // Content-Security-Policy (style-src) may forbid.
  function prepare(frame) {
    if (frame.hasAttribute('data-career-matrix-ready')) return;
    frame.setAttribute('data-career-matrix-ready', '');
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.boxSizing = 'border-box';
    frame.style.overflow = 'hidden';
    var initial = parseFloat(frame.getAttribute('height'));
    if (initial > 0) frame.style.height = Math.round(initial) + 'px';
  }

  function maxHeight(frame) {
    var max = parseFloat(frame.getAttribute('data-max-height'));
    if (!(max > 0)) max = Math.round(window.innerHeight * WINDOW_SHARE);
    return Math.max(MIN_HEIGHT, max);
  }

  function fit(frame) {
    var h = reported.get(frame);
    if (h === undefined) return;
    var px = Math.round(Math.min(Math.max(h, MIN_HEIGHT), maxHeight(frame)));
    if (frame.style.height !== px + 'px') frame.style.height = px + 'px';
  }

  function isFocusable(el) {
    if (el.disabled || el.getAttribute('tabindex') === '-1' || el.closest('[inert]')) return false;
    if (el.tagName === 'INPUT' && el.type === 'hidden') return false;
    return el.getClientRects().length > 0;  // rendered (not display:none, not in a closed <details>)
  }

  function focusAfter(frame) {
    var all = document.querySelectorAll(FOCUSABLE);
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el === frame || frame.contains(el)) continue;
      if (!(frame.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      if (isFocusable(el)) { el.focus(); return; }
    }
    // Nothing focusable after the frame: at least take focus out of it.
    frame.blur();
    if (document.activeElement === frame && document.body) {
      document.body.setAttribute('tabindex', '-1');
      document.body.focus();
      document.body.removeAttribute('tabindex');
    }
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || typeof e.data.type !== 'string') return;
    var list = frames(), frame = null;
    for (var i = 0; i < list.length; i++) if (list[i].contentWindow === e.source) { frame = list[i]; break; }
    if (!frame) return;
    prepare(frame);
    var d = e.data;
    if (d.type === 'career-matrix:height') {
      if (typeof d.height !== 'number' || !isFinite(d.height) || d.height < 0) return;
      reported.set(frame, d.height);
      fit(frame);
    } else if (d.type === 'career-matrix:release-focus') {
      focusAfter(frame);
    } else if (d.type === 'career-matrix:scroll') {
      if (typeof d.dy !== 'number' || !isFinite(d.dy)) return;
      window.scrollBy(0, Math.max(-window.innerHeight, Math.min(window.innerHeight, d.dy)));
    }
  });

  // The default bound follows the window.
  window.addEventListener('resize', function () { frames().forEach(fit); });

  function start() { frames().forEach(prepare); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
