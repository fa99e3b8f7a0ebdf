// Shared pieces of the browser tests: serve.py on a free port, headless Chromium
// (Debian's, driven by playwright-core), the app's ready signal, and pixels.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundleDir = join(root, 'build', 'web', 'bundle');

// Starts serve.py and resolves to { url, stop() } once it prints its address.
export function startServer({ rootDir = bundleDir, args = [] } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [join(root, 'serve.py'), '--port', '0', '--no-build', '--root', rootDir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => { proc.kill(); reject(new Error('serve.py did not start: ' + out)); }, 10000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /serving .* at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => new Promise((r) => { proc.once('exit', r); proc.kill(); }) });
      }
    });
    proc.stderr.on('data', (chunk) => { out += chunk; });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code}): ${out}`)); });
  });
}

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

// Opens a page that records console errors and page errors.
export async function newPage(browser, { width = 1100, height = 760, context } = {}) {
  const ctx = context || (await browser.newContext({ viewport: { width, height } }));
  const page = await ctx.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

// Navigates and waits for careerMatrix.ready (first frame with the ladder drawn).
export async function openApp(page, url) {
  await page.goto(url);
  await page.evaluate(() => window.careerMatrix.ready.then(() => true));
  return page.evaluate(() => window.careerMatrix.state());
}

export const state = (page) => page.evaluate(() => window.careerMatrix.state());

// Clicks a named target of the app (see careerMatrix.targets()), scrolling the
// app with the mouse wheel first when the target is out of view, as a reader would.
export async function clickTarget(page, name) {
  const pos = await scrollToTarget(page, name);
  await page.mouse.click(pos.x, pos.y);
  await settle(page);
}

export async function scrollToTarget(page, name) {
  for (let i = 0; i < 60; i++) {
    const t = await targetCenter(page, name);
    const box = await page.locator('#cm-canvas').boundingBox();
    if (t.visible && t.y > box.y + 2 && t.y < box.y + box.height - 4) return t;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75);
    await page.mouse.wheel(0, t.y > box.y + box.height / 2 ? 200 : -200);
    await settle(page);
  }
  throw new Error(`could not scroll "${name}" into view`);
}

export async function targetCenter(page, name) {
  const found = await page.evaluate((n) => {
    const t = window.careerMatrix.targets()[n];
    if (!t) return null;
    const r = document.getElementById('cm-canvas').getBoundingClientRect();
    return { x: r.left + t.x + t.w / 2, y: r.top + t.y + t.h / 2, visible: t.visible };
  }, name);
  if (!found) throw new Error(`no target "${name}" in the last frame`);
  return found;
}

// Polls the app's state until `predicate(state)` holds (the app saves and syncs on timers).
export async function waitForState(page, predicate, what = 'the expected state', timeout = 5000) {
  const start = Date.now();
  let s;
  while (Date.now() - start < timeout) {
    s = await state(page);
    if (predicate(s)) return s;
    await page.waitForTimeout(50);
  }
  const { framework, ...rest } = s || {};  // the framework part is long and never the interesting one
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(rest).slice(0, 1500)}`);
}

// Waits until the app has drawn every frame its input asked for and sleeps again.
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    const check = () => (!window.careerMatrix.busy() || performance.now() - start > 3000 ? resolve() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  }));
}

// A copy of the bundle (optionally under a path prefix inside the copy's base
// folder), to break on purpose or to serve from somewhere else.
export function bundleCopy(prefix = '') {
  const base = mkdtempSync(join(tmpdir(), 'cm-bundle-'));
  const dir = join(base, prefix);
  cpSync(bundleDir, dir, { recursive: true });
  return { base, dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

// Precompressed copies would let the server send the original bytes of a file a test changed.
export function dropPrecompressed(dir) {
  for (const name of readdirSync(dir)) if (/\.(gz|br)$/.test(name)) rmSync(join(dir, name));
}

// Decodes a PNG (8-bit RGB/RGBA, not interlaced, as Chromium writes screenshots).
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG');
      channels = { 2: 3, 6: 4 }[data[9]];
      if (!channels) throw new Error('unsupported PNG color type ' + data[9]);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat)), stride = width * channels, px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0, b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      px[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, px };
}

// How much of the canvas differs from its most common color, and how many colors it has.
export async function canvasInk(page) {
  const box = await page.locator('#cm-canvas').boundingBox();
  const img = decodePng(await page.screenshot({ clip: box }));
  const counts = new Map();
  for (let i = 0; i < img.px.length; i += img.channels) {
    const key = (img.px[i] << 16) | (img.px[i + 1] << 8) | img.px[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const total = img.width * img.height, background = Math.max(...counts.values());
  return { colors: counts.size, ink: 1 - background / total };
}
