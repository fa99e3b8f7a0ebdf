// Career Matrix page loader.
//
// Starts every download at once (wasm with a progress bar, the framework data,
// the fonts), hands them to the app, shows readable errors when anything fails,
// and publishes a small API for embedding pages and tests:
//
//   careerMatrix.ready        Promise, resolves after the first frame with the ladder drawn
//                             (rejects with the error shown on the page)
//   careerMatrix.state()      the current view state as a plain object
//   careerMatrix.frameStats() recent frame times in ms ({count, app: [...], total: [...]})
//   careerMatrix.memory()     wasm memory in bytes ({wasm, heap, used})
//   careerMatrix.busy()       true while frames are scheduled (input still being handled)
//   careerMatrix.targets()    where named controls were drawn in the last frame, in CSS px
//                             ({"chip:level:senior": {x, y, w, h}, ...}): tests click by name
//
// Performance marks: "wasm loaded", "data loaded", "first frame".
// File URLs come from this script tag's data-* attributes (relative to the page,
// so the bundle works under any path prefix); ?data=NAME.json picks another
// framework file in the bundle's data/ folder.
(function () {
  'use strict';
  var script = document.currentScript;
  var $ = function (id) { return document.getElementById(id); };
  var settle = {};
  var failed = false;
  var Module = null;
  // In an embedding page's frame the host page carries the text link right after the
  // frame (hugo/ shortcode); style.css hides ours, so the canvas fills the frame and the
  // frame's height is the app's content height.
  if (window.parent !== window) document.documentElement.classList.add('cm-embedded');

  var api = window.careerMatrix = {
    ready: new Promise(function (resolve, reject) { settle.resolve = resolve; settle.reject = reject; }),
    state: function () { return Module ? JSON.parse(Module.UTF8ToString(Module._cm_state())) : { loaded: false }; },
    frameStats: function () { return Module ? JSON.parse(Module.UTF8ToString(Module._cm_frame_stats())) : null; },
    memory: function () { return Module ? JSON.parse(Module.UTF8ToString(Module._cm_memory())) : null; },
    busy: function () { return Module ? !!Module._cm_busy() : true; },
    targets: function () { return Module ? JSON.parse(Module.UTF8ToString(Module._cm_targets())) : {}; },
  };
  api.ready.catch(function () {});  // failures are shown on the page; callers may still await

  function showError(title, details) {
    if (failed) return;
    failed = true;
    $('cm-loading').hidden = true;
    $('cm-canvas').hidden = true;
    $('cm-error-title').textContent = title;
    $('cm-error-details').textContent = details || '';
    $('cm-error').hidden = false;
    settle.reject(new Error(title + (details ? '\n' + details : '')));
  }

  function frameworkUrl() {
    var name = new URLSearchParams(location.search).get('data');
    // Only plain file names inside the bundle's data/ folder: never another origin or a parent path.
    if (name && /^[a-z0-9][a-z0-9._-]{0,80}\.json$/i.test(name)) {
      // Each framework file has its text version at text/<name>.html (tools/bundle.py).
      document.querySelectorAll('a[href^="framework.html"]').forEach(function (a) { a.href = 'text/' + name.slice(0, -5) + '.html'; });
      return 'data/' + name;
    }
    if (name) showError('Unknown framework file', '"' + name + '" is not a file name in the data/ folder.');
    return script.dataset.framework;
  }

  function fetchOk(url, what) {
    return fetch(url).then(function (res) {
      if (!res.ok) throw new Error('Could not load ' + what + ' (' + url.split('?')[0] + '): HTTP ' + res.status + ' ' + res.statusText);
      return res;
    }, function (err) {
      throw new Error('Could not load ' + what + ' (' + url.split('?')[0] + '): ' + err.message);
    });
  }

  // The wasm streams into the compiler while a progress bar counts its bytes.
  function wasmResponse() {
    var bar = $('cm-progress');
    return fetchOk(script.dataset.wasm, 'the application').then(function (res) {
      var total = +res.headers.get('Content-Length') || 0;
      if (!res.body || !total || res.headers.get('Content-Encoding')) { bar.removeAttribute('value'); return res; }
      var loaded = 0, reader = res.body.getReader();
      var counted = new ReadableStream({
        pull: function (c) {
          return reader.read().then(function (r) {
            if (r.done) { c.close(); return; }
            loaded += r.value.length;
            bar.value = Math.min(loaded / total, 1);
            c.enqueue(r.value);
          });
        },
      });
      return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('Could not load the application (' + src.split('?')[0] + ')')); };
      document.head.appendChild(s);
    });
  }

  function toHeap(bytes) {
    var p = Module._malloc(bytes.length + 1);
    Module.HEAPU8.set(bytes, p);
    Module.HEAPU8[p + bytes.length] = 0;
    return p;
  }

  function withCString(s, f) {
    var p = toHeap(new TextEncoder().encode(s));
    try { return f(p); } finally { Module._free(p); }
  }

  // What the two pairs of font files hold (tools/bundle.py FIRST_GLYPHS, LATER_GLYPHS), for the editors' FontFaces.
  var FIRST_GLYPHS = 'U+20-7E, U+A0, U+B7, U+2013-2014, U+2018-201D, U+2022, U+2026, U+2190-2193, U+25B8, U+25BE, U+2713';
  var LATER_GLYPHS = 'U+A1-B6, U+B8-FF';

  // The rest of Latin-1 (the first fonts hold what the first frame draws). Without
  // it those characters show as a placeholder glyph, so a failure is only logged.
  function loadLaterFonts() {
    var urls = (script.dataset.laterFonts || '').split(' ').filter(Boolean);
    if (urls.length !== 2) return;
    Promise.all(urls.map(function (url) {
      return fetchOk(url, 'a font').then(function (r) { return r.arrayBuffer(); });
    })).then(function (buffers) {
      var a = new Uint8Array(buffers[0]), b = new Uint8Array(buffers[1]), pa = toHeap(a), pb = toHeap(b);
      Module._cm_add_later_fonts(pa, a.length, pb, b.length);
      Module._free(pa);
      Module._free(pb);
      performance.mark('later fonts');
      if (window.FontFace) document.fonts.add(new FontFace('Career Matrix', buffers[0], { unicodeRange: LATER_GLYPHS }));
    }).catch(function (e) { console.warn('Career Matrix: ' + e.message + '; accented letters show as a placeholder.'); });
  }

  function start() {
    var dataUrl = frameworkUrl();
    if (failed) return;
    var fonts = (script.dataset.fonts || '').split(' ').filter(Boolean).map(function (url) {
      return fetchOk(url, 'a font').then(function (r) { return r.arrayBuffer(); });
    });
    var data = fetchOk(dataUrl, 'the framework data').then(function (r) { return r.text(); });
    // Compiled as it streams, from now on: app.js loads meanwhile.
    var compiled = wasmResponse().then(function (res) { return WebAssembly.compileStreaming(res); });
    compiled.catch(function () {});  // reported when the app asks for it (instantiateWasm)
    var height = 0;
    var moduleArg = {
      instantiateWasm: function (imports, receive) {
        compiled.then(function (module) {
          return WebAssembly.instantiate(module, imports).then(function (instance) {
            performance.mark('wasm loaded');
            receive(instance, module);
          });
        }).catch(function (e) { showError('The application could not start', e.message); });
        return {};
      },
      onFirstFrame: function () {
        performance.mark('first frame');
        document.body.classList.add('cm-loaded');
        settle.resolve(api);
        loadLaterFonts();
      },
      onFatalError: showError,
      onContentHeight: function (h) {
        // An embedding page sizes its iframe to the app (see hugo/ in the repository).
        if (window.parent === window || Math.abs(h - height) < 1) return;
        height = h;
        window.parent.postMessage({ type: 'career-matrix:height', height: Math.ceil(h) }, '*');
      },
      onReleaseFocus: function () {
        if (window.parent !== window) window.parent.postMessage({ type: 'career-matrix:release-focus' }, '*');
        else $('cm-text-link').focus();
      },
    };
    loadScript(script.dataset.app)
      .then(function () { return createCareerMatrix(moduleArg); })
      .then(function (m) {
        Module = m;
        return Promise.all(fonts);
      })
      .then(function (buffers) {
        buffers.forEach(function (buf, i) {
          var bytes = new Uint8Array(buf), p = toHeap(bytes);
          Module._cm_set_font(i, p, bytes.length);
          Module._free(p);
          // The same font for the text fields' editors, which the page draws over the canvas.
          if (i === 0 && window.FontFace) document.fonts.add(new FontFace('Career Matrix', buf, { unicodeRange: FIRST_GLYPHS }));
        });
        if (!withCString('#cm-canvas', Module._cm_start))
          throw new Error('This browser could not create a WebGL 2 context, which the ladder needs to draw. The text version below has the same content.');
        return data;
      })
      .then(function (text) {
        performance.mark('data loaded');
        var name = dataUrl.split('?')[0].split('/').pop();
        var bytes = new TextEncoder().encode(text), p = toHeap(bytes);
        withCString(name, function (n) { Module._cm_load_framework(p, bytes.length, n); });
        Module._free(p);
      })
      .catch(function (e) { showError('The career framework could not be shown', e.message); });
  }

  if (typeof WebAssembly !== 'object') {
    showError('This browser cannot run the career framework app', 'It needs WebAssembly. The text version below has the same content.');
  } else {
    start();
  }
})();
