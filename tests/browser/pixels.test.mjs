// What people see does not change unnoticed: the canvas of a few views, pixel for
// pixel, against reference screenshots kept in tests/browser/reference/.
//
// A change that is meant to alter the pixels updates the references:
//   CM_UPDATE_REFERENCE=1 node --test tests/browser/pixels.test.mjs
// and the new PNGs are reviewed and committed with it. A failure names the box
// that changed and writes the new screenshot next to the test run (its path is
// in the message), so the two can be compared by eye.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodePng, launch, openApp, root, settle, startServer } from './harness.mjs';

const referenceDir = join(root, 'tests', 'browser', 'reference');
const update = process.env.CM_UPDATE_REFERENCE === '1';

// Light and dark, a desktop and a phone, 1x and 2x pixels (text drawn at device pixels).
const VIEWS = [
  { name: 'ladder-1100', hash: '', width: 1100, height: 760, scale: 1, scheme: 'light' },
  { name: 'ladder-390', hash: '', width: 390, height: 844, scale: 1, scheme: 'light' },
  { name: 'compare-dark-1100', hash: '#view=compare&from=senior&to=staff', width: 1100, height: 760, scale: 1, scheme: 'dark' },
  { name: 'ladder-2x-700', hash: '#levels=staff', width: 700, height: 480, scale: 2, scheme: 'light' },
];

// Pixels whose channels differ by more than `tolerance` (0-255), and their bounding box.
export function comparePixels(a, b, tolerance = 2) {
  if (a.width !== b.width || a.height !== b.height) return { sizeDiffers: true, count: a.width * a.height };
  let count = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * a.channels, j = (y * b.width + x) * b.channels;
      if (Math.abs(a.px[i] - b.px[j]) > tolerance || Math.abs(a.px[i + 1] - b.px[j + 1]) > tolerance ||
          Math.abs(a.px[i + 2] - b.px[j + 2]) > tolerance) {
        count++;
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      }
    }
  }
  return { sizeDiffers: false, count, box: count ? { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 } : null };
}

describe('the canvas looks as it did', () => {
  let server, browser;
  before(async () => { [server, browser] = await Promise.all([startServer(), launch()]); });
  after(async () => { await browser?.close(); await server?.stop(); });

  test('the comparison sees a one-pixel change and ignores none', () => {
    const img = { width: 4, height: 3, channels: 4, px: Buffer.alloc(48, 200) };
    const changed = { ...img, px: Buffer.from(img.px) };
    changed.px[(2 * 4 + 1) * 4 + 1] = 190;
    assert.deepEqual(comparePixels(img, img), { sizeDiffers: false, count: 0, box: null });
    assert.deepEqual(comparePixels(img, changed), { sizeDiffers: false, count: 1, box: { x: 1, y: 2, w: 1, h: 1 } });
    assert.equal(comparePixels(img, { ...img, width: 3 }).sizeDiffers, true);
  });

  for (const v of VIEWS) {
    test(`${v.name}: ${v.width}×${v.height} at ${v.scale}x, ${v.scheme}${v.hash ? ', ' + v.hash : ''}`, async () => {
      const context = await browser.newContext({ viewport: { width: v.width, height: v.height }, deviceScaleFactor: v.scale, colorScheme: v.scheme });
      try {
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await openApp(page, server.url + v.hash);
        await settle(page);
        const box = await page.locator('#cm-canvas').boundingBox();
        const shot = await page.screenshot({ clip: box });
        assert.deepEqual(errors, []);
        const file = join(referenceDir, `${v.name}.png`);
        if (update) {
          mkdirSync(referenceDir, { recursive: true });
          writeFileSync(file, shot);
          return;
        }
        assert.ok(existsSync(file), `no reference ${file}: run with CM_UPDATE_REFERENCE=1 to write it`);
        const diff = comparePixels(decodePng(readFileSync(file)), decodePng(shot));
        if (diff.count > 0) {
          const out = join(mkdtempSync(join(tmpdir(), 'cm-pixels-')), `${v.name}.png`);
          writeFileSync(out, shot);
          assert.fail(diff.sizeDiffers ? `the canvas is a different size than ${file} (new screenshot: ${out})`
            : `${diff.count} pixels differ from ${file} within ${JSON.stringify(diff.box)} (new screenshot: ${out})`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
