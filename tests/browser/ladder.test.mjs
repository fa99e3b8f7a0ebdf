// The interactive ladder in Chromium: deep links, history, search, focus, the
// clipboard, pixel ratio, themes, and a tab left open costing nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { clickTarget, launch, newPage, openApp, root, settle, startServer, state, targetCenter, waitForState } from './harness.mjs';

const data = JSON.parse(readFileSync(join(root, 'data', 'infrastructure.json'), 'utf8'));
const textOf = (id) => data.expectations.find((e) => e.id === id).text;

describe('the ladder', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer(), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  test('a deep link opens "Senior, Autonomy only"', async () => {
    const page = await newPage(browser);
    const s = await openApp(page, `${server.url}#levels=senior&areas=autonomy`);
    assert.deepEqual(s.levels, ['senior']);
    assert.deepEqual(s.areas, ['autonomy']);
    assert.deepEqual(s.filters.levels, ['senior']);
    assert.equal(s.shownExpectations, data.expectations.filter((e) => e.level === 'senior' && e.dimension === 'autonomy').length);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a deep link opens a comparison and a selected expectation', async () => {
    const page = await newPage(browser);
    const s = await openApp(page, `${server.url}#view=compare&from=senior&to=staff&item=staff.autonomy.1`);
    assert.equal(s.view, 'compare');
    assert.deepEqual(s.compare, { from: 'senior', to: 'staff' });
    assert.equal(s.selected, 'staff.autonomy.1');
    await page.close();
  });

  test('unknown link parameters are reported, not fatal', async () => {
    const page = await newPage(browser);
    const s = await openApp(page, `${server.url}#levels=senior,wizard&colour=blue`);
    assert.deepEqual(s.levels, ['senior']);
    assert.equal(s.notices.length, 2);
    assert.match(s.notices.join(' '), /unknown level "wizard"/);
    await page.close();
  });

  test('filters follow back and forward', async () => {
    const page = await newPage(browser);
    await openApp(page, server.url);
    await clickTarget(page, 'chip:level:staff');
    assert.equal(new URL(page.url()).hash, '#levels=staff');
    await clickTarget(page, 'chip:area:credibility');
    assert.equal(new URL(page.url()).hash, '#levels=staff&areas=credibility');
    await page.goBack();
    await settle(page);
    let s = await state(page);
    assert.deepEqual(s.filters.levels, ['staff']);
    assert.deepEqual(s.filters.areas, []);
    await page.goBack();
    await settle(page);
    s = await state(page);
    assert.deepEqual(s.filters.levels, []);
    assert.equal(s.levels.length, data.levels.length);
    await page.goForward();
    await page.goForward();
    await settle(page);
    s = await state(page);
    assert.deepEqual(s.filters, { levels: ['staff'], areas: ['credibility'], components: [], onlyNew: false });
    await page.close();
  });

  test('search typed into the canvas finds what the data holds', async () => {
    const page = await newPage(browser);
    await openApp(page, server.url);
    await clickTarget(page, 'search');
    await page.keyboard.type('on-call');
    await settle(page);
    const s = await state(page);
    const expected = data.expectations.filter((e) =>
      [e.text, e.title || '', ...(e.links || []).map((l) => l.text)].some((t) => t.toLowerCase().includes('on-call'))).length;
    assert.equal(s.search, 'on-call');
    assert.ok(expected > 0);
    assert.equal(s.matches, expected);
    assert.match(new URL(page.url()).hash, /q=on-call/);
    // Backspace edits the search instead of navigating away.
    await page.keyboard.press('Backspace');
    await settle(page);
    assert.equal((await state(page)).search, 'on-cal');
    await page.close();
  });

  test('Esc hands keyboard focus back to the page', async () => {
    const page = await newPage(browser);
    await openApp(page, server.url);
    await page.locator('#cm-canvas').focus();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'cm-canvas');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'cm-canvas');
    await page.close();
  });

  test('Tab moves keyboard focus inside the app and Enter activates', async () => {
    const page = await newPage(browser);
    await openApp(page, server.url);
    await page.locator('#cm-canvas').focus();
    const seen = [];
    for (let i = 0; i < 60 && !seen.includes('chip:level:senior'); i++) {
      await page.keyboard.press('Tab');
      await settle(page);
      seen.push((await state(page)).focused);
    }
    assert.ok(seen.includes('chip:level:senior'), `Tab visited: ${seen.join(', ')}`);
    assert.ok(seen.includes('search') && seen.indexOf('search') < seen.indexOf('chip:level:senior'), 'controls are visited in reading order');
    await page.keyboard.press('Enter');
    await settle(page);
    const s = await state(page);
    assert.deepEqual(s.filters.levels, ['senior']);
    // Focus stays in the app until Esc: on the chip's element in the accessibility layer.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.cm), 'chip:level:senior', 'focus stays in the app until Esc');
    await page.close();
  });

  test('copying an expectation puts its text on the browser clipboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await newPage(browser, { context });
    await openApp(page, `${server.url}#levels=senior&areas=autonomy&item=senior.autonomy.1`);
    await clickTarget(page, 'button:copy-text');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, textOf('senior.autonomy.1'));
    await context.close();
  });

  test('text is drawn for the device pixel ratio', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
    const page = await newPage(browser, { context });
    const s = await openApp(page, server.url);
    assert.equal(s.pixelRatio, 2);
    const size = await page.evaluate(() => { const c = document.getElementById('cm-canvas'); return [c.width, c.clientWidth]; });
    assert.equal(size[0], size[1] * 2);
    await context.close();
  });

  test('follows the system theme until the reader picks one, and remembers it', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, colorScheme: 'dark' });
    const page = await newPage(browser, { context });
    let s = await openApp(page, server.url);
    assert.equal(s.theme, 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await waitForState(page, (x) => x.theme === 'light', 'the light theme to follow the system');
    await clickTarget(page, 'button:theme');
    s = await state(page);
    assert.equal(s.theme, 'dark');
    assert.equal(s.themeChoice, 'dark');
    assert.equal(await page.evaluate(() => localStorage.getItem('career-matrix:settings')), '{"theme":"dark"}');
    await page.reload();
    s = await page.evaluate(() => window.careerMatrix.ready.then(() => window.careerMatrix.state()));
    assert.equal(s.theme, 'dark');
    await context.close();
  });

  test('left alone, the page draws nothing', async () => {
    const page = await newPage(browser);
    await openApp(page, server.url);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    const before = (await page.evaluate(() => window.careerMatrix.frameStats())).count;
    await page.waitForTimeout(3000);
    const after = (await page.evaluate(() => window.careerMatrix.frameStats())).count;
    assert.ok(after - before <= 3, `${after - before} frames drawn in 3 s of idling`);
    // Input wakes it up again.
    const pos = await targetCenter(page, 'chip:level:senior');
    await page.mouse.move(pos.x, pos.y);
    await settle(page);
    assert.ok((await page.evaluate(() => window.careerMatrix.frameStats())).count > after);
    await page.close();
  });
});
