// The browser half of tools/bench: loads, frame times, main-thread CPU and
// memory of the app in headless Chromium (Debian's, through playwright-core),
// measured in real time. tools/bench prepares the folders and turns the JSON
// this prints into BENCHMARKS.md; run by hand:
//
//   node bench/browser.mjs --bundle DIR --stock DIR --plans FILE [--loads 10] [--runs 3]
//                          [--seconds 10] [--events 200] [--only firstframe,compile,loads,frames,cpu,plan] [--out results.json]
//
//   --bundle  a copy of build/web/bundle with data/synthetic-10x.json and -100x.json
//   --stock   the built stock ImGui loops (index.html + stock.js, paused.html + paused.js)
//   --plans   a stored plans document (cm-bench-plan) to seed localStorage with
//
// Every load is a fresh browser context (empty cache and storage). Servers and
// the browser are closed on every exit path, including errors and Ctrl+C.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { TRACE_CATEGORIES, compileByPhase } from './trace.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1100, height: 760 };
const SCALES = [1, 10, 100];
const MARKS = ['wasm loaded', 'data loaded', 'first frame'];
const COMPILE_LOADS = 3;  // traced loads of each page
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
];

// [SECTION] Options, logging, cleanup

function parseArgs(argv) {
  const o = { loads: 10, runs: 3, seconds: 10, events: 200, out: null, only: 'firstframe,compile,loads,frames,cpu,plan' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, ''), value = argv[i + 1];
    if (!(key in { bundle: 1, stock: 1, plans: 1, loads: 1, runs: 1, seconds: 1, events: 1, out: 1, only: 1 }) || value === undefined)
      throw new Error(`unknown or incomplete option ${argv[i]}`);
    o[key] = ['loads', 'runs', 'seconds', 'events'].includes(key) ? Number(value) : value;
    i++;
  }
  for (const k of ['bundle', 'stock', 'plans']) if (!o[k]) throw new Error(`--${k} is required`);
  o.only = new Set(o.only.split(','));
  return o;
}

