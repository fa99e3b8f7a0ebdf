#!/usr/bin/env node
// tools/screenshots.mjs: the README's screenshots, from the built bundle, in
// headless Chromium. A Senior to Staff plan with a few items worked through
// and one with notes, drawn at each width the layout test checks (JPEG, to
// stay small), and the plan view and the ladder at 1280 px (PNG).
//
//     node tools/screenshots.mjs [OUT_DIR]     # default docs/screenshots
//
// Needs the web build (cmake --build --preset web) and tools/setup's npm packages.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { clickTarget, launch, newPage, openApp, root, settle, startServer, waitForState } from '../tests/browser/harness.mjs';

const out = process.argv[2] || join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launch();
try {
  const page = await newPage(browser, { width: 1280, height: 900 });
  await openApp(page, `${server.url}#view=plan`);
  for (const [combo, level] of [['plan:start-current', 'senior'], ['plan:start-target', 'staff']]) {
    await clickTarget(page, combo);
    await clickTarget(page, `${combo}:${level}`);
  }
  await clickTarget(page, 'plan:create');
  const s = await waitForState(page, (x) => x.plans.count === 1);
  const ids = s.plans.active.items.map((i) => i.expectation);
  const statuses = { 0: 'done', 1: 'done', 2: 'in-progress', 7: 'done', 8: 'in-progress', 14: 'in-progress', 20: 'done' };
  for (const [i, status] of Object.entries(statuses)) await clickTarget(page, `plan:item:${ids[i]}:status:${status}`);
  const open = ids[2];
  await clickTarget(page, `plan:item:${open}`);
  await clickTarget(page, `plan:item:${open}:notes`);
  await page.keyboard.type('Drafted the capacity plan with the team;\nreview with the EM on Friday.');
  await clickTarget(page, `plan:item:${open}:date`);
  await page.keyboard.type('2027-03-01');
  await clickTarget(page, `plan:item:${open}:evidence-url`);
  await page.keyboard.type('https://gitlab.com/gitlab-com/gl-infra/capacity-planning/-/issues/1');
  await clickTarget(page, `plan:item:${open}:evidence-add`);
  await clickTarget(page, `plan:item:${open}`);  // closed again: its summary line shows
  await waitForState(page, (x) => !x.plans.dirty);
  const top = async () => {
    await page.mouse.move(300, 400);
    for (let i = 0; i < 40 && (await page.evaluate(() => window.careerMatrix.state().scrollY)) > 0; i++) await page.mouse.wheel(0, -2000), await settle(page);
  };

  for (const width of [320, 390, 700, 1024, 1440]) {
    await page.setViewportSize({ width, height: 1100 });
    await settle(page);
    await top();
    await page.screenshot({ path: join(out, `plan-${width}.jpg`), quality: 70 });
  }
  await page.setViewportSize({ width: 1280, height: 1000 });
  await settle(page);
  await top();
  await page.screenshot({ path: join(out, 'plan.png') });
  await page.evaluate(() => { location.hash = 'levels=senior,staff&item=staff.autonomy.2'; });
  await settle(page);
  await page.screenshot({ path: join(out, 'ladder.png') });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
