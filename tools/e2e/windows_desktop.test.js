// renewdesk.exe (the windows preset: MinGW-w64, GLFW's Windows code, WinHTTP, the Windows file locks)
// under Wine on Xvfb, driven by real X input (xdotool) as desktop.test.js drives the Linux app, against
// the real sandbox (a native Linux program on loopback). Wine stands in for a partner's Windows laptop:
// a Windows profile of this file's own (WINEPREFIX in a temp folder: %APPDATA%\RenewDesk starts empty),
// Wine's OpenGL over the X server's (Mesa llvmpipe). What Wine cannot prove: the README's Windows part.
//   cd tools/e2e && NODE_PATH=/usr/share/nodejs node --test windows_desktop.test.js
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DesktopApp, focusField, signIn, startDesktop, stopDesktop, tempDir, windowsAppBinary } from './desktop_harness.js';
import { control, HOLD_CAP_MS, releaseHeldReplies, root, tutorialBodyForMyself, waitForOrders, withoutGeneratedReference } from './harness.js';
import { shots } from './screens_support.js';

const contact = 'contact:3197218168379846218'; // the tutorial's billing contact
let display;
let sandbox;
const profile = tempDir('wine'); // removed by stopDesktop()
// The profile's %APPDATA%\RenewDesk (Wine names the user's folder after the Unix user).
const appData = path.join(profile, 'drive_c', 'users', os.userInfo().username, 'AppData', 'Roaming', 'RenewDesk');

before(async () => {
  assert.ok(existsSync(windowsAppBinary), `${windowsAppBinary} is missing: cmake --preset windows && cmake --build --preset windows`);
  ({ display, sandbox } = await startDesktop());
  // The Windows profile made before the first app starts (8-12 s), so the app's first frame is its own.
  const made = spawnSync(path.join(root, 'tools/wine-run'), ['cmd', '/c', 'exit'], { env: { ...process.env, WINEPREFIX: profile } });
  assert.equal(made.status, 0, `the Wine profile: ${made.stderr}`);
});
after(stopDesktop);

// The app with the theme as a person's earlier choice ("theme" in %APPDATA%\RenewDesk\settings.json).
function startThemed(theme) {
  mkdirSync(appData, { recursive: true });
  const settings = path.join(appData, 'settings.json');
  const earlier = existsSync(settings) ? JSON.parse(readFileSync(settings, 'utf8')) : {};
  writeFileSync(settings, JSON.stringify({ ...earlier, theme }));
  return new DesktopApp({ windows: { prefix: profile }, args: ['--base-url', sandbox.url] });
}

// The X screen inside the app's window, as RGB bytes and its picture's hash.
function windowPixels(hooks, name) {
  const win = hooks.window;
  const file = path.join(shots, `windows-${name}.png`);
  execFileSync('import', ['-display', display, '-window', 'root', '-crop', `${win.w}x${win.h}+${win.x}+${win.y}`, file]);
  const rgb = execFileSync('convert', [file, '-depth', '8', 'rgb:-'], { maxBuffer: 64 << 20 });
  return { rgb, hash: createHash('sha256').update(rgb).digest('hex') };
}

// The most common colour of the window's pixels (its background) and its luminance, 0..255.
function background(rgb) {
  const counts = new Map();
  for (let i = 0; i + 2 < rgb.length; i += 3 * 7) { // every 7th pixel is plenty
    const key = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const [colour] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const [r, g, b] = [colour >> 16, (colour >> 8) & 255, colour & 255];
  return { colour: `#${colour.toString(16).padStart(6, '0')}`, luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b, colours: counts.size };
}

async function reachReview(app) {
  await app.waitForScreen('signed_out');
  await app.widget('Sign in');
  await signIn(app);
  await app.click('Renew for myself');
  await app.click(contact);
  await app.click('Review order');
  await app.widget('Confirm order');
  return app.settled((s) => s.screen === 'reviewing' && s.missingGlyphs === 0, 'the review drawn');
}

test('a renewal in renewdesk.exe: the review in the light and the dark theme, then one order and its receipt', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
  const reviews = {};
  for (const theme of ['dark', 'light']) {
    const app = startThemed(theme);
    const review = await reachReview(app);
    assert.equal(review.theme, theme);
    const hooks = app.hooks();
    const picture = windowPixels(hooks, `review-${theme}`);
    reviews[theme] = { ...picture, ...background(picture.rgb) };
    // A drawn screen, not an empty window: text and widgets in several colours.
    assert.ok(reviews[theme].colours > 20, `${theme}: ${reviews[theme].colours} colours in the review's picture`);
    if (theme === 'light') {
      await app.click('Confirm order');
      const done = await app.waitForScreen('done');
      assert.equal(done.receiptStatus, 'succeed');
      assert.equal(done.ordersSent, 1);
      await app.click('Download receipt');
      const saved = await app.waitFor((s) => s.notice.startsWith('Saved to '), 'the receipt to be saved');
      const receipts = path.join(appData, 'receipts');
      const files = execFileSync('ls', [receipts], { encoding: 'utf8' }).trim().split('\n');
      assert.equal(files.length, 1, `one receipt in %APPDATA%\\RenewDesk\\receipts (${saved.notice})`);
      JSON.parse(readFileSync(path.join(receipts, files[0]), 'utf8'));
    }
    await app.quit();
  }
  assert.ok(reviews.dark.luminance < 80, `the dark review's background ${reviews.dark.colour} is dark`);
  assert.ok(reviews.light.luminance > 170, `the light review's background ${reviews.light.colour} is light`);
  assert.notEqual(reviews.dark.hash, reviews.light.hash);
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1, 'exactly one order: the dark review was left unconfirmed');
  assert.equal(withoutGeneratedReference(orders[0].body), tutorialBodyForMyself);
});

test('renewdesk.exe killed while its order is in flight: after a restart the journal is there, and the order is found', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
  const app = startThemed('light');
  await reachReview(app);
  // The API commits the order at once and holds its reply until the program is dead (a fixed delay
  // could run out first on a loaded machine), so it dies with the order in flight.
  await control(sandbox.url, 'POST', '/__sandbox/faults',
    { endpoint: 'save', kind: 'delay', delay_ms: HOLD_CAP_MS, commit: true, until_released: true });
  await app.click('Confirm order');
  assert.equal((await waitForOrders(sandbox.url, 1)).length, 1, 'the order reached the API');
  await app.waitFor((s) => s.screen === 'submitting' && s.journal.pending, 'the journal of the order in flight');
  app.child.kill('SIGKILL'); // the Windows process itself (tools/wine-run execs Wine, which runs it)
  await app.child.exited;
  await releaseHeldReplies(sandbox.url); // to a closed connection

  const again = new DesktopApp({ windows: { prefix: profile }, args: ['--base-url', sandbox.url] });
  const signedOut = await again.waitForScreen('signed_out');
  assert.equal(signedOut.journal.pending, true, 'the sign-in screen knows of the order in flight');
  await again.widget('Sign in');
  await focusField(again, 'Client Secret'); // the Client ID is remembered from the first run
  await again.type('demo-client-secret');
  await again.click('Sign in');
  const found = await again.waitFor((s) => s.screen === 'outcome_unknown' && s.reconciliation.status === 'found',
    'the order found in the order list', 30000);
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1, 'never sent again');
  assert.equal(found.reconciliation.orderNo, orders[0].result.orderNo);
  assert.equal(found.ordersSent, 0, 'the restarted program sent nothing');
  await again.quit();
});
