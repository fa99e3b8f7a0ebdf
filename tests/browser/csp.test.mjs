// The app under the strict Content-Security-Policy a site may one day send:
// default-src 'self'; script-src 'self' 'wasm-unsafe-eval' (serve.py --csp). No
// inline script, no eval, no inline styles the policy would block; the text version
// and an embedding page (iframe + embed.js, as the Hugo shortcode writes it) too.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundleCopy, launch, newPage, startServer } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const VIEWPORT = { width: 1000, height: 760 };

// Every frame of the page records the policy violations it sees.
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

async function violations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__cspViolations || [])));
  return all;
}

describe('under a strict Content-Security-Policy', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer({ args: ['--csp'] }), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  test('the app loads and draws, with no violation and no console error', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      await recordViolations(page);
      const res = await page.goto(server.url);
      assert.equal(res.headers()['content-security-policy'], CSP);
      await page.evaluate(() => window.careerMatrix.ready.then(() => true));
      const s = await page.evaluate(() => window.careerMatrix.state());
      assert.equal(s.loaded, true);
      assert.ok(s.levels.length > 0);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('the text version has no violation', async () => {
    const page = await newPage(browser, VIEWPORT);
    try {
      await recordViolations(page);
      const res = await page.goto(`${server.url}framework.html`);
      assert.equal(res.headers()['content-security-policy'], CSP);
      // Its stylesheet applied (text.css gives the body a measure; a blocked one would not).
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).maxWidth), 'none');
      assert.deepEqual(await violations(page), []);
    } finally {
      await page.close();
    }
  });

  test('an embedding page (iframe + embed.js) works under the policy too', async () => {
    const copy = bundleCopy('career-matrix');
    writeFileSync(join(copy.base, 'host.html'), [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="career-matrix/favicon.svg"></head><body>',
      '<div class="career-matrix">',
      '<iframe class="career-matrix-embed" src="career-matrix/index.html#levels=senior" title="Interactive career framework" height="500" loading="lazy" allow="clipboard-write" scrolling="no"></iframe>',
      '<p class="career-matrix-links"><a href="career-matrix/framework.html">Read the framework as text</a></p>',
      '<script src="career-matrix/embed.js" defer></script>',
      '</div></body></html>', '',
    ].join('\n'));
    const host = await startServer({ rootDir: copy.base, args: ['--csp'] });
    const page = await newPage(browser, VIEWPORT);
    try {
      await recordViolations(page);
      await page.goto(`${host.url}host.html`);
      const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
      await frame.waitForFunction(() => window.careerMatrix !== undefined);
      await frame.evaluate(() => window.careerMatrix.ready.then(() => true));
      assert.equal((await frame.evaluate(() => window.careerMatrix.state())).loaded, true);
      // embed.js styled and sized the frame through the CSSOM, which the policy allows.
      await page.waitForFunction(() => {
        const f = document.querySelector('iframe');
        return f.style.border.startsWith('0') || f.style.borderStyle === 'none' || f.style.borderWidth === '0px';
      });
      const content = await frame.evaluate(() => window.careerMatrix.state().contentHeight);
      const want = Math.round(Math.min(Math.max(content, 320), Math.round(VIEWPORT.height * 0.85)));
      await page.waitForFunction((h) => document.querySelector('iframe').style.height === h + 'px', want);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
      await host.stop();
      copy.remove();
    }
  });
});
