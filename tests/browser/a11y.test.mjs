// Accessibility of what the bundle offers besides the canvas, checked with axe-core
// in Chromium: the text version (framework.html), the page without JavaScript (its
// <noscript> holds the whole framework as HTML), and the page with the app running
// (the canvas is an application with a label). No serious or critical violations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, newPage, openApp, root, startServer } from './harness.mjs';

const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const VIEWPORT = { width: 1000, height: 760 };

// Runs axe on the page; returns its serious and critical violations, readably.
async function axeViolations(page, options = {}) {
  await page.addScriptTag({ path: AXE });
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // The page's JavaScript is disabled: the tag stays inert, but the DevTools protocol
    // still evaluates code. Timers never fire there, and axe yields with setTimeout, so
    // its timers become microtasks.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    await page.evaluate(() => {
      window.setTimeout = (f, ms, ...args) => { Promise.resolve().then(() => f(...args)); return 0; };
      window.clearTimeout = () => {};
    });
  }
  const result = await page.evaluate((opts) => window.axe.run(document, opts), options);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n\s*/g, ' ')}`).join('\n'));
}

describe('accessibility (axe-core)', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer(), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  test('the text version (framework.html) has no serious or critical violations', async () => {
    const page = await newPage(browser, VIEWPORT);
    const failed = [];  // what failed to load, by path
    page.on('console', (m) => {
      if (/Failed to load resource/.test(m.text())) failed.push(new URL(m.location().url).pathname);
    });
    try {
      await page.goto(`${server.url}framework.html`);
      assert.equal(await page.locator('h1').count(), 1);
      assert.ok(await page.locator('h2').count() >= 8, 'a heading per level');
      const found = await axeViolations(page);
      assert.deepEqual(found, [], '\n' + found.join('\n'));
      // Everything it links loads. (framework.html names no icon yet, so Chromium's own
      // /favicon.ico request 404s: a console error, not a broken page.)
      assert.deepEqual(failed.filter((p) => p !== '/favicon.ico'), []);
      assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), []);
    } finally {
      await page.close();
    }
  });

  test('the page without JavaScript shows the framework as HTML, without serious or critical violations', async () => {
    // addScriptTag runs axe through the DevTools protocol, which works with page scripts disabled.
    const context = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
    const page = await newPage(browser, { context });
    try {
      await page.goto(server.url);
      const text = await page.locator('body').innerText();
      assert.match(text, /Infrastructure Department Career Framework/);
      assert.ok((await page.locator('h1, h2, h3').count()) > 8, 'the <noscript> headings are in the page');
      const found = await axeViolations(page);
      assert.deepEqual(found, [], '\n' + found.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('the running app: a labelled application canvas, no serious or critical violations', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      const s = await openApp(page, server.url);
      assert.equal(s.loaded, true);
      const canvas = page.locator('#cm-canvas');
      assert.equal(await canvas.getAttribute('role'), 'application');
      assert.match(await canvas.getAttribute('aria-label'), /\S/);
      assert.equal(await canvas.getAttribute('tabindex'), '0');
      const found = await axeViolations(page);
      assert.deepEqual(found, [], '\n' + found.join('\n'));
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});
