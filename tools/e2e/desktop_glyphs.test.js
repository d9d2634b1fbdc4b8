// Glyphs on demand in the desktop app (Xvfb): names in Chinese and Greek draw with their real glyphs
// once the slices, read from glyphs/ beside the executable, are merged; missingGlyphs reaches 0 on
// the choose, review and receipt screens. Screenshots: artifacts/e2e/desktop-glyphs-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DesktopApp, focusField, signIn, startDesktop, stopDesktop } from './desktop_harness.js';
import { control, root, waitForOrders } from './harness.js';

let sandbox; // { url }
before(async () => { ({ sandbox } = await startDesktop()); });
after(stopDesktop);

const usersJson = readFileSync(path.join(root, 'tools/sandbox/fixtures/users.json'), 'utf8');
const hangzhouId = /"partnerId": "(\d+)",[^}]*"company": "杭州云联通信有限公司"/.exec(usersJson)[1];

const allDrawn = (where) => [(s) => s.missingGlyphs === 0 && !s.busy, `every glyph drawn on ${where}`];

test('Chinese and Greek names draw with real glyphs on the desktop, and the renewal goes to the right user', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
  const app = new DesktopApp({ args: ['--base-url', sandbox.url] });
  await app.waitForScreen('signed_out');
  await signIn(app);
  await app.waitFor(...allDrawn('the first rows of the table'));

  await focusField(app, 'Search users');
  await app.type('athens-telecom'); // the Greek user's e-mail: ASCII, typed quickly
  await app.waitFor((s, hooks) => hooks.widgets?.['user row 0'] && !hooks.widgets['user row 1'], 'one user');
  await app.waitFor(...allDrawn('the Greek user'));
  await app.shot('glyphs-1-greek');

  await app.key('ctrl+a', 'BackSpace');
  await app.type('hangzhou');
  await app.waitFor((s, hooks) => hooks.widgets?.[`user:${hangzhouId}`] && !hooks.widgets['user row 1'],
    'the Hangzhou user alone');
  await app.waitFor(...allDrawn('the Chinese user'));
  await app.shot('glyphs-2-choose');

  await app.click(`user:${hangzhouId}`);
  await app.click('contact:9223372036854775807');
  await app.click('Review order');
  await app.waitForScreen('reviewing');
  await app.waitFor(...allDrawn('the review screen'));
  await app.shot('glyphs-3-review');
  await app.click('Confirm order');
  await app.waitForScreen('done');
  await app.waitFor(...allDrawn('the receipt'));
  await app.shot('glyphs-4-receipt');

  const orders = await waitForOrders(sandbox.url, 1);
  assert.equal(orders.length, 1);
  assert.match(orders[0].body, new RegExp(`"partnerId": "${hangzhouId}"`));
  assert.equal((await app.quit()).code, 0);
});
