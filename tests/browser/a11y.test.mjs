// Accessibility checked with axe-core in Chromium: the text version
// (framework.html), the page without JavaScript (its <noscript> text), and the
// running app in every view, where the accessibility layer mirrors the canvas.
// No violations at any impact.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, newPage, openApp, root, settle, startServer } from './harness.mjs';

const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const VIEWPORT = { width: 1000, height: 760 };

// Runs axe on the page; returns its violations, readably.
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
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n\s*/g, ' ')}`).join('\n'));
}

describe('accessibility (axe-core)', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer(), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  test('the text version (framework.html) has no violations', async () => {
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

  test('the page without JavaScript says so and links the framework as text, without violations', async () => {
    // addScriptTag runs axe through the DevTools protocol, which works with page scripts disabled.
    const context = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
    const page = await newPage(browser, { context });
    try {
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Infrastructure Department Career Framework', level: 1 }).waitFor();
      assert.match(await page.locator('body').innerText(), /need JavaScript/);
      const found = await axeViolations(page);
      assert.deepEqual(found, [], '\n' + found.join('\n'));
      // Its link leads to the whole framework.
      await page.getByRole('link', { name: 'Infrastructure Department Career Framework, as text' }).click();
      await page.waitForURL(/framework\.html/);
      assert.ok((await page.locator('h2').count()) >= 8, 'a heading per level');
    } finally {
      await context.close();
    }
  });

  test('the running app, in every view: no violations at any impact', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      const s = await openApp(page, server.url);
      assert.equal(s.loaded, true);
      // The canvas is a picture; the layer over it is what assistive technology reads.
      const canvas = page.locator('#cm-canvas');
      assert.equal(await canvas.getAttribute('aria-hidden'), 'true');
      assert.equal(await canvas.getAttribute('tabindex'), '-1');
      const check = async (what) => {
        await settle(page);
        const found = await axeViolations(page);
        assert.deepEqual(found, [], `${what}:\n` + found.join('\n'));
      };
      await check('the ladder');
      await page.evaluate(() => { location.hash = 'levels=senior,staff&areas=autonomy&item=staff.autonomy.1'; });
      await check('the ladder, filtered, with an expectation open');
      await page.evaluate(() => { location.hash = 'view=compare&from=senior&to=staff'; });
      await check('the compare view');
      await page.getByRole('combobox', { name: 'Compare' }).click();
      await check('the compare view with a level list open');
      await page.keyboard.press('Escape');
      await page.evaluate(() => { location.hash = 'view=plan'; });
      await check('the empty plan view');
      await page.getByRole('combobox', { name: 'I am at' }).click();
      await page.getByRole('option', { name: 'Senior' }).click();
      await page.getByRole('combobox', { name: 'I aim for' }).click();
      await page.getByRole('option', { name: 'Staff' }).click();
      await page.getByRole('button', { name: 'Create the plan' }).click();
      await settle(page);
      await page.getByRole('radio', { name: 'Done', exact: true }).first().click();
      const row = page.getByRole('listitem').filter({ has: page.getByRole('radiogroup') }).first();
      await row.getByRole('button').first().click();
      await check('a plan with an item open');
      await page.getByRole('button', { name: 'Delete my data' }).focus();
      await settle(page);
      await page.getByRole('button', { name: 'Delete my data' }).click();
      await check('the delete dialog');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});
