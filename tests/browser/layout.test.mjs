// Layouts that flow, checked at five widths in every view: every named control
// the app draws (careerMatrix.targets()) lies inside the canvas, and no two
// overlap. A second test makes and works through a plan on a touch phone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { clickTarget, launch, newPage, openApp, settle, startServer, state, targetCenter, waitForState } from './harness.mjs';

const WIDTHS = [320, 390, 700, 1024, 1440];
const HEIGHT = 2400;  // tall, so that most of each view is on screen and checked at once

// What is wrong with the last frame's layout, as readable lines ([] when nothing).
async function layoutProblems(page) {
  const { targets, width, height } = await page.evaluate(() => {
    const r = document.getElementById('cm-canvas').getBoundingClientRect();
    return { targets: window.careerMatrix.targets(), width: r.width, height: r.height };
  });
  const all = Object.entries(targets).map(([name, t]) => ({ name, ...t }));
  // With a dialog or a list open, what is behind it cannot be reached: check the front layer.
  const front = all.some((t) => t.popup) ? all.filter((t) => t.popup) : all;
  const shown = front.filter((t) => t.visible && t.clip.w > 0 && t.clip.h > 0);
  const problems = [];
  const eps = 0.5;
  for (const t of front) {
    if (t.x < -eps || t.x + t.w > width + eps) problems.push(`${t.name} is outside the canvas (x ${t.x.toFixed(1)}..${(t.x + t.w).toFixed(1)} of ${width})`);
  }
  for (const t of shown) {
    const c = t.clip;
    if (c.y < -eps || c.y + c.h > height + eps) problems.push(`${t.name} is outside the canvas (y ${c.y.toFixed(1)}..${(c.y + c.h).toFixed(1)} of ${height})`);
  }
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i].clip, b = shown[j].clip;
      const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) problems.push(`${shown[i].name} and ${shown[j].name} overlap (${w.toFixed(1)} x ${h.toFixed(1)})`);
    }
  }
  return { problems, count: shown.length };
}

async function expectClean(page, what, atLeast = 4) {
  await settle(page);
  const { problems, count } = await layoutProblems(page);
  assert.ok(count >= atLeast, `${what}: hardly any controls drawn (${count})`);
  assert.deepEqual(problems, [], `${what}: ${problems.length} problem(s)`);
}

async function setWidth(page, width) {
  await page.setViewportSize({ width, height: HEIGHT });
  await waitForState(page, (s) => s.contentHeight > 0);
  await settle(page);
  await settle(page);
}

