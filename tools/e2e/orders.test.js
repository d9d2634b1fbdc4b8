// The Orders screen in real Chromium against the sandbox-served page: two renewals, then the list
// newest first (the sandbox lists oldest first here), the details of one, Refresh pending, and Back.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { control, launchBrowser, openPage, reachReviewForMyself, startSandbox, waitForOrders } from './harness.js';

let sandbox;
let browser;
before(async () => {
  sandbox = await startSandbox();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  sandbox?.stop();
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

async function placeRenewal(driver) {
  await driver.click('Confirm order');
  return driver.waitForScreen('done');
}

test('orders newest first, details of one, refresh pending, back to the receipt', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/config', { orderSort: 'oldest' });
  await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'save', kind: 'order_status', orderStatus: 'pending' });
  const { context, driver } = await openPage(browser, sandbox.url);
  await reachReviewForMyself(driver);
  const first = await placeRenewal(driver);
  assert.equal(first.receiptStatus, 'pending');
  await driver.click('Renew another');
  await driver.waitForScreen('choosing');
  await driver.click('Renew for myself');
  await driver.click('contact:3197218168379846218');
  await driver.click('Review order');
  await driver.waitForScreen('reviewing');
  await placeRenewal(driver);
  const log = await waitForOrders(sandbox.url, 2);
  assert.equal(log.length, 2);
  const [older, newer] = log.map((entry) => entry.result.orderNo);

  await driver.click('Orders');
  const listed = await driver.waitFor((s) => s.screen === 'orders' && s.orders.status === 'loaded', 'the order list');
  assert.deepEqual(listed.orders.orderNos, [newer, older], 'newest first although the API lists oldest first');
  assert.equal(listed.orders.pending, 1);
  await driver.widget(`order:${newer}`);
  await driver.shot('orders-list');

  await driver.click('Refresh pending');
  const refreshed = await driver.waitFor((s) => !s.orders.refreshing && s.orders.inFlight === 0, 'the pending refresh');
  assert.equal(refreshed.orders.pending, 1, 'the sandbox keeps it pending');
  assert.equal(refreshed.orders.changed, 0);

  await driver.click(`order:${older}`);
  await driver.waitFor((s) => s.screen === 'order_details' && s.orders.details.status === 'loaded', 'the details');
  await driver.page.evaluate(() => window.renewdesk.captureText());
  const shown = await driver.waitFor((s) => typeof s.drawnText === 'string' && s.drawnText.includes(older),
    'the details\' drawn text');
  assert.ok(shown.drawnText.includes('Basic information'), shown.drawnText);
  assert.ok(shown.drawnText.includes('Order summary'));
  await driver.shot('orders-details');

  await driver.click('Back');
  await driver.waitForScreen('orders');
  await driver.click('Back');
  await driver.waitForScreen('done');
  await context.close();
});
