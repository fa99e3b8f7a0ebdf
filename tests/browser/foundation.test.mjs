// The page loads in Chromium, draws the ladder from data/, and explains broken data.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundleCopy, canvasInk, dropPrecompressed, launch, newPage, openApp, root, startServer } from './harness.mjs';

const data = JSON.parse(readFileSync(join(root, 'data', 'infrastructure.json'), 'utf8'));

describe('the page', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer(), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  test('draws the ladder with every level and dimension of the data, without console errors', async () => {
    const page = await newPage(browser);
    const s = await openApp(page, server.url);
    assert.equal(s.loaded, true);
    assert.deepEqual(s.framework.levels.map((l) => l.id), data.levels.map((l) => l.id));
    assert.deepEqual(s.framework.dimensions.map((d) => d.id), data.dimensions.map((d) => d.id));
    assert.deepEqual(s.levels, data.levels.map((l) => l.id), 'the ladder shows every level');
    assert.equal(s.framework.expectations, data.expectations.length);
    const ink = await canvasInk(page);
    assert.ok(ink.colors > 50 && ink.ink > 0.03, `canvas looks blank: ${JSON.stringify(ink)}`);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    for (const m of ['wasm loaded', 'data loaded', 'first frame']) assert.ok(marks.includes(m), `mark "${m}" missing`);
    assert.equal(await page.locator('#cm-error').isVisible(), false);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('works under a path prefix (relative URLs only)', async () => {
    // Handbook merge-request previews serve the site under a prefix such as /mr123/.
    const copy = bundleCopy('mr123/career-matrix');
    const prefixed = await startServer({ rootDir: copy.base });
    const page = await newPage(browser);
    try {
      const s = await openApp(page, `${prefixed.url}mr123/career-matrix/`);
      assert.equal(s.loaded, true);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
      await prefixed.stop();
      copy.remove();
    }
  });
});

describe('broken data', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  async function serveWith(mutate) {
    const copy = bundleCopy();
    dropPrecompressed(join(copy.dir, 'data'));
    mutate(join(copy.dir, 'data', 'infrastructure.json'));
    const server = await startServer({ rootDir: copy.dir });
    return { url: server.url, stop: async () => { await server.stop(); copy.remove(); } };
  }

  test('an invalid file shows every problem with its JSON pointer, on the page', async () => {
    const bad = structuredClone(data);
    bad.levels[3].id = bad.levels[2].id;
    bad.expectations[0].text = '';
    const server = await serveWith((file) => writeFileSync(file, JSON.stringify(bad)));
    const page = await newPage(browser);
    try {
      await page.goto(server.url);
      const err = await page.evaluate(() => window.careerMatrix.ready.then(() => null, (e) => e.message));
      assert.match(err, /could not be loaded/);
      await page.locator('#cm-error').waitFor({ state: 'visible' });
      const text = await page.locator('#cm-error').innerText();
      assert.match(text, /infrastructure\.json:\/levels\/3\/id: duplicate id "intermediate"/);
      assert.match(text, /infrastructure\.json:\/expectations\/0\/text: must not be empty/);
      assert.equal(await page.locator('#cm-canvas').isVisible(), false);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  test('a file that is not JSON shows where it breaks', async () => {
    const server = await serveWith((file) => writeFileSync(file, '{"format": "career-framework",\n  "levels": [}\n'));
    const page = await newPage(browser);
    try {
      await page.goto(server.url);
      await page.locator('#cm-error').waitFor({ state: 'visible' });
      assert.match(await page.locator('#cm-error').innerText(), /infrastructure\.json:2:\d+: not valid JSON/);
    } finally {
      await page.close();
      await server.stop();
    }
  });

  test('a missing file says which file and why', async () => {
    const server = await serveWith((file) => rmSync(file));
    const page = await newPage(browser);
    try {
      await page.goto(server.url);
      await page.locator('#cm-error').waitFor({ state: 'visible' });
      assert.match(await page.locator('#cm-error').innerText(), /Could not load the framework data \(data\/infrastructure\.json\): HTTP 404/);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});
