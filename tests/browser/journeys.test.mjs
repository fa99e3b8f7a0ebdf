// Whole journeys as a screen-reader or keyboard user makes them, through the
// accessibility layer over the canvas: role-based locators only (getByRole,
// getByLabel), no coordinates and no careerMatrix.targets(). Then the same with
// the keyboard alone, Chromium's own accessibility tree (CDP), composed input
// (IME) in a desktop text field, and what the live regions say.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launch, newPage, openApp, settle, startServer, state, waitForState } from './harness.mjs';

const data = JSON.parse(readFileSync(new URL('../../data/infrastructure.json', import.meta.url), 'utf8'));
const textOf = (id) => data.expectations.find((e) => e.id === id).text;

describe('journeys with assistive technology', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer(), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  async function open(hash = '', options = {}) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, acceptDownloads: true, ...options });
    const page = await newPage(browser, { context });
    await openApp(page, `${server.url}${hash}`);
    return { context, page };
  }
  // As a screen reader does: move to the element (the app scrolls it into view), then act.
  async function press(page, locator) {
    await locator.focus();
    await settle(page);
    await locator.click();
    await settle(page);
  }

  test('read, filter, search, open, compare, plan and export, with role-based locators only', async () => {
    const { context, page } = await open();
    // Filter to Senior and Autonomy, and read the expectations.
    const levels = page.getByRole('group', { name: 'Levels' });
    await press(page, levels.getByRole('button', { name: 'Senior', exact: true }));
    await press(page, page.getByRole('group', { name: 'Dimensions' }).getByRole('button', { name: 'Autonomy', exact: true }));
    assert.equal(await levels.getByRole('button', { name: 'Senior', exact: true }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('heading', { name: 'Senior', level: 2 }).waitFor();
    const autonomy = page.getByRole('list', { name: 'Autonomy, Senior' });
    const seniorAutonomy = data.expectations.filter((e) => e.level === 'senior' && e.dimension === 'autonomy');
    assert.equal(await autonomy.getByRole('listitem').count(), seniorAutonomy.length);
    for (const e of seniorAutonomy) await autonomy.getByRole('button', { name: e.text, exact: true }).waitFor();
    // How each relates to the level below is said in words.
    const first = autonomy.getByRole('button', { name: textOf('senior.autonomy.1'), exact: true });
    assert.match(await first.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent), /grows from|new at this level|carried over/);

    // Search, and reach a match.
    const search = page.getByRole('textbox', { name: 'Search all levels' });
    await search.fill('dogfooding');
    await settle(page);
    const match = data.expectations.find((e) => e.level === 'senior' && e.dimension === 'autonomy' && /dogfooding/i.test(e.text));
    const hit = page.getByRole('button', { name: match.text, exact: true });
    await hit.waitFor();
    // Open its details.
    await press(page, hit);
    const detail = page.getByRole('region', { name: 'Expectation' });
    await detail.getByRole('heading', { name: 'At the next levels' }).waitFor();
    assert.ok(await detail.getByText(match.text, { exact: true }).count() >= 1);
    await press(page, detail.getByRole('button', { name: 'Close' }));
    await search.fill('');

    // Compare Senior with Staff, and read what is new.
    await press(page, page.getByRole('tab', { name: 'Compare levels' }));
    assert.equal(await page.getByRole('tab', { name: 'Compare levels' }).getAttribute('aria-selected'), 'true');
    const from = page.getByRole('combobox', { name: 'Compare' });
    await press(page, from);
    await press(page, page.getByRole('listbox', { name: 'Compare' }).getByRole('option', { name: 'Senior', exact: true }));
    await press(page, page.getByRole('combobox', { name: 'with' }));
    await press(page, page.getByRole('listbox', { name: 'with' }).getByRole('option', { name: 'Staff', exact: true }));
    await page.getByText(/^Staff adds \d+ new expectations? and grows \d+ from Senior/).waitFor();
    // (The dimension chosen on the ladder still applies: Autonomy.)
    const added = page.getByRole('button', { name: /^New at Staff: / });
    assert.ok(await added.count() >= 1);
    const grown = page.getByRole('button', { name: /^Grows at Staff: / });
    assert.ok(await grown.count() >= 1);
    const said = await grown.first().evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent);
    assert.match(said, /^At Senior: .+ Added words: “/);

    // A plan from Senior to Staff: two statuses, a two-line note, an evidence link.
    await press(page, page.getByRole('tab', { name: 'Growth plan' }));
    await press(page, page.getByRole('combobox', { name: 'I am at' }));
    await press(page, page.getByRole('option', { name: 'Senior', exact: true }));
    await press(page, page.getByRole('combobox', { name: 'I aim for' }));
    await press(page, page.getByRole('option', { name: 'Staff', exact: true }));
    await press(page, page.getByRole('button', { name: 'Create the plan' }));
    const rows = page.getByRole('listitem').filter({ has: page.getByRole('radiogroup', { name: 'Status' }) });
    assert.ok(await rows.count() >= 30);
    await press(page, rows.nth(0).getByRole('radio', { name: 'Done', exact: true }));
    await press(page, rows.nth(1).getByRole('radio', { name: 'In progress', exact: true }));
    assert.equal(await rows.nth(0).getByRole('radio', { name: 'Done', exact: true }).getAttribute('aria-checked'), 'true');
    const row = rows.nth(0).getByRole('button').first();
    assert.equal(await row.getAttribute('aria-expanded'), 'false');
    await press(page, row);
    assert.equal(await row.getAttribute('aria-expanded'), 'true');
    const notes = page.getByRole('textbox', { name: 'Notes' }).first();
    await notes.focus();
    await settle(page);
    await page.keyboard.type('Ran the capacity review');
    await page.keyboard.press('Enter');
    await page.keyboard.type('with the whole team');
    await page.getByRole('textbox', { name: 'Evidence link' }).first().fill('https://gitlab.com/gitlab-com/gl-infra/production/-/issues/1');
    await page.getByRole('textbox', { name: 'Evidence title' }).first().fill('Capacity review');
    await settle(page);
    await press(page, page.getByRole('button', { name: 'Add link' }).first());
    await page.getByRole('link', { name: 'Capacity review' }).waitFor();
    let s = await waitForState(page, (x) => !x.plans.dirty && x.plans.count === 1, 'the plan saved');
    assert.equal(s.plans.active.items.filter((i) => i.status !== 'not-started').length, 2);

    // Export Markdown.
    const download = page.waitForEvent('download');
    await press(page, page.getByRole('button', { name: 'Download Markdown' }));
    const md = readFileSync(await (await download).path(), 'utf8');
    assert.match(md, /^ {2}> Ran the capacity review\\$/m);
    assert.match(md, /^ {2}> with the whole team$/m);
    assert.match(md, /^ {2}- \[Capacity review\]\(https:\/\/gitlab\.com\/gitlab-com\/gl-infra\/production\/-\/issues\/1\)$/m);

    // Delete the plan, and undo.
    await press(page, page.getByRole('button', { name: 'Delete', exact: true }));
    const deleted = page.getByRole('status').filter({ hasText: /^Deleted/ });
    await deleted.waitFor();
    assert.equal((await state(page)).plans.count, 0);
    await press(page, deleted.getByRole('button', { name: 'Undo' }));
    s = await waitForState(page, (x) => x.plans.count === 1, 'the plan back');
    assert.equal(s.plans.active.items.filter((i) => i.status !== 'not-started').length, 2);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('the keyboard alone: Tab follows the reading order, the app acts on Enter and Space, and Esc leaves it', async () => {
    const { context, page } = await open('#view=plan');
    const focused = () => page.evaluate(() => document.activeElement.dataset.cm || document.activeElement.id || document.activeElement.tagName);
    // From the top of the page, Tab enters the app: the header's links, the theme, then the tabs.
    const visited = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      await settle(page);
      visited.push(await focused());
    }
    const order = ['link:handbook-pages', 'link:text-version', 'button:theme', 'tab:plan', 'plan:start-current'];
    let last = -1;
    for (const name of order) {
      const at = visited.indexOf(name);
      assert.ok(at > last, `${name} after the ones before it: ${visited.join(', ')}`);
      last = at;
    }
    // The app's focus follows the page's.
    assert.equal((await state(page)).focused, visited[visited.length - 1]);
    // Arrows move between tabs and choose (one tab stop for the tab list).
    while ((await focused()) !== 'tab:plan') await page.keyboard.press('Shift+Tab'), await settle(page);
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    assert.equal(await focused(), 'tab:compare');
    assert.equal((await state(page)).view, 'compare');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    assert.equal((await state(page)).view, 'plan');
    // Make a plan with the keyboard: open the list with Enter, choose with the arrows and Enter.
    while ((await focused()) !== 'plan:start-current') await page.keyboard.press('Tab'), await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await page.getByRole('combobox', { name: 'I am at' }).getAttribute('aria-expanded'), 'true');
    for (let i = 0; i < 8 && (await focused()) !== 'plan:start-current:senior'; i++) await page.keyboard.press('ArrowDown'), await settle(page);
    assert.equal(await focused(), 'plan:start-current:senior');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await state(page)).plans.count, 0);
    for (let i = 0; i < 10 && (await focused()) !== 'plan:start-target'; i++) await page.keyboard.press('Tab'), await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    for (let i = 0; i < 8 && (await focused()) !== 'plan:start-target:staff'; i++) await page.keyboard.press('ArrowDown'), await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    for (let i = 0; i < 10 && (await focused()) !== 'plan:create'; i++) await page.keyboard.press('Tab'), await settle(page);
    await page.keyboard.press('Space');
    const s = await waitForState(page, (x) => x.plans.count === 1, 'the plan');
    assert.equal(s.plans.active.target, 'staff');
    await settle(page);
    assert.equal(await focused(), 'plan:choose', 'the new plan has the focus');
    // Tab reaches every row of the plan in order and nothing traps focus: it leaves the app at its end.
    const seen = new Set();
    let out = false;
    for (let i = 0; i < 600 && !out; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (!(await page.evaluate(() => !!document.activeElement.closest('.cm-a11y')))) out = true;
      else seen.add(f);
    }
    assert.ok(out, 'Tab leaves the app after its last control');

    const rows = [...seen].filter((n) => /^plan:item:[^:]+$/.test(n));
    assert.equal(rows.length, s.plans.active.items.length, 'every row is a tab stop');
    // Esc hands focus back to the page from anywhere in the app.
    await page.getByRole('button', { name: 'Duplicate' }).focus();
    await settle(page);
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('.cm-a11y')), false);
    await context.close();
  });

  test("Chromium's accessibility tree has the roles, names and states of each tab's view", async () => {
    const { context, page } = await open('#levels=senior&areas=autonomy');
    const cdp = await context.newCDPSession(page);
    const tree = async () => {
      await settle(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      return nodes.filter((n) => !n.ignored).map((n) => ({
        role: n.role?.value, name: n.name?.value || '',
        props: Object.fromEntries((n.properties || []).map((p) => [p.name, p.value.value])),
      }));
    };
    const has = (nodes, role, name, props = {}) =>
      nodes.some((n) => n.role === role && n.name === name && Object.entries(props).every(([k, v]) => n.props[k] === v));
    let t = await tree();
    assert.ok(has(t, 'tab', 'Ladder', { selected: true }));
    assert.ok(has(t, 'tablist', 'Views'));
    assert.ok(has(t, 'button', 'Senior', { pressed: 'true' }));
    assert.ok(has(t, 'button', 'Staff', { pressed: 'false' }));
    assert.ok(has(t, 'textbox', 'Search all levels'));
    assert.ok(has(t, 'checkbox', 'Only what is new at each level', { checked: 'false' }));
    assert.ok(has(t, 'heading', 'Senior', { level: 2 }));
    assert.ok(has(t, 'button', textOf('senior.autonomy.1')));
    assert.ok(t.some((n) => n.role === 'listitem'));

    await page.evaluate(() => { location.hash = 'view=compare&from=senior&to=staff'; });
    t = await tree();
    assert.ok(has(t, 'tab', 'Compare levels', { selected: true }));
    assert.ok(has(t, 'combobox', 'Compare', { expanded: false }));
    assert.ok(t.some((n) => n.role === 'button' && n.name.startsWith('New at Staff: ')));

    await page.evaluate(() => { location.hash = 'view=plan'; });
    await page.getByRole('combobox', { name: 'I am at' }).click();
    t = await tree();
    assert.ok(has(t, 'combobox', 'I am at', { expanded: true }));
    assert.ok(has(t, 'listbox', 'I am at'));
    assert.ok(t.some((n) => n.role === 'option' && n.name === 'Senior'));
    await page.getByRole('option', { name: 'Senior', exact: true }).click();
    await page.getByRole('combobox', { name: 'I aim for' }).click();
    await page.getByRole('option', { name: 'Staff', exact: true }).click();
    await page.getByRole('button', { name: 'Create the plan' }).click();
    t = await tree();
    assert.ok(has(t, 'radiogroup', 'Status'));
    assert.ok(has(t, 'radio', 'Not started', { checked: 'true' }));
    assert.ok(has(t, 'radio', 'Done', { checked: 'false' }));
    assert.ok(has(t, 'radiogroup', 'Show'));
    assert.ok(t.some((n) => n.role === 'button' && n.name === 'Accountability · Staff' && n.props.expanded === true));
    assert.ok(has(t, 'textbox', 'Plan name'));
    await context.close();
  });

  test('composed input (IME) in a desktop text field, and what the live regions say', async () => {
    const { context, page } = await open('#view=plan');
    const cdp = await context.newCDPSession(page);
    await page.getByRole('combobox', { name: 'I am at' }).click();
    await page.getByRole('option', { name: 'Senior', exact: true }).click();
    await page.getByRole('combobox', { name: 'I aim for' }).click();
    await page.getByRole('option', { name: 'Staff', exact: true }).click();
    await page.getByRole('button', { name: 'Create the plan' }).click();
    await settle(page);
    const name = page.getByRole('textbox', { name: 'Plan name' });
    await name.focus();
    await settle(page);
    await page.keyboard.press('Control+A');
    // An input method composes 日本 in two steps, then commits it.
    await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '日本', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '日本' });
    await page.keyboard.type(' plan');
    const s = await waitForState(page, (x) => x.plans.active?.name === '日本 plan' && !x.plans.dirty, 'the composed name saved');
    assert.equal(s.plans.active.name, '日本 plan');
    assert.equal(await name.inputValue(), '日本 plan');

    // Deleting the plan is said, with the words the app shows.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const polite = page.locator('[aria-live="polite"]');
    await waitForState(page, (x) => x.plans.count === 0);
    await settle(page);
    assert.equal((await polite.textContent()).trim(), 'Deleted “日本 plan”.');
    assert.equal(await page.getByRole('status').filter({ hasText: 'Deleted' }).count(), 1);
    await context.close();
  });
});
