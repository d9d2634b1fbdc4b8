// A batch of 3 in the desktop app (Xvfb, real X input from xdotool): the partner itself and two
// subordinate users ticked, reviewed, sent one at a time, the CSV written beside the receipts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { DesktopApp, focusField, signIn, startDesktop, stopDesktop } from './desktop_harness.js';
import { control } from './harness.js';

let sandbox; // { url }

before(async () => {
  ({ sandbox } = await startDesktop());
});

after(stopDesktop);

async function search(app, text) {
  await focusField(app, 'Search users');
  await app.key('ctrl+a');
  await app.type(text);
}

test('a batch of 3 on the desktop: one order each, CSV saved', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
  const app = new DesktopApp({ args: ['--base-url', sandbox.url] });
  await app.waitForScreen('signed_out');
  await signIn(app);

  await app.click('select:myself');
  await search(app, 'Kiwi Voice');
  await app.click('select:8070450532247928833');
  await search(app, 'Compiler');
  await app.click('select:reseller.two@example.invalid');
  await app.click('contact:3197218168379846218');
  await app.click('Review batch');
  await app.waitForScreen('batch_review');
  for (const id of ['myself', '8070450532247928833', 'reseller.two@example.invalid']) await app.widget(`batch:${id}`);
  await app.shot('batch-review');

  await app.click('Confirm batch');
  const done = await app.waitForScreen('batch_done');
  assert.deepEqual(done.batch, { size: 3, sent: 3, placed: 3, failed: 0, unknown: 0, running: false });
  await app.widget('Export CSV');
  await app.shot('batch-done');

  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 3);
  assert.equal(orders.filter((o) => !o.body.includes('"partnerId"')).length, 1, 'one for the partner itself');
  for (const id of ['8070450532247928833', 'reseller.two@example.invalid']) {
    assert.equal(orders.filter((o) => o.body.includes(`"partnerId": "${id}"`)).length, 1, id);
  }

  await app.click('Export CSV');
  const saved = await app.waitFor((s) => s.notice.startsWith('Saved to '), 'the CSV saved');
  const file = saved.notice.slice('Saved to '.length);
  assert.match(file, /renewdesk-batch-.*\.csv$/);
  assert.ok(existsSync(file), file);
  const lines = readFileSync(file, 'utf8').split('\r\n').filter((line) => line !== '');
  assert.equal(lines.length, 4);
  for (const order of orders) assert.ok(lines.some((line) => line.includes(`,${order.result.orderNo},`)));
  await app.quit();
});
