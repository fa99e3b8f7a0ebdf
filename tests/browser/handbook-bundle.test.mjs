// The one-command path for maintainers: a handbook checkout in, a bundle showing the
// handbook's own text out (tools/bundle-from-handbook), from the prebuilt bundle,
// served and opened in Chromium. The checkout is the project's handbook-shaped fixture.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundleDir, launch, newPage, openApp, root, startServer } from './harness.mjs';

const fixtures = join(root, 'tests', 'fixtures');
const tool = join(root, 'tools', 'bundle-from-handbook');

function bundleFromHandbook(handbook, out, ...extra) {
  return spawnSync('python3', [tool, handbook, '--bundle', bundleDir, '--out', out, ...extra], { encoding: 'utf8', timeout: 300000 });
}

describe('a bundle from a handbook checkout', () => {
  let base, out, result, server, browser;
  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'cm-handbook-bundle-'));
    out = join(base, 'static', 'career-matrix');
    result = bundleFromHandbook(join(fixtures, 'handbook'), out);
    [server, browser] = await Promise.all([startServer({ rootDir: out }), launch()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('imports every department with level pages and reports it', () => {
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /== platform\n.*data\/platform\.json: 7 levels \(4 with a page\), 76 expectations, 0 errors, 0 warnings/);
    assert.ok(existsSync(join(out, 'data', 'platform.json')));
    assert.ok(existsSync(join(out, 'data', 'infrastructure.json')), 'the default framework is still there');
    assert.ok(existsSync(join(out, 'app.wasm')) && existsSync(join(out, 'index.html.gz')));
  });

  test('the app shows the imported framework, in the handbook\'s words', async () => {
    const page = await newPage(browser);
    const s = await openApp(page, `${server.url}?data=platform.json#q=deploy_window`);
    assert.equal(s.framework.id, 'platform');
    assert.equal(s.framework.name, 'Platform Department Career Framework');
    assert.match(s.framework.notice, /^The handbook's own text, imported from the pages/);
    assert.equal(s.framework.expectations, 76);
    assert.equal(s.matches, 1, 'the fixture\'s own sentence is found');
    // The page's text link follows the framework shown.
    assert.equal(await page.locator('#cm-text-link').getAttribute('href'), 'text/platform.html');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the text version is made from the imported data', async () => {
    const text = readFileSync(join(out, 'text', 'platform.html'), 'utf8');
    assert.match(text, /Keeps main green and fixes the deploy_window setting when it drifts\./);
    assert.match(text, /href="\.\.\/text\.css\?v=[0-9a-f]{12}"/);
    const page = await newPage(browser);
    await page.goto(`${server.url}text/platform.html`);
    assert.equal(await page.locator('h1').textContent(), 'Platform Department Career Framework');
    await page.close();
  });

  test('a checkout that cannot be imported completely leaves the output as it was', () => {
    const kept = join(base, 'kept');
    const broken = bundleFromHandbook(join(fixtures, 'handbook-broken'), kept);
    assert.equal(broken.status, 1, broken.stdout + broken.stderr);
    assert.match(broken.stdout, /intermediate\.md:33: error: include .* not found/);
    assert.match(broken.stderr, /not written: platform could not be imported completely/);
    assert.equal(existsSync(kept), false);
  });
});
