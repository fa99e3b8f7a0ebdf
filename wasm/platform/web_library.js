// Career Matrix: the browser half of the platform layer (an Emscripten JS library).
// Input is listened for on the canvas only (never on the whole document), so a
// host page keeps its keys, its wheel scrolling and its own text fields.
// platform_web.cpp is the other half; the page's loader (shell/loader.js)
// provides Module['onFirstFrame']/onFatalError/onContentHeight/onReleaseFocus.

mergeInto(LibraryManager.library, {
  $CM: {
    canvas: null,
    cursor: '',
    // Calls a C function with a JS string argument (copied into the wasm heap).
    withString: function(s, f) {
      var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
      stringToUTF8(s, p, n);
      try { return f(p); } finally { _free(p); }
    },
    // Returns a malloc'd UTF-8 copy of a JS string (the C side frees it).
    newString: function(s) {
      var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
      stringToUTF8(s, p, n);
      return p;
    },
    // A storage exception as a status code (see cm_js_storage_get). Browsers name
    // the quota error differently; match names and legacy codes.
    storageError: function(e) {
      if (e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014)) return 2;
      return e && e.name === 'SecurityError' ? 3 : 4;
    },
    modifiers: function(e) {
      return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    },
    pointer: function(kind, e) {
      var r = CM.canvas.getBoundingClientRect();
      var type = e.pointerType === 'touch' ? 1 : e.pointerType === 'pen' ? 2 : 0;
      _cm_on_pointer(kind, e.clientX - r.left, e.clientY - r.top, e.button, e.buttons, CM.modifiers(e), type);
    },
    resize: function() {
      var c = CM.canvas, r = c.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
      var w = Math.max(1, Math.round(r.width * dpr)), h = Math.max(1, Math.round(r.height * dpr));
      if (c.width !== w) c.width = w;
      if (c.height !== h) c.height = h;
      _cm_on_resize(r.width, r.height, dpr);
    },
    watchPixelRatio: function() {
      // Browser zoom and moving between screens change devicePixelRatio; fonts are rebuilt for it.
      var mq = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      mq.addEventListener('change', function() { CM.resize(); CM.watchPixelRatio(); }, { 'once': true });
    },
    scrollHost: function(dy) {
      // A touch drag the app could not use scrolls the page (or the embedding page).
      if (window.parent !== window) window.parent.postMessage({ type: 'career-matrix:scroll', dy: dy }, '*');
      else window.scrollBy(0, dy);
    },
    touch: null,  // {id, x, y, moved}
    // Keys go to the app from the canvas, and from the accessibility layer's elements.
    keyDown: function(e) {
      if (e.isComposing) return;
      var text = e.key.length > 0 && Array.from(e.key).length === 1 && !e.ctrlKey && !e.metaKey ? e.key : '';
      var handled = CM.withString(e.code || '', function(code) {
        return CM.withString(e.key || '', function(key) {
          return _cm_on_key(1, code, key, CM.modifiers(e), e.repeat ? 1 : 0);
        });
      });
      if (text) { CM.withString(text, _cm_on_text); handled = 1; }
      if (handled) e.preventDefault();
    },
    keyUp: function(e) {
      CM.withString(e.code || '', function(code) {
        return CM.withString(e.key || '', function(key) { return _cm_on_key(0, code, key, CM.modifiers(e), 0); });
      });
    },
  },

  // The accessibility layer: the views' semantic tree (ui/semantics.h) mirrored
  // into real elements over the canvas, each at its rectangle, so screen readers,
  // magnifiers, touch exploration and voice control find what the canvas shows.
  // Elements are transparent and let the pointer through, except text fields,
  // which are the real editors (their text, caret, selection and IME are the
  // browser's, drawn over the canvas's box). Updated only when the tree changes.
  $CMA__deps: ['$CM'],
  $CMA: {
    root: null, polite: null, assertive: null, composing: false,
    els: null,  // node name -> element (maps are made in init: a library's objects are copied as text)
    // The element and the ARIA role for a tree role. Functions, not lookup tables:
    // Emscripten prints a library's plain objects with bare keys, which Closure renames.
    tagFor: function(role) {
      switch (role) {
        case 'button': case 'checkbox': case 'tab': case 'radio': case 'combobox': return 'button';
        case 'link': return 'a';
        case 'heading': return 'h2';
        case 'text': return 'p';
        case 'list': return 'ul';
        case 'listitem': return 'li';
        case 'region': return 'section';
        default: return 'div';
      }
    },
    ariaRole: function(role) {
      return /^(checkbox|tab|radio|combobox|tablist|radiogroup|listbox|option|group|dialog|status|alert)$/.test(role) ? role : null;
    },
    S: { pressed: 1, checked: 2, selected: 4, expanded: 8, collapsed: 16, disabled: 32, multiline: 64, modal: 128, toggle: 256 },
    init: function(canvas) {
      CMA.els = new Map();
      CMA.idMap = new Map();
      var root = document.createElement('div');
      root.className = 'cm-a11y';
      canvas.parentNode.insertBefore(root, canvas.nextSibling);
      CMA.root = root;
      ['polite', 'assertive'].forEach(function(kind) {
        var live = document.createElement('div');
        live.className = 'cm-live';
        live.setAttribute('aria-live', kind);
        canvas.parentNode.appendChild(live);
        if (kind === 'polite') CMA.polite = live; else CMA.assertive = live;
      });
      var nameOf = function(el) { while (el && el !== root && !el.dataset['cm']) el = el.parentNode; return el && el !== root ? el.dataset['cm'] : null; };
      root.addEventListener('focusin', function(e) {
        if (!e.relatedTarget || !(root.contains(e.relatedTarget) || e.relatedTarget === canvas)) _cm_on_focus(1);
        var n = nameOf(e.target);
        if (n) CM.withString(n, _cm_on_a11y_focus);
      });
      root.addEventListener('focusout', function(e) {
        if (!e.relatedTarget || !(root.contains(e.relatedTarget) || e.relatedTarget === canvas)) _cm_on_focus(0);
      });
      root.addEventListener('click', function(e) {
        var el = e.target.closest('[data-cm]');
        if (!el || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return;
        e.preventDefault();  // links too: the app opens them, as it does on a click on the canvas
        // A pointer's click reached the app through the pointer events already; a click
        // from the keyboard or assistive technology (no pointer, detail 0) acts on the element.
        if (e.detail === 0) CM.withString(el.dataset['cm'], _cm_on_a11y_activate);
      });
      root.addEventListener('compositionstart', function() { CMA.composing = true; });
      root.addEventListener('compositionend', function() { CMA.composing = false; });
      root.addEventListener('input', function(e) {
        var el = e.target;
        if (el.dataset['cm']) CM.withString(el.dataset['cm'], function(n) { CM.withString(el.value, function(v) { _cm_on_a11y_text(n, v); }); });
      });
      root.addEventListener('keydown', function(e) {
        var el = e.target, role = el.getAttribute('role') || el.tagName.toLowerCase();
        if (e.key === 'Tab') return;  // the browser moves focus through the layer, in reading order
        if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
          if (e.key === 'Escape') CM.keyDown(e);
          return;
        }
        // Arrows move within a tab list or a radio group and choose (the ARIA patterns).
        var group = el.parentNode && el.parentNode.getAttribute && el.parentNode.getAttribute('role');
        if ((group === 'tablist' || group === 'radiogroup') && /^Arrow/.test(e.key)) {
          var items = Array.from(el.parentNode.children).filter(function(c) { return c.dataset['cm']; });
          var i = items.indexOf(el) + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1);
          var next = items[(i + items.length) % items.length];
          e.preventDefault();
          next.focus();
          next.click();
          return;
        }
        if ((e.key === 'Enter' || e.key === ' ') && (el.tagName === 'BUTTON' || el.tagName === 'A')) return;  // the element's own click
        if ((e.key === 'Enter' || e.key === ' ') && role === 'option') { e.preventDefault(); el.click(); return; }
        CM.keyDown(e);
      });
      root.addEventListener('keyup', function(e) {
        if (e.target.tagName !== 'INPUT' && e.target.tagName !== 'TEXTAREA') CM.keyUp(e);
      });
    },
    element: function(n) {
      var tag = n['r'] === 'heading' ? 'h' + Math.min(6, Math.max(1, n['lv'] || 2)) : n['r'] === 'textbox' ? (n['s'] & CMA.S.multiline ? 'textarea' : 'input') : CMA.tagFor(n['r']);
      var el = document.createElement(tag);
      el.id = 'cm-' + CMA.ids(n['n']);
      el.dataset['cm'] = n['n'];
      el.dataset['role'] = n['r'];
      if (tag === 'button') el.type = 'button';
      if (CMA.ariaRole(n['r'])) el.setAttribute('role', n['r']);
      if (n['r'] === 'option') el.tabIndex = -1;
      if (tag === 'a') { el.target = '_blank'; el.rel = 'noopener'; }
      if (tag === 'input') el.type = 'text';
      if (n['r'] === 'textbox') { el.spellcheck = true; el.autocomplete = 'off'; }
      return el;
    },
    attr: function(el, name, value) {
      if (value === null || value === undefined || value === false) { if (el.hasAttribute(name)) el.removeAttribute(name); }
      else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, value);
    },
    // Brings one element in line with its node (only what differs is written).
    apply: function(el, n, hasChildren) {
      var S = CMA.S, s = n['s'] || 0, r = n['r'];
      var interactive = r === 'button' || r === 'checkbox' || r === 'tab' || r === 'radio' || r === 'combobox' || r === 'option' || r === 'link';
      var named = r === 'tablist' || r === 'radiogroup' || r === 'listbox' || r === 'group' || r === 'region' || r === 'dialog' || r === 'textbox' ||
                  r === 'list';
      var label = n['l'] || '';
      if (r === 'textbox') {
        // The app's value wins unless the reader is composing (IME): it only differs when the app changed it.
        if (el.value !== n['v'] && !(CMA.composing && document.activeElement === el)) el.value = n['v'];
        CMA.attr(el, 'aria-label', label);
        CMA.attr(el, 'placeholder', n['d'] || null);
      } else if (r === 'combobox') {
        var text = (n['v'] || '');
        if (el.textContent !== text) el.textContent = text;
        CMA.attr(el, 'aria-label', label);
      } else if (!hasChildren && (interactive || r === 'heading' || r === 'text' || r === 'status' || r === 'alert')) {
        if (el.textContent !== label) el.textContent = label;  // (a node holding others says them instead)
      } else if (named) {
        CMA.attr(el, 'aria-label', label || null);
      }
      if (n['u'] && el.tagName === 'A' && el.getAttribute('href') !== n['u']) el.setAttribute('href', n['u']);
      CMA.attr(el, 'aria-pressed', s & S.toggle ? (s & S.pressed ? 'true' : 'false') : null);
      CMA.attr(el, 'aria-checked', r === 'checkbox' || r === 'radio' ? (s & S.checked ? 'true' : 'false') : null);
      CMA.attr(el, 'aria-selected', r === 'tab' || r === 'option' ? (s & S.selected ? 'true' : 'false') : null);
      CMA.attr(el, 'aria-expanded', s & S.expanded ? 'true' : s & S.collapsed ? 'false' : null);
      CMA.attr(el, 'aria-haspopup', r === 'combobox' ? 'listbox' : null);
      // An open combo names its list (declared right after it as "<name>:list").
      CMA.attr(el, 'aria-controls', r === 'combobox' && s & S.expanded ? 'cm-' + CMA.ids(n['n'] + ':list') : null);
      CMA.attr(el, 'aria-disabled', s & S.disabled ? 'true' : null);
      CMA.attr(el, 'aria-modal', s & S.modal ? 'true' : null);
      // One tab stop per tab list and radio group: the chosen one (the rest by arrows).
      if (r === 'tab' || r === 'radio') el.tabIndex = s & (S.selected | S.checked) ? 0 : -1;
      // A description is said after the name: a hidden element the control points to.
      if (interactive && n['d']) {
        var id = 'cmd-' + CMA.ids(n['n']), d = document.getElementById(id);
        if (!d) { d = document.createElement('span'); d.id = id; d.hidden = true; CMA.root.appendChild(d); }
        if (d.textContent !== n['d']) d.textContent = n['d'];
        CMA.attr(el, 'aria-describedby', id);
      } else if (el.hasAttribute('aria-describedby')) {
        var old = document.getElementById(el.getAttribute('aria-describedby'));
        if (old) old.remove();
        el.removeAttribute('aria-describedby');
      }
    },
    // Where each node is drawn (relative to its parent element), clipped as the canvas
    // clips it: `g` holds 8 numbers per node (semantics.h, semantics_geometry). A node
    // that was scrolled away and still is keeps its last place: it is hidden (clipped to
    // nothing), and its offset from its parent does not change with a scroll. So a
    // scroll touches the few elements on screen, not the whole ladder.
    place: function(g, whole) {
      var nodes = CMA.nodes, els = CMA.list, last = whole ? null : CMA.placed;
      var hidden = function(a, k) { return a[k + 6] <= 0 || a[k + 7] <= 0; };
      for (var i = 0; i < nodes.length && i < els.length; i++) {
        var k = i * 8, p = nodes[i]['p'], x = g[k], y = g[k + 1], w = g[k + 2], h = g[k + 3];
        if (last && hidden(g, k) && hidden(last, k)) continue;
        var px = p !== undefined ? g[p * 8] : 0, py = p !== undefined ? g[p * 8 + 1] : 0;
        var st = els[i].style, left = (x - px) + 'px', top = (y - py) + 'px', ws = Math.max(1, w) + 'px', hs = Math.max(1, h) + 'px';
        if (st.left !== left) st.left = left;
        if (st.top !== top) st.top = top;
        if (st.width !== ws) st.width = ws;
        if (st.height !== hs) st.height = hs;
        var cx = g[k + 4], cy = g[k + 5], cw = g[k + 6], ch = g[k + 7], clip = '';
        if (cw < w - 0.5 || ch < h - 0.5) {
          clip = cw <= 0 || ch <= 0 ? 'inset(50%)' : 'inset(' + Math.max(0, cy - y) + 'px ' + Math.max(0, x + w - cx - cw) + 'px ' +
                                                   Math.max(0, y + h - cy - ch) + 'px ' + Math.max(0, cx - x) + 'px)';
        }
        if (st['clipPath'] !== clip) st['clipPath'] = clip;
      }
      CMA.placed = g.slice();  // a copy: the heap's view changes with the next frame
    },
    placed: null,
    idMap: null, idNext: 0,
    ids: function(name) {
      var id = CMA.idMap.get(name);
      if (id === undefined) { id = ++CMA.idNext; CMA.idMap.set(name, id); }
      return id;
    },
    order: [],  // the node names of the last tree, in reading order
    nodes: [], list: [],  // its nodes, and their elements
    update: function(tree, g) {  // g: the nodes' places (place())
      var nodes = tree['nodes'], seen = new Set(), root = CMA.root;
      var active = document.activeElement, activeAt = active && root.contains(active) ? CMA.order.indexOf(active.dataset['cm']) : -1;
      root.classList.toggle('cm-dark', !!tree['dark']);
      var els = nodes.map(function(n, i) {
        var el = CMA.els.get(n['n']);
        if (el && el.dataset['role'] !== n['r']) { el.remove(); el = null; }
        if (el && n['r'] === 'textbox' && (el.tagName === 'TEXTAREA') !== !!(n['s'] & CMA.S.multiline)) { el.remove(); el = null; }
        if (!el) { el = CMA.element(n); CMA.els.set(n['n'], el); }
        seen.add(n['n']);
        return el;
      });
      // Children in reading order under their parents; only misplaced ones move (moving a focused element would blur it).
      var expected = new Map(), parents = new Set();
      nodes.forEach(function(n) { if (n['p'] !== undefined) parents.add(n['p']); });
      nodes.forEach(function(n, i) {
        var parent = n['p'] !== undefined ? els[n['p']] : root;
        if (!expected.has(parent)) expected.set(parent, []);
        expected.get(parent).push(els[i]);
        CMA.apply(els[i], n, parents.has(i));
      });
      expected.forEach(function(children, parent) {
        var at = parent.firstElementChild;
        children.forEach(function(child) {
          while (at && !at.dataset['cm']) at = at.nextElementSibling;  // descriptions stay where they are
          if (at === child) { at = at.nextElementSibling; return; }
          parent.insertBefore(child, at);
        });
      });
      CMA.els.forEach(function(el, name) {
        if (seen.has(name)) return;
        if (el.hasAttribute('aria-describedby')) { var d = document.getElementById(el.getAttribute('aria-describedby')); if (d) d.remove(); }
        el.remove();
        CMA.els.delete(name);
      });
      CMA.order = nodes.map(function(n) { return n['n']; });
      CMA.nodes = nodes;
      CMA.list = els;
      // The app's focus moves the page's, while the page's focus is in the app.
      var lost = activeAt >= 0 && !root.contains(active);
      var now = document.activeElement;
      if (tree['focus'] && (lost || now === CM.canvas || root.contains(now))) {
        var want = CMA.els.get(tree['focus']);
        if (want && want !== now) want.focus({ 'preventScroll': true });
      }
      // The focused control went away (its button was used up, its row removed) and the
      // app names nothing else: the focus goes to what now stands in its place, rather
      // than to the page's start.
      if (lost && !root.contains(document.activeElement)) {
        for (var k = Math.min(activeAt, nodes.length - 1); k >= 0; k--) {
          var el = els[k];  // shown, not scrolled away
          if (g[k * 8 + 6] > 0 && g[k * 8 + 7] > 0 && (el.tabIndex >= 0 || el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) { el.focus({ 'preventScroll': true }); break; }
        }
      }
      (tree['say'] || []).forEach(function(a) {
        var live = a['a'] ? CMA.assertive : CMA.polite;
        live.textContent = live.textContent === a['t'] ? a['t'] + '\u00a0' : a['t'];  // the same words again are said again
      });
    },
  },

  cm_js_semantics__deps: ['$CMA'],
  // The tree when it changed (0 when only places did), then every node's place,
  // read from the wasm heap without a copy.
  cm_js_semantics: function(ptr, geometry, count) {
    var g = HEAPF32.subarray(geometry >> 2, (geometry >> 2) + count * 8);
    if (ptr) CMA.update(JSON.parse(UTF8ToString(ptr)), g);
    CMA.place(g, !!ptr);  // a new tree is placed whole: its nodes may be other nodes
  },

  cm_js_init__deps: ['$CM', '$CMA', 'malloc', 'free'],
  cm_js_init: function(selectorPtr) {
    var c = document.querySelector(UTF8ToString(selectorPtr));
    CM.canvas = c;
    CMA.init(c);
    // The pointer over the canvas and over the accessibility layer's elements (which
    // sit on top of it) is the same pointer to the app.
    var editing = function(e) { return e.target.tagName === 'INPUT' || e.target.tagName === 'TEXTAREA'; };  // the field's own
    CMA.root.addEventListener('mousedown', function(e) {
      // A click on an element is a click on the canvas: the canvas takes focus, as it
      // would, and the app's focus then moves the page's (no focus ring for the mouse).
      if (editing(e)) return;
      e.preventDefault();
      c.focus({ 'preventScroll': true });
    });
    [c, CMA.root].forEach(function(el) {
      el.addEventListener('pointerdown', function(e) {
        if (el !== c && editing(e)) return;
        if (e.pointerType === 'touch') {
          CM.touch = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
          CM.pointer(0, e);  // hover first, so the press lands on what is under the finger
          return;
        }
        c.setPointerCapture(e.pointerId);  // drags keep working outside the canvas (and land on it)
        CM.pointer(1, e);
      });
      el.addEventListener('pointermove', function(e) {
        if (el !== c && editing(e) && !CM.touch) return;
        var t = CM.touch;
        if (t && t.id === e.pointerId) {
          var dx = e.clientX - t.x, dy = e.clientY - t.y;
          if (!t.moved && Math.abs(dx) + Math.abs(dy) < 8) return;
          t.moved = true;
          t.x = e.clientX; t.y = e.clientY;
          // A finger drag scrolls what is under it, and the page once the app cannot scroll further.
          if (!_cm_on_wheel(-dx, -dy, CM.modifiers(e))) CM.scrollHost(-dy);
          return;
        }
        CM.pointer(0, e);
      });
      el.addEventListener('pointerup', function(e) {
        if (el !== c && editing(e) && !CM.touch) return;
        var t = CM.touch;
        if (t && t.id === e.pointerId) {
          CM.touch = null;
          if (!t.moved) { CM.pointer(1, e); CM.pointer(2, e); }  // a tap is a click
          _cm_on_pointer(3, 0, 0, 0, 0, 0, 1);  // and then the finger is gone: no hover stays behind
          return;
        }
        CM.pointer(2, e);
      });
      el.addEventListener('pointercancel', function(e) { CM.touch = null; _cm_on_pointer(3, 0, 0, 0, 0, 0, 0); });
      el.addEventListener('pointerleave', function(e) { if (!e.buttons) _cm_on_pointer(3, 0, 0, 0, 0, 0, 0); });
      el.addEventListener('contextmenu', function(e) { e.preventDefault(); });
      el.addEventListener('wheel', function(e) {
        if (e.ctrlKey) return;  // pinch and Ctrl+wheel zoom the page
        var k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? c.clientHeight : 1;
        // The app keeps the wheel only when it really scrolls something; otherwise the page scrolls.
        if (_cm_on_wheel(e.deltaX * k, e.deltaY * k, CM.modifiers(e))) e.preventDefault();
      }, { 'passive': false });
    });
    c.addEventListener('keydown', CM.keyDown);
    c.addEventListener('keyup', CM.keyUp);
    // Focus moving between the canvas and the accessibility layer stays in the app (a
    // focus loss would drop the mouse button held for a click in progress).
    var inApp = function(el) { return el && (el === c || CMA.root.contains(el)); };
    c.addEventListener('focus', function(e) { if (!inApp(e.relatedTarget)) _cm_on_focus(1); });
    c.addEventListener('blur', function(e) { if (!inApp(e.relatedTarget)) _cm_on_focus(0); });
    document.addEventListener('paste', function(e) {
      if (document.activeElement !== c) return;
      e.preventDefault();
      CM.withString(e.clipboardData.getData('text/plain') || '', _cm_on_paste);
    });
    document.addEventListener('visibilitychange', function() { if (document.hidden) _cm_on_page_hidden(); });
    window.addEventListener('pagehide', function() { _cm_on_page_hidden(); });
    // Back/forward between entries the app pushed fires popstate; links and typed URLs fire hashchange.
    var onHash = function() { CM.withString(location.hash.slice(1), _cm_on_hash_change); };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function(e) { _cm_on_color_scheme(e.matches ? 1 : 0); });
    window.addEventListener('storage', function(e) { if (e.key !== null) CM.withString(e.key, _cm_on_storage); });
    new ResizeObserver(CM.resize).observe(c);
    CM.watchPixelRatio();
    CM.resize();
  },

  cm_js_set_cursor__deps: ['$CM', '$CMA'],
  cm_js_set_cursor: function(namePtr) {
    var name = UTF8ToString(namePtr);
    if (CM.cursor !== name) { CM.cursor = name; CM.canvas.style.cursor = name; CMA.root.style.cursor = name; }
  },

  cm_js_set_clipboard: function(ptr) {
    var text = UTF8ToString(ptr);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function() { copyWithSelection(text); });
    } else copyWithSelection(text);
    // Fallback for pages without the async clipboard (insecure origins, old browsers).
    function copyWithSelection(t) {
      var ta = document.createElement('textarea');
      ta.value = t;
      ta.className = 'cm-offscreen';
      document.body.appendChild(ta);
      ta.select();
      try { document.execCommand('copy'); } catch (e) {}
      ta.remove();
      CM.canvas.focus({ 'preventScroll': true });
    }
  },

  cm_js_url_hash__deps: ['$CM'],
  cm_js_url_hash: function() { return CM.newString(location.hash.slice(1)); },  // still percent-encoded: the core decodes

  cm_js_set_url_hash: function(ptr, push) {
    var h = UTF8ToString(ptr);
    var url = location.pathname + location.search + (h ? '#' + h : '');
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  },

  cm_js_open_url: function(ptr) {
    var w = window.open(UTF8ToString(ptr), '_blank', 'noopener');
    if (w) w.opener = null;
  },

  cm_js_download: function(namePtr, mimePtr, dataPtr, len) {
    var blob = new Blob([HEAPU8.slice(dataPtr, dataPtr + len)], { type: UTF8ToString(mimePtr) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(namePtr);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(a.href); }, 10000);
  },

  cm_js_open_file_picker__deps: ['$CM'],
  cm_js_open_file_picker: function(acceptPtr) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(acceptPtr);
    input.className = 'cm-offscreen';
    input.addEventListener('change', function() {
      var f = input.files && input.files[0];
      input.remove();
      if (!f) return;
      f.text().then(function(text) {
        CM.withString(f.name, function(name) { CM.withString(text, function(t) { _cm_on_file_opened(name, t, f.size); }); });
      }, function() {
        CM.withString(f.name, function(name) { _cm_on_file_opened(name, 0, f.size); });
      });
    });
    document.body.appendChild(input);
    input.click();
  },

  // Printing: the document's body goes into the page's print area (style.css
  // shows only it on paper). Parsed, never executed: DOMParser runs no scripts.
  cm_js_print_html: function(htmlPtr) {
    var doc = new DOMParser().parseFromString(UTF8ToString(htmlPtr), 'text/html');
    var area = document.getElementById('cm-print');
    if (!area) { area = document.createElement('div'); area.id = 'cm-print'; document.body.appendChild(area); }
    area.textContent = '';
    Array.from(doc.body.childNodes).forEach(function(n) { if (n.nodeName !== 'SCRIPT' && n.nodeName !== 'STYLE') area.appendChild(n); });
    setTimeout(function() { window.print(); }, 0);
  },

  // localStorage. Status codes: 0 ok, 1 missing, 2 quota exceeded, 3 unavailable, 4 other error.
  cm_js_storage_get__deps: ['$CM'],
  cm_js_storage_get: function(keyPtr, outPtr) {
    try {
      var v = window.localStorage.getItem(UTF8ToString(keyPtr));
      if (v === null) return 1;
      HEAPU32[outPtr >> 2] = CM.newString(v);
      return 0;
    } catch (e) { return 3; }
  },
  cm_js_storage_set__deps: ['$CM'],
  cm_js_storage_set: function(keyPtr, valuePtr) {
    try {
      window.localStorage.setItem(UTF8ToString(keyPtr), UTF8ToString(valuePtr));
      return 0;
    } catch (e) {
      return CM.storageError(e);
    }
  },
  // The value moves from key to key as the JavaScript string it is: a backup is
  // the exact value, whatever it holds (UTF8ToString would turn a lone surrogate into U+FFFD).
  cm_js_storage_copy__deps: ['$CM'],
  cm_js_storage_copy: function(fromPtr, toPtr) {
    var from = UTF8ToString(fromPtr), to = UTF8ToString(toPtr);
    try {
      var v = window.localStorage.getItem(from);
      if (v === null) return 1;
      window.localStorage.setItem(to, v);
      if (window.localStorage.getItem(to) === v && window.localStorage.getItem(from) === v) return 0;
      window.localStorage.removeItem(to);
      return 4;
    } catch (e) {
      return CM.storageError(e);
    }
  },
  cm_js_storage_remove: function(keyPtr) {
    try { window.localStorage.removeItem(UTF8ToString(keyPtr)); return 0; } catch (e) { return 3; }
  },
  cm_js_storage_keys__deps: ['$CM'],
  cm_js_storage_keys: function(prefixPtr) {
    var prefix = UTF8ToString(prefixPtr), keys = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var k = window.localStorage.key(i);
        if (k !== null && k.indexOf(prefix) === 0) keys.push(k);
      }
    } catch (e) { return 0; }
    return CM.newString(keys.join('\n'));
  },

  cm_js_storage_persistence: function(ask) {
    var s = navigator.storage;
    if (!s || !s.persist || !s.persisted) { _cm_on_persistence(0); return; }
    (ask ? s.persist() : s.persisted()).then(function(kept) { _cm_on_persistence(kept ? 1 : 2); },
                                             function() { _cm_on_persistence(0); });
  },

  cm_js_content_height: function(h) { if (Module['onContentHeight']) Module['onContentHeight'](h); },
  cm_js_mark: function(namePtr) { performance.mark(UTF8ToString(namePtr)); },  // the load timeline (tools/bench)
  cm_js_first_frame: function() { if (Module['onFirstFrame']) Module['onFirstFrame'](); },
  cm_js_fatal_error: function(titlePtr, detailsPtr) {
    if (Module['onFatalError']) Module['onFatalError'](UTF8ToString(titlePtr), UTF8ToString(detailsPtr));
  },
  cm_js_release_focus__deps: ['$CM', '$CMA'],
  cm_js_release_focus: function() {
    CM.canvas.blur();
    if (CMA.root && CMA.root.contains(document.activeElement)) document.activeElement.blur();
    if (Module['onReleaseFocus']) Module['onReleaseFocus']();
  },
  cm_js_is_mac: function() { return /Mac|iPhone|iPad/.test(navigator.platform || '') ? 1 : 0; },
  cm_js_prefers_dark: function() { return window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; },
});
