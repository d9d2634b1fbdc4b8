// Every screen of the desktop app (build/native/bin/renewdesk in Xvfb, real X input from xdotool), in
// both themes at its default test size (1200×760 at 20,20 on a 1280×800 screen), against the sandbox:
// sign-in, choose with a failed lookup, with the users loading and loaded, review, failed, outcome
// unknown, the receipt, Orders, an order's details, and the batch's review, progress and result. Each
// screen is checked (its state's screen, the theme, no missing glyph) before the X screen is saved to
// artifacts/e2e/screens/desktop-<theme>-<screen>.png. Then the focus ring after Tab on the sign-in
// screen, in the theme's NavHighlight colour (src/ui/theme.cpp), as screens.test.js checks the page.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { DesktopApp, startDesktop, stopDesktop, submitSignIn, tempDir } from './desktop_harness.js';
import { control, HOLD_CAP_MS, releaseHeldReplies, waitForOrders } from './harness.js';
import { navHighlightColours, ringCoverage, shots } from './screens_support.js';

const contact = 'contact:3197218168379846218'; // the tutorial's billing contact

let display;
let sandbox;
before(async () => { ({ display, sandbox } = await startDesktop()); });
after(stopDesktop);
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

const fault = (body) => control(sandbox.url, 'POST', '/__sandbox/faults', body);

// The app with the theme as a person's earlier choice ("theme" in settings.json).
function startThemed(theme) {
  const home = tempDir('home');
  mkdirSync(path.join(home, 'config', 'renewdesk'), { recursive: true });
  writeFileSync(path.join(home, 'config', 'renewdesk', 'settings.json'), JSON.stringify({ theme }));
  return new DesktopApp({ home, args: ['--base-url', sandbox.url] });
}

// The X screen's pixels in `clip` as { width, height, data } (RGBA, like ImageData).
function pixels(clip) {
  const rgb = execFileSync('import', ['-display', display, '-window', 'root',
    '-crop', `${clip.width}x${clip.height}+${clip.x}+${clip.y}`, '-depth', '8', 'rgb:-']);
  const data = new Uint8Array(clip.width * clip.height * 4);
  for (let i = 0, j = 0; i + 2 < rgb.length; i += 3, j += 4) {
    data[j] = rgb[i];
    data[j + 1] = rgb[i + 1];
    data[j + 2] = rgb[i + 2];
    data[j + 3] = 255;
  }
  return { width: clip.width, height: clip.height, data };
}


