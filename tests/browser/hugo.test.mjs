// The app embedded in a real Hugo page, as the handbook would have it: Debian's
// hugo builds a small site (served under a /mr123/ path prefix, like a handbook
// merge-request preview) whose page uses the shortcode from hugo/ between a text
// input and long text, with the bundle in static/career-matrix/. Chromium then
// checks the frame draws the app with the shortcode's view, the host keeps its
// keys and its scrolling, the frame follows the app's height, localStorage works
// inside the frame, and Esc hands focus back to the page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundleDir, decodePng, launch, newPage, root, startServer } from './harness.mjs';

const PREFIX = 'mr123';
const MIN_HEIGHT = 320, WINDOW_SHARE = 0.85;  // shell/embed.js
const VIEWPORT = { width: 1000, height: 1000 };  // tall enough that Senior + Autonomy (with the header's notice) is short

const longText = Array.from({ length: 40 }, (_, i) =>
  `Paragraph ${i + 1} of the host page. The handbook keeps writing after the embedded framework, ` +
  'so the page is taller than the window and the reader scrolls past the frame to read on.').join('\n\n');

const SITE = {
  'hugo.toml': [
    `baseURL = "http://127.0.0.1/${PREFIX}/"`,
    'title = "Handbook test"',
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]',
    '[markup.goldmark.renderer]',
    'unsafe = true',  // the handbook allows raw HTML in Markdown (the input below)
    '',
  ].join('\n'),
  'layouts/_default/baseof.html':
    '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="icon" href="data:,"></head>\n' +
    '<body><main>{{ block "main" . }}{{ end }}</main></body>\n</html>\n',
  'layouts/_default/single.html': '{{ define "main" }}<h1>{{ .Title }}</h1>\n{{ .Content }}{{ end }}\n',
  'layouts/_default/list.html': '{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}\n',
  'content/test.md': [
    '---', 'title: Career framework', '---',
    '<p><label for="host-input">Notes</label> <input id="host-input" type="text" autocomplete="off"></p>',
    '',
    '{{< career-matrix framework="infrastructure" view="levels=senior&areas=autonomy" >}}',
    '',
    `<div id="host-text">\n\n${longText}\n\n</div>`,
    '',
  ].join('\n'),
  'content/two.md': [
    '---', 'title: Two frameworks', '---',
    '{{< career-matrix view="levels=senior&areas=autonomy" title="Senior autonomy" >}}',
    '',
    '{{< career-matrix height="400" title="The whole ladder" >}}',
    '',
    longText,
    '',
  ].join('\n'),
};

// Builds the site with hugo; returns the folder to serve (the site sits in its PREFIX folder).
function buildSite(base) {
  const site = join(base, 'site');
  for (const [name, text] of Object.entries(SITE)) {
    mkdirSync(join(site, name, '..'), { recursive: true });
    writeFileSync(join(site, name), text);
  }
  cpSync(bundleDir, join(site, 'static', 'career-matrix'), { recursive: true });
  mkdirSync(join(site, 'layouts', 'shortcodes'), { recursive: true });
  cpSync(join(root, 'hugo', 'layouts', 'shortcodes', 'career-matrix.html'), join(site, 'layouts', 'shortcodes', 'career-matrix.html'));
  const www = join(base, 'www');
  const r = spawnSync('hugo', ['--source', site, '--destination', join(www, PREFIX), '--quiet'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`hugo failed (${r.error?.message ?? r.status}):\n${r.stdout}\n${r.stderr}`);
  return www;
}

// Opens a page of the site; resolves to [frame, state] for each embed once its app is ready.
async function openEmbeds(page, url, count = 1) {
  await page.goto(url);
  const frames = [];
  for (let i = 0; i < count; i++) {
    const handle = await page.locator('iframe.career-matrix-embed').nth(i).elementHandle();
    const frame = await handle.contentFrame();
    await frame.waitForFunction(() => window.careerMatrix !== undefined, null, { timeout: 20000 });
    await frame.evaluate(() => window.careerMatrix.ready.then(() => true));
    frames.push(frame);
  }
  return frames;
}

// Waits until the app has drawn what its input asked for (harness.settle, for a frame).
async function settle(frame) {
  await frame.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    const check = () => (!window.careerMatrix.busy() || performance.now() - start > 3000 ? resolve() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  }));
}

