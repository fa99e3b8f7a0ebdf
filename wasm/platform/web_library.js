// Career Matrix: the browser half of the platform layer (an Emscripten JS library).
// Input is listened for on the canvas only (never on the whole document), so a
// host page keeps its keys, its wheel scrolling and its own text fields.
// platform_web.cpp is the other half; the page's loader (shell/loader.js)
// provides Module.onFirstFrame/onFatalError/onContentHeight/onReleaseFocus.

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
      var mq = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      mq.addEventListener('change', function() { CM.resize(); CM.watchPixelRatio(); }, { once: true });
    },
    scrollHost: function(dy) {
      // A touch drag the app could not use scrolls the page (or the embedding page).
      if (window.parent !== window) window.parent.postMessage({ type: 'career-matrix:scroll', dy: dy }, '*');
      else window.scrollBy(0, dy);
    },
    touch: null,  // {id, x, y, moved}
  },

  cm_js_init__deps: ['$CM', 'malloc', 'free'],
  cm_js_init: function(selectorPtr) {
    var c = document.querySelector(UTF8ToString(selectorPtr));
    CM.canvas = c;
    c.addEventListener('pointerdown', function(e) {
      if (e.pointerType === 'touch') {
        CM.touch = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
        CM.pointer(0, e);  // hover first, so the press lands on what is under the finger
        return;
      }
      c.setPointerCapture(e.pointerId);  // drags keep working outside the canvas
      CM.pointer(1, e);
    });
    c.addEventListener('pointermove', function(e) {
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
    c.addEventListener('pointerup', function(e) {
      var t = CM.touch;
      if (t && t.id === e.pointerId) {
        CM.touch = null;
        if (!t.moved) { CM.pointer(1, e); CM.pointer(2, e); }  // a tap is a click
        _cm_on_pointer(3, 0, 0, 0, 0, 0, 1);  // and then the finger is gone: no hover stays behind
        return;
      }
      CM.pointer(2, e);
    });
    c.addEventListener('pointercancel', function(e) { CM.touch = null; _cm_on_pointer(3, 0, 0, 0, 0, 0, 0); });
    c.addEventListener('pointerleave', function(e) { if (!e.buttons) _cm_on_pointer(3, 0, 0, 0, 0, 0, 0); });
    c.addEventListener('contextmenu', function(e) { e.preventDefault(); });
    c.addEventListener('wheel', function(e) {
      if (e.ctrlKey) return;  // pinch and Ctrl+wheel zoom the page
      var k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? c.clientHeight : 1;
      // The app keeps the wheel only when it really scrolls something; otherwise the page scrolls.
      if (_cm_on_wheel(e.deltaX * k, e.deltaY * k, CM.modifiers(e))) e.preventDefault();
    }, { passive: false });
    c.addEventListener('keydown', function(e) {
      if (e.isComposing) return;
      var text = e.key.length > 0 && Array.from(e.key).length === 1 && !e.ctrlKey && !e.metaKey ? e.key : '';
      var handled = CM.withString(e.code || '', function(code) {
        return CM.withString(e.key || '', function(key) {
          return _cm_on_key(1, code, key, CM.modifiers(e), e.repeat ? 1 : 0);
        });
      });
      if (text) { CM.withString(text, _cm_on_text); handled = 1; }
      if (handled) e.preventDefault();
    });
    c.addEventListener('keyup', function(e) {
      CM.withString(e.code || '', function(code) {
        return CM.withString(e.key || '', function(key) { return _cm_on_key(0, code, key, CM.modifiers(e), 0); });
      });
    });
    c.addEventListener('focus', function() { _cm_on_focus(1); });
    c.addEventListener('blur', function() { _cm_on_focus(0); });
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
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function(e) { _cm_on_color_scheme(e.matches ? 1 : 0); });
    window.addEventListener('storage', function(e) { if (e.key !== null) CM.withString(e.key, _cm_on_storage); });
    new ResizeObserver(CM.resize).observe(c);
    CM.watchPixelRatio();
    CM.resize();
  },

  cm_js_set_cursor__deps: ['$CM'],
  cm_js_set_cursor: function(namePtr) {
    var name = UTF8ToString(namePtr);
    if (CM.cursor !== name) { CM.cursor = name; CM.canvas.style.cursor = name; }
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
      CM.canvas.focus({ preventScroll: true });
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
    area.replaceChildren.apply(area, Array.from(doc.body.childNodes).filter(function(n) { return n.nodeName !== 'SCRIPT' && n.nodeName !== 'STYLE'; }));
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
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
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

  cm_js_content_height: function(h) { if (Module.onContentHeight) Module.onContentHeight(h); },
  cm_js_first_frame: function() { if (Module.onFirstFrame) Module.onFirstFrame(); },
  cm_js_fatal_error: function(titlePtr, detailsPtr) {
    if (Module.onFatalError) Module.onFatalError(UTF8ToString(titlePtr), UTF8ToString(detailsPtr));
  },
  cm_js_release_focus__deps: ['$CM'],
  cm_js_release_focus: function() {
    CM.canvas.blur();
    if (Module.onReleaseFocus) Module.onReleaseFocus();
  },
  cm_js_is_mac: function() { return /Mac|iPhone|iPad/.test(navigator.platform || '') ? 1 : 0; },
  cm_js_is_touch: function() { return matchMedia('(pointer: coarse)').matches ? 1 : 0; },
  cm_js_prefers_dark: function() { return matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; },

  cm_js_edit_text__deps: ['$CM'],
  cm_js_edit_text: function(labelPtr, currentPtr, multiline) {
    if (Module.onEditText) {
      Module.onEditText(UTF8ToString(labelPtr), UTF8ToString(currentPtr), !!multiline, function(text) {
        if (text !== null) CM.withString(text, _cm_on_text_edited);
        CM.canvas.focus({ preventScroll: true });
      });
    }
  },
});