async function walkScreens(theme) {
  const app = startThemed(theme);
  // Each picture is checked against the one before (its pixels, not the PNG's bytes, which carry a
  // time): the same pixels mean the window did not draw the screen its state names.
  let previous = { name: '', hash: '' };
  const screen = async (name, expected, extra = () => true, what = '') => {
    // settled(): the X screen shows a frame drawn with this state (not one that began before it).
    const state = await app.settled((s) => s.screen === expected && s.theme === theme && s.missingGlyphs === 0 &&
      extra(s), `${name}: screen ${expected} ${what} in the ${theme} theme with every glyph drawn`);
    const file = path.join(shots, `desktop-${theme}-${name}.png`);
    execFileSync('import', ['-display', display, '-window', 'root', file]);
    const hash = createHash('sha256').update(execFileSync('convert', [file, 'rgba:-'], { maxBuffer: 64 << 20 })).digest('hex');
    assert.notEqual(hash, previous.hash, `the picture of ${name} is the picture of ${previous.name}`);
    previous = { name, hash };
    return state;
  };
  const review = async () => {
    await app.click('Renew for myself');
    await app.click(contact);
    await app.click('Review order');
    await app.widget('Confirm order');
    return screen('review', 'reviewing');
  };

  await app.widget('Sign in');
  await screen('sign-in', 'signed_out');

  await fault({ endpoint: 'partner_list', kind: 'api_error', status: 400, code: 'invalid_request',
    detailMessage: 'Subordinate users are not available' });
  // The retried users' lookup is held until its picture is taken (a fixed 1.5 s delay ran out first
  // on a loaded machine: the "loading" picture showed the list).
  await fault({ endpoint: 'partner_list', kind: 'delay', delay_ms: HOLD_CAP_MS, until_released: true });
  await submitSignIn(app);
  await app.widget('Retry subordinate users');
  await screen('choose-error', 'choosing', (s) => s.users.status === 'failed' && s.plans.status === 'loaded' &&
    s.contacts.status === 'loaded', 'with the users failed');
  await app.click('Retry subordinate users');
  await screen('choose-loading', 'choosing', (s) => s.users.status === 'loading', 'with the users loading');
  await releaseHeldReplies(sandbox.url);
  await screen('choose', 'choosing', (s) => s.users.status === 'loaded', 'with the users loaded');

  await review();
  await fault({ endpoint: 'save', kind: 'api_error', status: 400, code: 'insufficient_balance',
    detailMessage: 'Not enough credit' });
  await app.click('Confirm order');
  await app.widget('Back to choices');
  assert.equal((await screen('failed', 'failed')).failure, 'refused');
  await app.click('Back to choices');
  await app.waitForScreen('choosing');

  await review();
  await fault({ endpoint: 'save', kind: 'commit_then_drop' });
  await app.click('Confirm order');
  await app.widget('Start a new renewal');
  await screen('outcome-unknown', 'outcome_unknown', (s) => s.reconciliation.status === 'found', 'reconciled');
  await app.click('Start a new renewal');
  await app.waitForScreen('choosing');

  await review();
  await app.click('Confirm order');
  await app.widget('Renew another');
  assert.equal((await screen('receipt', 'done')).receiptStatus, 'succeed');
  const placed = await waitForOrders(sandbox.url, 2);
  const orderNo = placed[placed.length - 1].result.orderNo;

  await app.click('Orders');
  await app.widget(`order:${orderNo}`);
  await screen('orders', 'orders', (s) => s.orders.status === 'loaded', 'loaded');
  await app.click(`order:${orderNo}`);
  await screen('order-details', 'order_details', (s) => s.orders.details.status === 'loaded', 'loaded');
  await app.click('Back');
  await app.waitForScreen('orders');
  await app.click('Back');
  await app.waitForScreen('done');

  // A batch of two (the partner itself and a fixture user, as desktop_batch.test.js ticks them), the
  // first answered slowly so that its progress shows.
  await app.click('Renew another');
  await app.waitForScreen('choosing');
  for (const label of ['select:myself', 'select:8070450532247928833']) await app.click(label);
  await app.click(contact);
  await app.click('Review batch');
  await app.widget('Confirm batch');
  await screen('batch-review', 'batch_review');
  await fault({ endpoint: 'save', kind: 'delay', delay_ms: HOLD_CAP_MS, until_released: true, count: 1 }); // as above
  await app.click('Confirm batch');
  await screen('batch-progress', 'batch_running', (s) => s.batch.sent >= 1, 'under way');
  await releaseHeldReplies(sandbox.url);
  const batch = await screen('batch-done', 'batch_done');
  assert.deepEqual([batch.batch.placed, batch.batch.failed], [2, 0]);

  assert.deepEqual((await app.quit()), { code: 0, signal: null });
}

for (const theme of ['light', 'dark']) {
  test(`every desktop screen in the ${theme} theme`, async () => {
    const started = Date.now();
    await walkScreens(theme); // each screen's state and picture checked on the way
    console.log(`desktop ${theme}: 15 screens in ${Date.now() - started} ms`);
  });
}

test('Tab on the desktop sign-in screen rings the focused widget in the theme\'s NavHighlight colour', async () => {
  const colours = navHighlightColours();
  for (const theme of ['light', 'dark']) {
    const app = startThemed(theme);
    await app.widget('Sign in');
    // The app puts the keyboard in Client ID by itself: read "before" once it has, or the wait after Tab
    // would be met by that initial focus while the Tab is still on its way (a ring measured around the
    // wrong field: the flake of issue 22).
    const before = await app.waitFor((s) => s.theme === theme && s.missingGlyphs === 0 && s.focused,
      `the ${theme} sign-in with its initial focus`);
    await app.key('Tab');
    // settled(): the X screen shows a frame drawn with the new focus (its ring), and widget() its place.
    const state = await app.settled((s) => s.focused && s.focused !== before.focused,
      `the focus to move from "${before.focused}"`);
    const rect = await app.widget(state.focused);
    const clip = { x: Math.max(0, Math.floor(rect.x) - 8), y: Math.max(0, Math.floor(rect.y) - 8),
      width: Math.ceil(rect.w) + 16, height: Math.ceil(rect.h) + 16 };
    const coverage = ringCoverage(pixels(clip), clip, rect, colours[theme]);
    execFileSync('import', ['-display', display, '-window', 'root',
      '-crop', `${clip.width}x${clip.height}+${clip.x}+${clip.y}`, path.join(shots, `desktop-${theme}-focus-ring.png`)]);
    console.log(`desktop ${theme}: Tab moved the focus "${before.focused}" -> "${state.focused}"; ring ` +
      `rgb(${colours[theme]}) covers ${JSON.stringify(coverage)} of each side`);
    for (const [side, least] of [['top', 0.5], ['bottom', 0.5], ['left', 0.8], ['right', 0.8]]) {
      assert.ok(coverage[side] >= least, `${theme}: the ring's ${side} side (${JSON.stringify(coverage)}) around ` +
        `${state.focused} ${JSON.stringify(rect)}`);
    }
    await app.quit();
  }
});