const log = (msg) => process.stderr.write(`[browser] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    const step = cleanups.pop();
    // Never hang on the way out: a step gets 10 s.
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => { log('a cleanup step timed out'); resolve(); }, 10000); });
    try { await Promise.race([step(), timeout]); } catch { /* already gone */ }
    clearTimeout(timer);
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup().finally(() => process.exit(130)); });

// serve.py on a free port; resolves to its base URL once it prints it.
function startServer(dir) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [join(root, 'serve.py'), '--port', '0', '--no-build', '--root', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', started = false;
    const fail = (why) => { proc.kill(); reject(new Error(`serve.py for ${dir} ${why}: ${out.trim()}`)); };
    const timer = setTimeout(() => fail('did not start in 10 s'), 10000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /serving .* at (http:\/\/\S+)/.exec(out);
      if (m && !started) {
        started = true;
        clearTimeout(timer);
        cleanups.push(() => new Promise((r) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return r();
          proc.once('exit', r);
          proc.kill();
        }));
        resolve(m[1]);
      }
    });
    proc.stderr.on('data', (chunk) => { out += chunk; });
    proc.on('error', (e) => { clearTimeout(timer); reject(e); });
    proc.on('exit', (code) => { clearTimeout(timer); if (!/serving/.test(out)) reject(new Error(`serve.py exited (${code}): ${out.trim()}`)); });
  });
}

// [SECTION] Pages

// Errors fail an app page: a benchmark of a broken page means nothing. The
// stock loop's are expected (GLFW emulation asks for fullscreen without a user
// gesture and the promise rejects), so they are not watched there.
async function newPage(browser, initScript, { watchErrors = true } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  if (initScript) await context.addInitScript(initScript.fn, initScript.arg);
  const page = await context.newPage();
  page.errors = [];
  if (watchErrors) {
    page.on('pageerror', (e) => page.errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  }
  return { context, page };
}

const appUrl = (base, scale) => (scale === 1 ? base : `${base}?data=synthetic-${scale}x.json`);

// Navigates and waits for careerMatrix.ready, failing with the page's own error text.
async function openApp(page, url) {
  await page.goto(url);
  const ok = await page.evaluate(() => window.careerMatrix.ready.then(() => null, (e) => String(e && e.message || e)));
  if (ok !== null) throw new Error(`the app did not start at ${url}: ${ok}`);
  await settle(page);
}

// Until the app has drawn what its input asked for and sleeps again (at most 5 s).
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    const check = () => (!window.careerMatrix.busy() || performance.now() - start > 5000 ? resolve() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  }));
}

const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

// [SECTION] Loads: performance marks, first-load requests, memory

async function measureLoads(browser, base, opt) {
  const out = {};
  let requests = null;
  for (const scale of SCALES) {
    const runs = [];
    for (let i = 0; i < opt.loads; i++) {
      const { context, page } = await newPage(browser);
      const seen = [];
      page.on('request', (r) => seen.push(new URL(r.url()).pathname));
      try {
        await openApp(page, appUrl(base, scale));
        const marks = await page.evaluate((names) => Object.fromEntries(names.map((n) => {
          const e = performance.getEntriesByName(n, 'mark')[0];
          return [n, e ? e.startTime : null];
        })), MARKS);
        const memory = await page.evaluate(() => window.careerMatrix.memory());
        const state = await page.evaluate(() => window.careerMatrix.state());
        if (page.errors.length) throw new Error(`page errors at ${scale}x: ${page.errors.join('; ')}`);
        runs.push({ marks, memory, expectations: state.framework.expectations });
        if (scale === 1 && i === 0) requests = seen.slice();
      } finally {
        await context.close();
      }
    }
    out[scale] = runs;
    log(`loads ${scale}x: first frame ${runs.map((r) => r.marks['first frame'].toFixed(0)).join(' ')} ms`);
  }
  return { loads: out, requests };
}

// [SECTION] First frame next to a bare ImGui page

// The app (1x) and the paused stock page, loaded in turn so that whatever else the
// machine does falls on both alike. Each load: every performance mark, and when
// each file of the page arrived (Resource Timing), for the load timeline.
async function measureFirstFrame(browser, appBase, stockBase, opt) {
  const out = { app: [], bare: [] };
  const timeline = (page) => page.evaluate(() => ({
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    resources: performance.getEntriesByType('resource').map((r) => ({
      path: new URL(r.name).pathname, start: r.startTime, responseStart: r.responseStart, end: r.responseEnd,
    })),
    responseEnd: performance.getEntriesByType('navigation')[0].responseEnd,
  }));
  for (let i = 0; i < opt.loads; i++) {
    for (const which of ['app', 'bare']) {
      const { context, page } = await newPage(browser, null, { watchErrors: which === 'app' });
      try {
        if (which === 'app') await openApp(page, appBase);
        else {
          await page.goto(stockBase + 'paused.html');
          await page.waitForFunction(() => window.stockFirstFrame === true, null, { timeout: 30000 });
        }
        const t = await timeline(page);
        if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
        if (t.marks['first frame'] === undefined) throw new Error(`no "first frame" mark on the ${which} page`);
        out[which].push(t);
      } finally {
        await context.close();
      }
    }
  }
  const ff = (w) => out[w].map((t) => t.marks['first frame'].toFixed(0)).join(' ');
  log(`first frame: app ${ff('app')} ms; bare ImGui page ${ff('bare')} ms`);
  return out;
}

// [SECTION] Compiling wasm on the main thread, from Chrome's trace

// A few more loads of each page, traced (tracing slows a page down, so these are
// not the timed loads above): per step to the first frame, how long the main
// thread spent compiling wasm functions on their first call.
const APP_STEPS = ['wasm loaded', 'data loaded', 'data parsed', 'fonts built', 'first layout', 'first frame'];
async function tracedLoad(browser, which, appBase, stockBase) {
  const { context, page } = await newPage(browser, null, { watchErrors: which === 'app' });
  try {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    let events;
    try {
      if (which === 'app') await openApp(page, appBase);
      else {
        await page.goto(stockBase + 'paused.html');
        await page.waitForFunction(() => window.stockFirstFrame === true, null, { timeout: 30000 });
      }
    } finally {
      const trace = JSON.parse((await browser.stopTracing()).toString());
      events = trace.traceEvents || trace;
    }
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
    return compileByPhase(events, which === 'app' ? APP_STEPS : ['first frame']);
  } finally {
    await context.close();
  }
}

async function measureCompile(browser, appBase, stockBase, loads) {
  const out = { app: [], bare: [] };
  for (let i = 0; i < loads; i++) {
    for (const which of ['app', 'bare']) {
      // A trace has once come back without the page's marks: that load is traced again, once.
      let phases;
      try {
        phases = await tracedLoad(browser, which, appBase, stockBase);
      } catch (e) {
        if (!/in the trace/.test(e.message)) throw e;
        log(`traced load of the ${which} page: ${e.message}; tracing it again`);
        phases = await tracedLoad(browser, which, appBase, stockBase);
      }
      out[which].push(phases);
    }
  }
  const total = (w) => out[w].map((p) => p.reduce((s, x) => s + x.compileMs, 0).toFixed(0)).join(' ');
  log(`compiling wasm before the first frame: app ${total('app')} ms; bare ImGui page ${total('bare')} ms`);
  return out;
}

// [SECTION] C++ time per frame while scrolling the ladder

async function measureFrames(browser, base, opt) {
  const out = {};
  for (const scale of SCALES) {
    const runs = [];
    for (let r = 0; r < opt.runs; r++) {
      const { context, page } = await newPage(browser);
      try {
        await openApp(page, appUrl(base, scale));
        const box = await page.locator('#cm-canvas').boundingBox();
        const st = await page.evaluate(() => window.careerMatrix.state());
        const before = (await page.evaluate(() => window.careerMatrix.frameStats())).count;
        // As natively (bench/frames.cpp): a mouse move and a wheel event in turn,
        // one per animation frame, with a wheel step that covers the whole
        // ladder down and back up within the run.
        const step = Math.max(100, (4 * st.contentHeight) / opt.events);
        let direction = 1, lastScroll = -1;
        for (let e = 0; e < opt.events; e++) {
          if (e % 2 === 0) {
            await page.mouse.move(box.x + 40 + ((e * 37) % (box.width - 80)), box.y + box.height * 0.55 + ((e * 23) % (box.height * 0.4)));
          } else {
            await page.mouse.wheel(0, direction * step);
          }
          await nextFrame(page);
          if (e % 2 === 1) {
            const y = await page.evaluate(() => window.careerMatrix.state().scrollY);
            if (e > 1 && y === lastScroll) direction = -direction;
            lastScroll = y;
          }
        }
        await settle(page);
        const stats = await page.evaluate(() => window.careerMatrix.frameStats());
        const n = Math.min(stats.count - before, stats.app.length);
        const app = [], total = [], layer = [];
        for (let k = stats.count - n; k < stats.count; k++) {
          app.push(stats.app[k % stats.app.length]);
          layer.push(stats.layer[k % stats.layer.length]);
          total.push(stats.total[k % stats.total.length]);
        }
        if (page.errors.length) throw new Error(`page errors at ${scale}x: ${page.errors.join('; ')}`);
        // The accessibility layer: its elements, and how many frames changed the tree.
        const domNodes = await page.evaluate(() => document.querySelectorAll('.cm-a11y *').length);
        runs.push({ app, total, layer, domNodes, layerUpdates: stats.layerUpdates, treeUpdates: stats.treeUpdates, frames: stats.count, contentHeight: st.contentHeight });
      } finally {
        await context.close();
      }
    }
    out[scale] = runs;
    log(`frames ${scale}x: ${runs.map((r) => r.app.length).join(' ')} frames`);
  }
  return out;
}

// [SECTION] Main-thread CPU: idle and with the mouse moving

// Main-thread work per second while `body` runs: TaskDuration (all tasks) and
// ScriptDuration (JavaScript and wasm) over Timestamp, in ms per second, and
// the frames drawn (`frames` counts them; null when the page cannot say).
async function taskRate(cdp, frames, body) {
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name).value;
    return { task: get('TaskDuration'), script: get('ScriptDuration'), time: get('Timestamp'), frames: await frames() };
  };
  const a = await metric();
  await body();
  const b = await metric();
  const seconds = b.time - a.time;
  return {
    task: ((b.task - a.task) * 1000) / seconds,
    script: ((b.script - a.script) * 1000) / seconds,
    fps: a.frames === null ? null : (b.frames - a.frames) / seconds,
  };
}

// requestAnimationFrame callbacks per second, counted for a second: how often
// the stock loop draws (it draws on every one).
const rafRate = (page) => page.evaluate(() => new Promise((resolve) => {
  let n = 0;
  const start = performance.now();
  const tick = (t) => { n++; if (t - start < 1000) requestAnimationFrame(tick); else resolve((n * 1000) / (t - start)); };
  requestAnimationFrame(tick);
}));

async function measureCpu(browser, targets, opt) {
  const out = Object.fromEntries(targets.map((t) => [t.name, { idle: [], moving: [], idleScript: [], movingScript: [], idleFps: [], movingFps: [] }]));
  for (let r = 0; r < opt.runs; r++) {
    for (const t of targets) {  // interleaved, so that a busy moment of the machine hits every target alike
      const { context, page } = await newPage(browser, null, { watchErrors: t.name !== 'stock' });
      try {
        await t.open(page);
        await sleep(1000);  // let load-time work (compilation, GC) finish
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const frames = t.name === 'app' ? () => page.evaluate(() => window.careerMatrix.frameStats().count) : async () => null;
        const idle = await taskRate(cdp, frames, () => sleep(opt.seconds * 1000));
        // Moves along a path over the canvas, about one per animation frame.
        const moving = await taskRate(cdp, frames, async () => {
          const end = Date.now() + opt.seconds * 1000;
          for (let i = 0; Date.now() < end; i++) {
            await page.mouse.move(100 + ((i * 13) % (VIEWPORT.width - 200)), 150 + ((i * 7) % (VIEWPORT.height - 300)));
            await sleep(16);
          }
        });
        if (t.name === 'stock') idle.fps = moving.fps = await rafRate(page);
        if (page.errors.length) throw new Error(`page errors on ${t.name}: ${page.errors.join('; ')}`);
        const o = out[t.name];
        o.idle.push(idle.task);
        o.moving.push(moving.task);
        o.idleScript.push(idle.script);
        o.movingScript.push(moving.script);
        o.idleFps.push(idle.fps);
        o.movingFps.push(moving.fps);
        log(`cpu ${t.name} run ${r + 1}: idle ${idle.task.toFixed(2)} ms/s, moving ${moving.task.toFixed(1)} ms/s (${moving.fps === null ? '?' : moving.fps.toFixed(0)} frames/s)`);
      } finally {
        await context.close();
      }
    }
  }
  return out;
}

// [SECTION] Memory after a large plan

// The accessibility layer's size in each view: elements over the canvas (the
// plan view with the stored plans document seeded, its first plan open).
async function measureLayer(browser, base, plansText) {
  const out = {};
  const views = { ladder: '', compare: '#view=compare&from=senior&to=staff', plan: '#view=plan' };
  for (const [name, hash] of Object.entries(views)) {
    const seed = { fn: (text) => { if (!localStorage.getItem('career-matrix:plans')) localStorage.setItem('career-matrix:plans', text); }, arg: plansText };
    const { context, page } = await newPage(browser, name === 'plan' ? seed : null);
    try {
      await openApp(page, base + hash);
      await settle(page);
      out[name] = await page.evaluate(() => document.querySelectorAll('.cm-a11y *').length);
    } finally {
      await context.close();
    }
  }
  log(`accessibility layer: ${JSON.stringify(out)} elements`);
  return out;
}

async function measurePlanMemory(browser, base, plansText, opt) {
  const runs = [];
  const seed = {
    fn: (doc) => { if (localStorage.getItem('career-matrix:plans') === null) localStorage.setItem('career-matrix:plans', doc); },
    arg: plansText,
  };
  for (let r = 0; r < opt.runs; r++) {
    const { context, page } = await newPage(browser, seed);
    try {
      await openApp(page, base);
      await sleep(500);
      const memory = await page.evaluate(() => window.careerMatrix.memory());
      const state = await page.evaluate(() => window.careerMatrix.state());
      const stored = await page.evaluate(() => (localStorage.getItem('career-matrix:plans') || '').length);
      // The plan view lays the active plan out: memory once it has been drawn.
      await page.evaluate(() => { location.hash = 'view=plan'; });
      await sleep(300);
      await settle(page);
      const planView = await page.evaluate(() => window.careerMatrix.state().view);
      const memoryPlanView = await page.evaluate(() => window.careerMatrix.memory());
      if (page.errors.length) throw new Error(`page errors with a large plan: ${page.errors.join('; ')}`);
      const plans = state.plans || {};
      runs.push({
        memory, memoryPlanView, planView, storedChars: stored,
        plansLoaded: plans.count ?? null, activeItems: plans.active ? plans.active.items.length : null,
        messages: (plans.messages || []).map((m) => m.text),
      });
    } finally {
      await context.close();
    }
  }
  log(`memory with a large plan: ${runs.map((r) => r.memory.used).join(' ')} bytes used`);
  return runs;
}

// [SECTION] Main

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const plansText = readFileSync(opt.plans, 'utf8');
  const appBase = await startServer(opt.bundle);
  const stockBase = await startServer(opt.stock);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());
  const version = browser.version();
  log(`Chromium ${version}; app at ${appBase}, stock loop at ${stockBase}`);

  const results = { chromium: version, viewport: VIEWPORT, options: { loads: opt.loads, runs: opt.runs, seconds: opt.seconds, events: opt.events } };
  if (opt.only.has('firstframe')) results.firstFrame = await measureFirstFrame(browser, appBase, stockBase, opt);
  if (opt.only.has('compile')) results.compile = await measureCompile(browser, appBase, stockBase, COMPILE_LOADS);
  if (opt.only.has('loads')) Object.assign(results, await measureLoads(browser, appBase, opt));
  if (opt.only.has('frames')) results.frames = await measureFrames(browser, appBase, opt);
  if (opt.only.has('cpu')) {
    results.cpu = await measureCpu(browser, [
      { name: 'app', open: (page) => openApp(page, appBase) },
      {
        name: 'stock',
        open: async (page) => {
          await page.goto(stockBase + 'index.html');
          await page.waitForFunction(() => window.stockFirstFrame === true, null, { timeout: 30000 });
        },
      },
      { name: 'blank', open: (page) => page.goto('about:blank') },
    ], opt);
  }
  if (opt.only.has('plan')) {
    results.planMemory = await measurePlanMemory(browser, appBase, plansText, opt);
    results.planBytes = Buffer.byteLength(plansText);
    results.layer = await measureLayer(browser, appBase, plansText);
  }

  const json = JSON.stringify(results, null, 1);
  if (opt.out) writeFileSync(opt.out, json);
  else process.stdout.write(json + '\n');
}

// Exits explicitly: a browser or server that outlived cleanup must not keep node alive.
main().then(async () => { await cleanup(); process.exit(0); }, async (e) => {
  process.stderr.write(`[browser] ${e.stack || e}\n`);
  await cleanup();
  process.exit(1);
});
