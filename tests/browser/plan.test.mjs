// Growth plans in a real browser with real localStorage: surviving a reload,
// every kind of unreadable storage, a full quota, two tabs, exports and imports,
// and editing text through the browser's clipboard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { clickTarget, launch, newPage, openApp, settle, startServer, state, waitForState } from './harness.mjs';

const KEY = 'career-matrix:plans';
const saved = (s) => s.plans.count > 0 && !s.plans.dirty && s.plans.revision > 0;

describe('growth plans', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer(), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  async function freshPage(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, acceptDownloads: true, ...options });
    const page = await newPage(browser, { context });
    return { context, page };
  }

  // Puts `value` under the plans key before the app starts (on the same origin).
  async function seed(page, entries) {
    await page.goto(`${server.url}framework.html`);
    await page.evaluate((e) => { for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
  }

  async function pickLevels(page, current, target) {
    await clickTarget(page, 'plan:start-current');
    await clickTarget(page, `plan:start-current:${current}`);
    await clickTarget(page, 'plan:start-target');
    await clickTarget(page, `plan:start-target:${target}`);
  }

  async function createPlan(page) {
    await pickLevels(page, 'senior', 'staff');
    await clickTarget(page, 'plan:create');
    return waitForState(page, saved, 'the new plan to be saved');
  }

  test('a plan survives a reload', async () => {
    const { context, page } = await freshPage();
    await openApp(page, `${server.url}#view=plan`);
    let s = await createPlan(page);
    const first = s.plans.active.items[0].expectation;
    await clickTarget(page, `plan:item:${first}:status:done`);
    s = await waitForState(page, (x) => saved(x) && x.plans.active.items[0].status === 'done', 'the status to be saved');
    const before = s.plans.active;
    await page.reload();
    s = await page.evaluate(() => window.careerMatrix.ready.then(() => window.careerMatrix.state()));
    assert.deepEqual(s.plans.active, before);
    assert.deepEqual(s.plans.messages, []);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  const unreadable = {
    'not JSON': '{"format":"career-matrix-plans","version":2,"plans":[{',
    'another app\'s data': '{"theme":"dark","items":[1,2,3]}',
    'a newer version': '{"format":"career-matrix-plans","version":7,"revision":12,"plans":[{"id":"p","future":true}]}',
    'a wrong shape': '{"format":"career-matrix-plans","version":2,"revision":1,"plans":[{"id":"p","name":"x","items":[{"expectation":"a","status":"finished"}]}]}',
  };
  for (const [what, raw] of Object.entries(unreadable)) {
    test(`${what} under the plans key is kept in a backup, and the app keeps working`, async () => {
      const { context, page } = await freshPage();
      await seed(page, { [KEY]: raw });
      await openApp(page, `${server.url}#view=plan`);
      let s = await state(page);
      const load = s.plans.messages.find((m) => m.id === 'load');
      assert.ok(load, 'the reader is told');
      assert.match(load.text, /could not be read/);
      const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
      const backups = Object.keys(stored).filter((k) => k.startsWith('career-matrix:backup:'));
      assert.equal(backups.length, 1);
      assert.equal(stored[backups[0]], raw, 'the backup holds the exact bytes');
      assert.equal(stored[KEY], undefined, 'moved aside, not left to be overwritten');
      // The reader can download what was there.
      const download = page.waitForEvent('download');
      await clickTarget(page, 'message:load:download');
      assert.equal(readFileSync(await (await download).path(), 'utf8'), raw);
      s = await createPlan(page);
      assert.equal(s.plans.count, 1);
      await context.close();
    });
  }

  // Values that a trip through UTF-8 would change: the backup must still be the very
  // string that was stored (localStorage holds JavaScript strings, not bytes).
  const notUtf8 = {
    'a lone high surrogate': '{"schema":1,"plans":[{"name":"\ud800"}]}',
    'a lone low surrogate in our format': '{"format":"career-matrix-plans","version":2,"revision":1,"plans":[{"name":"\udc00"}]}',
    'a reversed surrogate pair': '\udc00\ud800',
    'an embedded NUL': '{"theme":"dark"}\u0000{"more":"after the NUL"}',
    'a byte order mark and an emoji': '\ufeff{"theme":"dark","note":"\ud83d\ude00"}',
  };
  for (const [what, raw] of Object.entries(notUtf8)) {
    test(`${what} under the plans key is backed up as the exact string`, async () => {
      const { context, page } = await freshPage();
      await seed(page, { [KEY]: raw });
      await openApp(page, `${server.url}#view=plan`);
      const s = await state(page);
      assert.ok(s.plans.messages.find((m) => m.id === 'load'), 'the reader is told');
      const kept = await page.evaluate((v) => Object.keys(localStorage).filter((k) => k.startsWith('career-matrix:backup:') && localStorage.getItem(k) === v), raw);
      assert.equal(kept.length, 1, 'one backup key holds exactly the stored string');
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'the original was moved, after its copy was verified');
      assert.deepEqual(page.errors, []);
      await context.close();
    });
  }

  test('storage that throws on access (disabled, or a sandboxed frame) is detected and said; plans live in the tab', async () => {
    const { context, page } = await freshPage();
    // What a browser with site data blocked, or an opaque-origin frame, does on every access.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    });
    await openApp(page, `${server.url}#view=plan`);
    let s = await state(page);
    assert.equal(s.plans.readOnly, true);
    assert.match(s.plans.messages.find((m) => m.id === 'load').text, /cannot store data in this browser/);
    await pickLevels(page, 'senior', 'staff');
    await clickTarget(page, 'plan:create');
    s = await waitForState(page, (x) => x.plans.count === 1 && !x.plans.dirty, 'the plan to be kept in memory');
    assert.ok(s.plans.active.items.length > 10);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('a full quota is reported, the plan stays in the tab, and nothing stored is lost', async () => {
    const { context, page } = await freshPage();
    await seed(page, { 'another-app:notes': 'important' });
    // Fill the origin's storage.
    await page.evaluate(() => {
      let i = 0;
      for (let size = 256 * 1024; size >= 1; size >>= 1) {
        for (;;) {
          try { localStorage.setItem(`filler:${i++}`, 'x'.repeat(size)); } catch (e) { break; }
        }
      }
    });
    await openApp(page, `${server.url}#view=plan`);
    await pickLevels(page, 'senior', 'staff');
    await clickTarget(page, 'plan:create');
    let s = await waitForState(page, (x) => x.plans.messages.some((m) => m.id === 'save'), 'a save error');
    assert.match(s.plans.messages.find((m) => m.id === 'save').text, /full/);
    assert.equal(s.plans.count, 1, 'the plan is still in the tab');
    assert.ok(s.plans.active.items.length > 10);
    assert.equal(await page.evaluate(() => localStorage.getItem('another-app:notes')), 'important');
    // Export is offered right there.
    const download = page.waitForEvent('download');
    await clickTarget(page, 'message:save:json');
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.equal(exported.plan.items.length, s.plans.active.items.length);
    // Space freed: the next edit saves.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler:')).forEach((k) => localStorage.removeItem(k)));
    await clickTarget(page, `plan:item:${s.plans.active.items[0].expectation}:status:in-progress`);
    s = await waitForState(page, (x) => saved(x) && !x.plans.messages.some((m) => m.id === 'save'), 'the retry to save');
    assert.ok(await page.evaluate((k) => localStorage.getItem(k), KEY));
    await context.close();
  });

  test('two tabs: each picks up the other\'s saves, and a stale tab never overwrites a newer save', async () => {
    const { context, page: a } = await freshPage();
    await openApp(a, `${server.url}#view=plan`);
    let sa = await createPlan(a);
    const b = await newPage(browser, { context });
    await openApp(b, `${server.url}#view=plan`);
    let sb = await state(b);
    assert.deepEqual(sb.plans.active, sa.plans.active);

    // B edits; A (nothing unsaved) follows.
    const item = sa.plans.active.items[1].expectation;
    await b.bringToFront();
    await clickTarget(b, `plan:item:${item}:status:in-progress`);
    sb = await waitForState(b, (x) => saved(x) && x.plans.revision === sa.plans.revision + 1, 'B to save');
    sa = await waitForState(a, (x) => x.plans.revision === sb.plans.revision, 'A to pick up B\'s save');
    assert.equal(sa.plans.active.items[1].status, 'in-progress');

    // A edits in turn; B follows.
    await a.bringToFront();
    await clickTarget(a, `plan:item:${item}:status:done`);
    sa = await waitForState(a, (x) => saved(x) && x.plans.revision === sb.plans.revision + 1, 'A to save');
    sb = await waitForState(b, (x) => x.plans.revision === sa.plans.revision, 'B to pick up A\'s save');
    assert.equal(sb.plans.active.items[1].status, 'done');

    // A has an unsaved edit when B's save lands: A is told and writes nothing.
    const other = sa.plans.active.items[2].expectation;
    await clickTarget(a, `plan:item:${other}:status:done`);
    const newer = JSON.parse(await b.evaluate((k) => localStorage.getItem(k), KEY));
    newer.revision += 1;
    newer.plans[0].name = 'Renamed in tab B';
    await b.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(newer)]);
    sa = await waitForState(a, (x) => x.plans.messages.some((m) => m.id === 'conflict'), 'A to report the conflict');
    await a.waitForTimeout(1200);  // A's autosave is due by now
    let stored = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), KEY));
    assert.equal(stored.plans[0].name, 'Renamed in tab B', 'the stale tab did not overwrite the newer save');
    assert.equal(stored.revision, newer.revision);
    assert.equal((await state(a)).plans.active.items[2].status, 'done', 'A keeps its edit until it chooses');
    // A chooses to keep its version: now it is written, on top of B's revision.
    await clickTarget(a, 'message:conflict:keep-mine');
    stored = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), KEY));
    assert.equal(stored.plans[0].items[2].status, 'done');
    assert.ok(stored.revision > newer.revision);
    sb = await waitForState(b, (x) => x.plans.revision === stored.revision, 'B to pick up A\'s version');
    await context.close();
  });

  test('Markdown and JSON exports download; JSON imports back; a bad file imports nothing', async () => {
    const { context, page } = await freshPage();
    await openApp(page, `${server.url}#view=plan`);
    const s = await createPlan(page);

    let download = page.waitForEvent('download');
    await clickTarget(page, 'plan:export:markdown');
    let d = await download;
    assert.equal(d.suggestedFilename(), 'growth-plan.md');
    const md = readFileSync(await d.path(), 'utf8');
    assert.match(md, /^# Growth plan: Growth plan$/m);
    assert.match(md, /^## Autonomy$/m);
    assert.equal((md.match(/^- \[ \] /gm) || []).length, s.plans.active.items.length);

    download = page.waitForEvent('download');
    await clickTarget(page, 'plan:export:json');
    d = await download;
    const exported = JSON.parse(readFileSync(await d.path(), 'utf8'));
    assert.equal(exported.format, 'career-matrix-plan-export');
    assert.equal(exported.plan.items.length, s.plans.active.items.length);

    // Import the same file: the reader is asked, and a copy is made.
    let chooser = page.waitForEvent('filechooser');
    await clickTarget(page, 'plan:import');
    await (await chooser).setFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await waitForState(page, () => true);
    await settle(page);
    await clickTarget(page, 'import:copy');
    let after = await waitForState(page, (x) => x.plans.count === 2, 'the imported copy');
    assert.equal(after.plans.active.items.length, s.plans.active.items.length);

    // A broken file: nothing imported, and the message names the place.
    const bad = structuredClone(exported);
    bad.plan.items[3].status = 'finished';
    chooser = page.waitForEvent('filechooser');
    await clickTarget(page, 'plan:import');
    await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    after = await waitForState(page, (x) => x.plans.messages.some((m) => m.id === 'import' && /broken\.json/.test(m.text)), 'the import error');
    assert.match(after.plans.messages.find((m) => m.id === 'import').text, /broken\.json:\/plan\/items\/3\/status/);
    assert.equal(after.plans.count, 2);
    await context.close();
  });

  test('notes take multi-line text and paste from the browser clipboard; no modifier sticks after the tab loses focus', async () => {
    const { context, page } = await freshPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await openApp(page, `${server.url}#view=plan`);
    const s = await createPlan(page);
    const id = s.plans.active.items[0].expectation;
    await clickTarget(page, `plan:item:${id}`);
    await clickTarget(page, `plan:item:${id}:notes`);
    await page.keyboard.type('first line');
    await page.keyboard.press('Enter');
    await page.evaluate(() => navigator.clipboard.writeText('pasted from the clipboard'));
    await page.keyboard.press('Control+V');
    const notesNow = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).plans[0].items[0].notes, KEY);
    for (let i = 0; i < 50 && (await notesNow()) !== 'first line\npasted from the clipboard'; i++) await page.waitForTimeout(100);
    assert.equal(await notesNow(), 'first line\npasted from the clipboard');

    // Ctrl goes down, the tab loses focus before it comes up: typing afterwards is typing.
    await page.keyboard.down('Control');
    await page.evaluate(() => document.getElementById('cm-canvas').blur());
    await page.keyboard.up('Control');
    await clickTarget(page, `plan:item:${id}:notes`);
    await page.keyboard.press('End');
    await page.keyboard.type('a');
    for (let i = 0; i < 50 && (await notesNow()) === 'first line\npasted from the clipboard'; i++) await page.waitForTimeout(100);
    assert.equal(await notesNow(), 'first line\npasted from the clipboarda', 'an "a", not Ctrl+A selecting everything');
    await context.close();
  });
});
