// Batch renewal in real Chromium against the sandbox-served page: users ticked one by one and with
// "Select shown" after filtering, the orders sent one at a time with a fault on one of them, the
// result exported as CSV (the browser's download), and the sandbox's order log checked row by row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, test } from 'node:test';
import { clickIntoField, control, launchBrowser, openPage, selectAll, signIn, startSandbox } from './harness.js';

// The sandbox's generated users: "Generated Customer 0000k Ltd" has this partnerId (fixtures.cpp),
// above 2^53, so computed as a BigInt and compared as text.
const generated = (k) => (7205759403792793600n + 1000003n * BigInt(k)).toString();

let sandbox;
let browser;
before(async () => {
  sandbox = await startSandbox(['--users', '12']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  sandbox?.stop();
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

async function search(driver, text) {
  await clickIntoField(driver, 'Search users');
  await selectAll(driver);
  await driver.page.keyboard.type(text);
  await driver.waitFor((s) => s.searchBytes === Buffer.byteLength(text), `the search box to hold "${text}" alone`);
}

test('a batch of 8: 5 ticked, 3 by Select shown after filtering, one refused, CSV exported, its orders first in Orders', async () => {
  const { context, driver, page } = await openPage(browser, sandbox.url, { acceptDownloads: true });
  await signIn(driver);

  await search(driver, 'Generated Customer 0000'); // 00001 .. 00009
  for (const k of [1, 2, 3, 4, 5]) await driver.click(`select:${generated(k)}`);
  await search(driver, 'Generated Customer 0001'); // 00010, 00011, 00012
  await driver.widget(`user:${generated(12)}`);
  await driver.click('Select shown');
  await driver.click('contact:3197218168379846218');
  await driver.click('Review batch');
  await driver.waitForScreen('batch_review');
  const sent = [1, 2, 3, 4, 5, 10, 11, 12].map(generated); // the user list's order
  for (const id of sent) await driver.widget(`batch:${id}`);
  await driver.shot('batch-review');

  // Orders 1-3 answered slowly (to see the batch running), the 4th refused, the rest normal.
  await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'save', kind: 'delay', delay_ms: 600, count: 3 });
  await control(sandbox.url, 'POST', '/__sandbox/faults',
    { endpoint: 'save', kind: 'api_error', status: 400, code: 'insufficient_balance', detailMessage: 'Not enough credit' });
  await driver.click('Confirm batch');
  await driver.waitFor((s) => s.screen === 'batch_running' && s.batch.sent >= 2, 'the batch under way');
  await driver.shot('batch-running');
  const done = await driver.waitForScreen('batch_done');
  assert.deepEqual(done.batch, { size: 8, sent: 8, placed: 7, failed: 1, unknown: 0, running: false });
  await driver.shot('batch-done');
  // The screen reader's mirror: the batch's rows are a table read row by row (its header is text, not a
  // button), the refused row with its reason.
  const refusedRow = page.getByRole('row').filter({ hasText: generated(4) });
  await refusedRow.waitFor({ state: 'attached' });
  assert.match(await refusedRow.textContent(), /Not enough credit|insufficient_balance/);
  assert.equal(await refusedRow.getByRole('rowheader').count(), 1);
  assert.equal(await refusedRow.getByRole('button').count(), 0, 'a batch row is read, not chosen');

  // The sandbox's order log: one order per placed row, none for the refused one.
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 7);
  const placed = sent.filter((id) => id !== generated(4));
  for (const id of placed) {
    assert.equal(orders.filter((o) => o.body.includes(`"partnerId": "${id}"`)).length, 1, `one order for ${id}`);
  }
  assert.equal(orders.filter((o) => o.body.includes(generated(4))).length, 0);

  // Export CSV: a download with a header and one line per target, the log's order numbers in it.
  const [download] = await Promise.all([page.waitForEvent('download'), driver.click('Export CSV')]);
  assert.match(download.suggestedFilename(), /^renewdesk-batch-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.split('\r\n').filter((line) => line !== '');
  console.log(`exported ${download.suggestedFilename()}:\n${csv}`);
  assert.equal(lines[0], 'partnerId,company,orderNo,status,requestId');
  assert.equal(lines.length, 9);
  sent.forEach((id, i) => assert.ok(lines[i + 1].startsWith(`${id},`), `line ${i + 1} is ${id}: ${lines[i + 1]}`));
  for (const order of orders) {
    const { orderNo } = order.result;
    assert.equal(lines.filter((line) => line.includes(`,${orderNo},`)).length, 1, `${orderNo} in the CSV`);
  }
  assert.match(lines[4], /failed/);
  assert.equal((await driver.state()).notice, `Downloaded ${download.suggestedFilename()}`);

  // The Orders screen lists the batch's orders first (newest first), and opens the details of one.
  await driver.click('Orders');
  const listed = await driver.waitFor((s) => s.screen === 'orders' && s.orders.status === 'loaded', 'the order list');
  const batchNos = orders.map((order) => order.result.orderNo);
  assert.deepEqual([...listed.orders.orderNos.slice(0, batchNos.length)].sort(), [...batchNos].sort(),
    'the batch\'s orders come first');
  const newest = batchNos[batchNos.length - 1];
  await driver.click(`order:${newest}`);
  await driver.waitFor((s) => s.screen === 'order_details' && s.orders.details.status === 'loaded', 'the details');
  await driver.page.evaluate(() => window.renewdesk.captureText());
  await driver.waitFor((s) => typeof s.drawnText === 'string' && s.drawnText.includes(newest), 'the details\' text');
  await driver.shot('batch-orders-details');
  await context.close();
});