describe('layout', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer(), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  test('the layout self-check notices controls outside the canvas and overlapping', async () => {
    // The check itself, on made-up targets, so that a clean result means something.
    const page = await newPage(browser, { width: 400, height: 300 });
    await page.setContent('<canvas id="cm-canvas" style="width:400px;height:300px;display:block"></canvas>');
    const fake = (targets) => page.evaluate((t) => { window.careerMatrix = { targets: () => t }; }, targets);
    const t = (x, y, w, h, extra = {}) => ({ x, y, w, h, visible: true, clip: { x, y, w, h }, popup: false, ...extra });
    await fake({ a: t(10, 10, 50, 20), b: t(70, 10, 50, 20), c: t(10, 40, 100, 20) });
    assert.deepEqual((await layoutProblems(page)).problems, []);
    await fake({ a: t(10, 10, 50, 20), b: t(40, 15, 50, 20), c: t(380, 40, 100, 20) });
    const { problems } = await layoutProblems(page);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems.join('\n'), /c is outside the canvas/);
    assert.match(problems.join('\n'), /a and b overlap/);
    // A dialog: only its own controls count.
    await fake({ a: t(10, 10, 50, 20), b: t(10, 10, 50, 20), d1: t(100, 100, 60, 20, { popup: true }), d2: t(170, 100, 60, 20, { popup: true }) });
    assert.deepEqual((await layoutProblems(page)).problems, []);
    await page.context().close();
  });

  test(`at ${WIDTHS.join(', ')} px every view's controls are inside the canvas and apart`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: HEIGHT } });
    const page = await newPage(browser, { context });
    await openApp(page, `${server.url}#view=plan`);
    // Before any plan: the form that makes one.
    for (const width of WIDTHS) {
      await setWidth(page, width);
      await expectClean(page, `the empty plan view at ${width}`);
      await clickTarget(page, 'plan:start-target');
      await expectClean(page, `the empty plan view with a level list open at ${width}`);
      await page.keyboard.press('Escape');
    }
    await setWidth(page, 1280);
    // A Senior to Staff plan with a date, a note and a link on its first item.
    await clickTarget(page, 'plan:start-current');
    await clickTarget(page, 'plan:start-current:senior');
    await clickTarget(page, 'plan:start-target');
    await clickTarget(page, 'plan:start-target:staff');
    await clickTarget(page, 'plan:create');
    const s = await waitForState(page, (x) => x.plans.count === 1);
    const id = s.plans.active.items[0].expectation;
    await clickTarget(page, `plan:item:${id}:status:in-progress`);
    await clickTarget(page, `plan:item:${id}`);
    await clickTarget(page, `plan:item:${id}:notes`);
    await page.keyboard.type('Ran the capacity review');
    await clickTarget(page, `plan:item:${id}:evidence-url`);
    await page.keyboard.type('https://gitlab.com/gitlab-com/gl-infra/production/-/issues/1');
    await clickTarget(page, `plan:item:${id}:evidence-add`);
    await clickTarget(page, `plan:item:${id}:date`);
    await page.keyboard.type('2027-03-01');
    await settle(page);

    for (const width of WIDTHS) {
      await setWidth(page, width);
      const narrow = width - 32 < 720;

      // The plan, with its first item open (details and all).
      await page.evaluate(() => { location.hash = 'view=plan'; });
      await settle(page);
      if ((await state(page)).plans.active === undefined) assert.fail('the plan is gone');
      await expectClean(page, `plan at ${width}`);
      // In target-date order (its rows carry their area; narrow screens are where that could crowd).
      if (width <= 700) {
        await clickTarget(page, 'plan:order:date');
        await expectClean(page, `plan by date at ${width}`);
        await clickTarget(page, 'plan:order:handbook');
      }
      // The "Delete my data" dialog.
      await clickTarget(page, 'plan:delete-data');
      await expectClean(page, `the delete dialog at ${width}`, 2);
      assert.ok((await page.evaluate(() => window.careerMatrix.targets()))['plan:delete-data:cancel'].popup);
      await clickTarget(page, 'plan:delete-data:cancel');

      // The ladder, with a search, and its filters unfolded on narrow screens.
      await page.evaluate(() => { location.hash = 'levels=senior,staff&areas=autonomy'; });
      await settle(page);
      await expectClean(page, `ladder at ${width}`);
      if (narrow) {
        await clickTarget(page, 'button:filters');
        await expectClean(page, `ladder with its filters open at ${width}`);
        await clickTarget(page, 'button:filters');
      }
      await page.evaluate(() => { location.hash = 'item=staff.autonomy.1'; });
      await expectClean(page, `ladder with an expectation open at ${width}`, 3);

      // Compare, with the plan buttons.
      await page.evaluate(() => { location.hash = 'view=compare&from=senior&to=staff'; });
      await settle(page);
      await expectClean(page, `compare at ${width}`);
      if (narrow) {
        await clickTarget(page, 'button:compare-filters');
        await expectClean(page, `compare with its filters open at ${width}`);
        await clickTarget(page, 'button:compare-filters');
      }
      if (width <= 700) {
        await clickTarget(page, 'compare:from');
        await expectClean(page, `compare with a level list open at ${width}`);
        await page.keyboard.press('Escape');
      }
    }

    // The question an import asks when the plan is already here, at every width.
    await page.evaluate(() => { location.hash = 'view=plan'; });
    await setWidth(page, 1280);
    // The stored document itself is a file import takes (all its plans).
    await waitForState(page, (x) => !x.plans.dirty && x.plans.revision > 0, 'the plan to be saved');
    const stored = await page.evaluate(() => localStorage.getItem('career-matrix:plans'));
    const chooser = page.waitForEvent('filechooser');
    await clickTarget(page, 'plan:import');
    await (await chooser).setFiles({ name: 'plans.json', mimeType: 'application/json', buffer: Buffer.from(stored) });
    await waitForState(page, () => true);
    for (const width of WIDTHS) {
      await setWidth(page, width);
      await expectClean(page, `the import question at ${width}`, 3);
      assert.ok((await page.evaluate(() => window.careerMatrix.targets()))['import:cancel'].popup);
    }
    await clickTarget(page, 'import:cancel');
    assert.equal((await state(page)).plans.count, 1);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('on a touch phone (390 x 844) a Senior to Staff plan is made, worked through and exported by tapping', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, acceptDownloads: true });
    const page = await newPage(browser, { context });
    const cdp = await context.newCDPSession(page);
    // A finger drag on the canvas, from (x, y0) to (x, y1) in steps.
    async function swipe(y0, y1) {
      const x = 200;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
      for (let k = 1; k <= 8; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * k) / 8 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await settle(page);
    }
    // Taps a named control, swiping the app until it is on screen, as a thumb would.
    async function tap(name) {
      for (let i = 0; i < 80; i++) {
        const t = await targetCenter(page, name);
        if (t.visible && t.y > 8 && t.y < 836) {
          await page.touchscreen.tap(t.x, t.y);
          await settle(page);
          return;
        }
        if (t.y >= 836 || !t.visible && t.y > 422) await swipe(620, 320);
        else await swipe(320, 620);
      }
      throw new Error(`could not bring "${name}" on screen`);
    }

    await openApp(page, `${server.url}#view=plan`);
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
    await expectClean(page, 'the empty plan view on a phone');
    await tap('plan:start-current');
    await tap('plan:start-current:senior');
    await tap('plan:start-target');
    await tap('plan:start-target:staff');
    await tap('plan:create');
    let s = await waitForState(page, (x) => x.plans.count === 1, 'the plan');
    assert.equal(s.plans.active.current, 'senior');
    assert.equal(s.plans.active.target, 'staff');
    assert.ok(s.plans.active.items.length >= 30, `${s.plans.active.items.length} items`);
    await expectClean(page, 'the new plan on a phone');

    // Work through it: a status, a note through the system keyboard's dialog, then only what is done.
    const first = s.plans.active.items[0].expectation;
    const second = s.plans.active.items[1].expectation;
    await tap(`plan:item:${first}:status:done`);
    await tap(`plan:item:${second}:status:in-progress`);
    s = await state(page);
    assert.equal(s.plans.active.items[0].status, 'done');
    assert.equal(s.plans.active.items[1].status, 'in-progress');
    await tap(`plan:item:${first}`);
    // A tap on the notes lands on the real text field over the canvas: the system keyboard's text goes in.
    await tap(`plan:item:${first}:notes`);
    assert.equal(await page.evaluate(() => document.activeElement.tagName + ' ' + document.activeElement.getAttribute('aria-label')), 'TEXTAREA Notes');
    await page.keyboard.insertText('Reviewed the on-call handover\nwith the team');
    await settle(page);
    await expectClean(page, 'an open item on a phone');
    await tap(`plan:item:${first}`);
    await tap('plan:show:done');
    const targets = await page.evaluate(() => window.careerMatrix.targets());
    assert.ok(targets[`plan:item:${first}`], 'the done item is shown');
    assert.equal(targets[`plan:item:${second}`], undefined, 'the item in progress is not');
    await tap('plan:show:all');

    // Export it as Markdown: the readiness table says what was done.
    const download = page.waitForEvent('download');
    await tap('plan:export:markdown');
    const md = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8');
    assert.match(md, /^## Readiness for Staff$/m);
    assert.match(md, /^\| All \| 1 \| 1 \| \d+ \| 0 \|$/m);
    assert.match(md, /^- \[x\] /m);
    assert.match(md, /^ {2}> Reviewed the on-call handover\\$/m);
    await waitForState(page, (x) => !x.plans.dirty, 'the plan to be saved');
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('career-matrix:plans')));
    assert.equal(stored.plans[0].items.find((i) => i.expectation === first).notes, 'Reviewed the on-call handover\nwith the team');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});