// Polls fn until it returns a truthy value (or gives up and returns the last one).
async function eventually(fn, ms = 3000) {
  const end = Date.now() + ms;
  let v;
  while (!(v = await fn()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return v;
}

// The page coordinates of a named target of the app inside the nth embed.
async function frameTarget(page, frame, name, nth = 0) {
  const box = await page.locator('iframe.career-matrix-embed').nth(nth).boundingBox();
  const t = await frame.evaluate((n) => {
    const target = window.careerMatrix.targets()[n];
    if (!target) return null;
    const r = document.getElementById('cm-canvas').getBoundingClientRect();
    return { x: r.left + target.x + target.w / 2, y: r.top + target.y + target.h / 2 };
  }, name);
  if (!t) throw new Error(`no target "${name}" in the frame's last frame`);
  return { x: box.x + t.x, y: box.y + t.y };
}

// What embed.js should make of a reported content height, in this window.
const expectedHeight = (content, max) => Math.round(Math.min(Math.max(content, MIN_HEIGHT), max ?? Math.round(VIEWPORT.height * WINDOW_SHARE)));

describe('the app in a Hugo page (the shortcode under a path prefix)', () => {
  let base, server, browser;
  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'cm-hugo-'));
    const www = buildSite(base);
    [server, browser] = await Promise.all([startServer({ rootDir: www }), launch()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (base) rmSync(base, { recursive: true, force: true });
  });
  const pageUrl = (name) => `${server.url}${PREFIX}/${name}/`;

  test('the frame draws the app with the shortcode\'s view, and its links resolve under the prefix', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      const [frame] = await openEmbeds(page, pageUrl('test'));
      const iframe = page.locator('iframe.career-matrix-embed');
      const src = await iframe.getAttribute('src');
      assert.match(src, new RegExp(`^/${PREFIX}/career-matrix/index\\.html\\?v=[0-9a-f]{12}&data=infrastructure\\.json#levels=senior&areas=autonomy$`));
      assert.equal(await iframe.getAttribute('title'), 'Interactive career framework');
      assert.equal(await iframe.getAttribute('loading'), 'lazy');
      assert.equal(await iframe.getAttribute('sandbox'), null, 'a sandbox would take localStorage away');
      const s = await frame.evaluate(() => window.careerMatrix.state());
      assert.equal(s.loaded, true);
      assert.equal(s.framework.id, 'infrastructure');
      assert.deepEqual(s.filters.levels, ['senior']);
      assert.deepEqual(s.filters.areas, ['autonomy']);
      assert.deepEqual(s.levels, ['senior']);

      // Not blank: many colors and plenty of ink in a screenshot of the iframe element.
      const img = decodePng(await iframe.screenshot());
      const counts = new Map();
      for (let i = 0; i < img.px.length; i += img.channels) {
        const key = (img.px[i] << 16) | (img.px[i + 1] << 8) | img.px[i + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      const ink = 1 - Math.max(...counts.values()) / (img.width * img.height);
      assert.ok(counts.size > 30 && ink > 0.02, `the frame looks blank: ${counts.size} colors, ink ${ink.toFixed(3)}`);

      // The text version, the handbook pages' link and the host script all sit under the prefix.
      const links = await page.$$eval('.career-matrix-links a', (as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, [`/${PREFIX}/career-matrix/text/infrastructure.html`, `/${PREFIX}/handbook/engineering/careers/matrix/infrastructure/`]);
      const script = await page.$eval('.career-matrix script', (el) => el.getAttribute('src'));
      assert.match(script, new RegExp(`^/${PREFIX}/career-matrix/embed\\.js\\?v=[0-9a-f]{12}$`));
      const statuses = await page.evaluate((urls) => Promise.all(urls.map((u) => fetch(u).then((r) => r.status))), [links[0], script]);
      assert.deepEqual(statuses, [200, 200]);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('the frame is as tall as the app\'s content, within its bounds, and ignores foreign messages', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      const [frame] = await openEmbeds(page, pageUrl('test'));
      await settle(frame);
      const content = () => frame.evaluate(() => window.careerMatrix.state().contentHeight);
      const height = () => page.$eval('iframe.career-matrix-embed', (f) => f.clientHeight);
      const fits = async () => Math.abs((await height()) - expectedHeight(await content())) <= 2;
      assert.ok(await eventually(fits), `frame ${await height()} px for content ${await content()} px`);
      // Senior + Autonomy is short: the frame shows all of it, and the canvas fills the
      // frame (the page's own text link is hidden in a frame), so nothing scrolls inside.
      assert.ok((await content()) < VIEWPORT.height * WINDOW_SHARE, `content ${await content()} px is not short`);
      const canvas = await frame.evaluate(() => document.getElementById('cm-canvas').clientHeight);
      assert.ok(Math.abs(canvas - (await height())) <= 1,
        `canvas ${canvas} px in a frame of ${await height()} px: the frame's page must hide its own text link ` +
        '(loader.js marks <html class="cm-embedded"> in a frame, style.css hides .cm-links)');

      // Only the frame's own window may size it.
      const before = await height();
      await page.evaluate(() => window.postMessage({ type: 'career-matrix:height', height: 2000 }, '*'));
      await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
      assert.equal(await height(), before);

      // The bound follows the window: a shorter one shrinks the frame.
      await page.setViewportSize({ width: VIEWPORT.width, height: 600 });
      const bound = Math.round(600 * WINDOW_SHARE);
      assert.ok(await eventually(async () => (await height()) === Math.min(bound, Math.max(await content(), MIN_HEIGHT))),
        `frame ${await height()} px in a 600 px window`);
      await page.setViewportSize(VIEWPORT);

      // Showing every level and area makes the content long: the frame stops at 85% of the window.
      await frame.evaluate(() => { location.hash = ''; });
      assert.ok(await eventually(async () => (await content()) > VIEWPORT.height), `content ${await content()} px`);
      assert.ok(await eventually(fits), `frame ${await height()} px for content ${await content()} px`);
      assert.equal(await height(), expectedHeight(await content()));
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('the host page\'s input keeps its keystrokes while the app is loaded', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      const [frame] = await openEmbeds(page, pageUrl('test'));
      await page.click('#host-input');
      await page.keyboard.type('senior engineer');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Space');
      await page.keyboard.type('x/y');
      await page.keyboard.press('Home');
      await page.keyboard.press('Delete');
      assert.equal(await page.inputValue('#host-input'), 'enior engine x/y');
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'Space in the input must not scroll the page');
      const s = await frame.evaluate(() => window.careerMatrix.state());
      assert.equal(s.search, '', 'the app saw none of the keys (not even "/", its search shortcut)');
    } finally {
      await page.close();
    }
  });

  test('the wheel scrolls the page over the host text, and over the frame at the app\'s scroll end', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      const [frame] = await openEmbeds(page, pageUrl('test'));
      await settle(frame);
      const scrollY = () => page.evaluate(() => window.scrollY);

      const text = await page.locator('#host-text p').first().boundingBox();
      await page.mouse.move(text.x + 20, text.y + 5);
      await page.mouse.wheel(0, 200);
      assert.ok(await eventually(async () => (await scrollY()) > 0), 'the wheel over the host text did not scroll the page');

      await page.evaluate(() => window.scrollTo(0, 0));
      await eventually(async () => (await scrollY()) === 0);
      const box = await page.locator('iframe.career-matrix-embed').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // The app keeps a wheel only while it can scroll itself; then the page takes it.
      let scrolled = false;
      for (let i = 0; i < 6 && !scrolled; i++) {
        await page.mouse.wheel(0, 200);
        await settle(frame);
        scrolled = await eventually(async () => (await scrollY()) > 0, 500);
      }
      assert.ok(scrolled, 'the wheel over the frame never reached the page');

      // A finger drag past the app's end arrives as a message: the page scrolls by it.
      const y0 = await scrollY();
      await frame.evaluate(() => window.parent.postMessage({ type: 'career-matrix:scroll', dy: 120 }, '*'));
      assert.ok(await eventually(async () => Math.abs((await scrollY()) - (y0 + 120)) <= 1), `scrollY ${await scrollY()}, expected ${y0 + 120}`);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('localStorage works inside the frame, and the theme choice persists', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await newPage(browser, { context });
    try {
      let [frame] = await openEmbeds(page, pageUrl('test'));
      const roundTrip = await frame.evaluate(() => {
        localStorage.setItem('career-matrix:test', 'kept');
        return localStorage.getItem('career-matrix:test');
      });
      assert.equal(roundTrip, 'kept');
      // The frame shares the site's origin (and storage) with the page: hence the key prefix.
      assert.equal(await page.evaluate(() => localStorage.getItem('career-matrix:test')), 'kept');

      const before = (await frame.evaluate(() => window.careerMatrix.state())).theme;
      const want = before === 'dark' ? 'light' : 'dark';
      const at = await frameTarget(page, frame, 'button:theme');
      await page.mouse.click(at.x, at.y);
      await settle(frame);
      assert.equal((await frame.evaluate(() => window.careerMatrix.state())).theme, want);
      const saved = await frame.evaluate(() => localStorage.getItem('career-matrix:settings'));
      assert.equal(JSON.parse(saved).theme, want);

      await page.reload();
      [frame] = await openEmbeds(page, page.url());
      const s = await frame.evaluate(() => window.careerMatrix.state());
      assert.equal(s.theme, want);
      assert.equal(s.themeChoice, want);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  test('Esc in the app moves focus to the host page\'s next focusable element', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      const [frame] = await openEmbeds(page, pageUrl('test'));
      await frame.focus('#cm-canvas');
      assert.equal(await frame.evaluate(() => document.activeElement.id), 'cm-canvas');
      await page.keyboard.press('Escape');
      const focused = await eventually(() => page.evaluate(() => {
        const el = document.activeElement;
        return el && el.matches('.career-matrix-links a') ? el.textContent : null;
      }));
      assert.equal(focused, 'Read the framework as text');
      // Tab goes on through the host page, not back into the app.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'The framework\'s handbook pages');
    } finally {
      await page.close();
    }
  });

  test('several embeds on one page are sized and handled independently', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      const [short, whole] = await openEmbeds(page, pageUrl('two'), 2);
      const heights = () => page.$$eval('iframe.career-matrix-embed', (fs) => fs.map((f) => f.clientHeight));
      const contents = async () => [
        await short.evaluate(() => window.careerMatrix.state().contentHeight),
        await whole.evaluate(() => window.careerMatrix.state().contentHeight),
      ];
      const want = async () => { const [a, b] = await contents(); return [expectedHeight(a), expectedHeight(b, 400)]; };
      const matches = async () => { const [h, w] = [await heights(), await want()]; return h.every((x, i) => Math.abs(x - w[i]) <= 2); };
      assert.ok(await eventually(matches), `heights ${await heights()}, expected ${await want()}`);
      assert.equal((await heights())[1], 400, 'the whole ladder is taller than the height parameter');
      assert.equal(await page.locator('script[src*="embed.js"]').count(), 2, 'one script tag per shortcode');

      // Esc in the second app focuses the link after the second frame.
      await whole.focus('#cm-canvas');
      await page.keyboard.press('Escape');
      const index = await eventually(() => page.evaluate(() => {
        const links = [...document.querySelectorAll('.career-matrix-links a')];
        const i = links.indexOf(document.activeElement);
        return i >= 0 ? String(i) : null;
      }));
      assert.equal(index, '2');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});
