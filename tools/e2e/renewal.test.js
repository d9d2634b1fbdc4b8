// The renewal in real Chromium against the sandbox-served page.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import {
  clickIntoField, control, launchBrowser, openPage, pageAsleep, reachReviewForMyself, signIn, startSandbox, tutorialBodyForMyself, withoutGeneratedReference,
  waitForSignInFields, withoutTopLevelMember,
} from './harness.js';

let sandbox;
let browser;
before(async () => {
  // The sandbox serves the page and the API on one origin, standing in for the web server + proxy
  // pair; it closes each connection after one request, standing for the shipped proxy's
  // `keepalive_timeout 0` (see startSandbox in harness.js and web/deploy/nginx.conf).
  sandbox = await startSandbox(['--users', '2000']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  sandbox?.stop();
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

// A person who pastes the moment the sign-in fields first show, without waiting for the caret: each
// paste reaches its field (issue 22: a paste right after the page appeared was once lost).
test('credentials pasted the moment the sign-in fields first show reach both fields', async () => {
  const { context, driver, page } = await openPage(browser, sandbox.url);
  for (const [label, text] of [['Client ID', 'demo-client-id'], ['Client Secret', 'demo-client-secret']]) {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    const r = await driver.widget(label); // the first frames that show it in place
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await page.keyboard.press('Control+V'); // the keys right behind the click, no wait for the caret
  }
  await waitForSignInFields(driver);
  await driver.click('Sign in');
  const signedIn = await driver.waitFor((s) => s.screen !== 'signing_in' && s.screen !== 'signed_out' || !!s.error,
    'the sign-in to finish');
  assert.equal(signedIn.screen, 'choosing', `signed in with exactly the pasted text (${signedIn.error})`);
  await context.close();
});

test('renewal for a subordinate user found by search, credentials pasted', async () => {
  const { context, driver, requests } = await openPage(browser, sandbox.url);
  await driver.shot('1-sign-in');
  await signIn(driver);
  await driver.shot('2-choose');
  await clickIntoField(driver, 'Search users');
  await driver.page.keyboard.type('Kiwi Voice');
  // The page takes typed keys a few per frame: "user row 0" is Kiwi Voice only once it has them all.
  await driver.waitFor((s) => s.searchBytes === 'Kiwi Voice'.length, 'the whole search taken');
  await driver.widget('user:8070450532247928833');
  await driver.click('user row 0');
  await driver.click('contact:9223372036854775807');
  await driver.click('Review order');
  await driver.waitForScreen('reviewing');
  await driver.shot('3-review');
  await driver.click('Confirm order');
  const done = await driver.waitForScreen('done');
  await driver.shot('4-receipt');
  assert.equal(done.receiptStatus, 'succeed');

  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  const body = orders[0].body;
  assert.match(body, /"partnerId": "8070450532247928833"/);
  assert.match(body, /"billingId": 9223372036854775807,/);
  assert.match(body, /"serviceId": 3049036224189325312,/);
  assert.ok(requests.every((url) => url.startsWith(sandbox.url)), 'only same-origin requests');
  await context.close();
});

test('renewal for myself sends the tutorial body', async () => {
  const { context, driver } = await openPage(browser, sandbox.url);
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  await driver.waitForScreen('done');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.equal(withoutGeneratedReference(orders[0].body), tutorialBodyForMyself);
  await context.close();
});

test('renewal for myself with a PO number sends the tutorial body plus poNumber', async () => {
  const { context, driver } = await openPage(browser, sandbox.url);
  await reachReviewForMyself(driver);
  await driver.click('PO number');
  await driver.page.keyboard.type('PO-4711');
  await driver.shot('3b-review-po-number');
  await driver.click('Confirm order');
  await driver.waitForScreen('done');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  const body = orders[0].body;
  console.log(`order body with a PO number:\n${body}`);
  assert.equal(body.split('"poNumber": "PO-4711"').length, 2, `one poNumber member in ${body}`);
  assert.equal(withoutTopLevelMember(body, '"poNumber": "PO-4711"'), tutorialBodyForMyself);
  await context.close();
});

test('double click and Enter on Confirm still send one order', async () => {
  const { context, driver } = await openPage(browser, sandbox.url);
  await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'save', kind: 'delay', delay_ms: 1500 });
  await reachReviewForMyself(driver);
  const r = await driver.widget('Confirm order');
  await driver.page.mouse.dblclick(r.x + r.w / 2, r.y + r.h / 2);
  await driver.page.keyboard.press('Enter');
  await driver.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await driver.waitForScreen('done');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.equal((await driver.state()).ordersSent, 1);
  await context.close();
});

test('an API error on save is shown with its requestId', async () => {
  const { context, driver } = await openPage(browser, sandbox.url);
  await control(sandbox.url, 'POST', '/__sandbox/faults',
    { endpoint: 'save', kind: 'api_error', status: 400, code: 'insufficient_balance', detailMessage: 'Not enough credit' });
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  const failed = await driver.waitForScreen('failed');
  await driver.shot('5-failed');
  assert.match(failed.errorRequestId, /^[0-9a-f]{32}$/);
  assert.match(failed.error, /insufficient_balance/);
  assert.ok(failed.error.includes(failed.errorRequestId));
  assert.equal(failed.failure, 'refused', 'the API answered: refused, not "not sent"');
  assert.equal((await control(sandbox.url, 'GET', '/__sandbox/orders')).length, 0);
  await context.close();
});

test('a dropped reply after commit is outcome unknown, reconciled by itself, and never resent', async () => {
  const { context, driver, requests } = await openPage(browser, sandbox.url);
  await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'save', kind: 'commit_then_drop' });
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  const outcome = await driver.waitFor((s) => ['outcome_unknown', 'failed', 'done'].includes(s.screen), 'the outcome');
  assert.equal(outcome.screen, 'outcome_unknown');
  await driver.shot('6-outcome-unknown');
  await driver.page.keyboard.press('Enter'); // no key or click on this screen sends the order again
  const reconciled = await driver.waitFor((s) => ['found', 'none', 'error'].includes(s.reconciliation.status),
    'the automatic reconciliation');
  await driver.shot('7-order-check');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.equal(reconciled.screen, 'outcome_unknown');
  assert.equal(reconciled.reconciliation.status, 'found');
  assert.equal(reconciled.reconciliation.orderNo, orders[0].result.orderNo);

  // Check again reruns the reconciliation: more order-list requests, the same order found, nothing sent.
  const listRequests = () => requests.filter((url) => url.includes('/order/openapi/order/v1/page')).length;
  const listedBefore = listRequests();
  assert.ok(listedBefore >= 1, 'the reconciliation read the order list');
  await driver.click('Check again');
  // "waiting" (a "none" reading, to be read again later) ends the wait too: it is never right here.
  const again = await driver.waitFor((s) => listRequests() > listedBefore &&
    ['found', 'none', 'error', 'waiting'].includes(s.reconciliation.status), 'the second reconciliation');
  assert.equal(again.reconciliation.status, 'found');
  assert.equal(again.reconciliation.orderNo, orders[0].result.orderNo);
  assert.equal(again.ordersSent, 1);
  assert.equal((await control(sandbox.url, 'GET', '/__sandbox/orders')).length, 1);
  await context.close();
});

test('an idle page draws no frames', async () => {
  const { context, driver } = await openPage(browser, sandbox.url);
  await pageAsleep(driver);
  const before = (await driver.state()).frames;
  await driver.page.waitForTimeout(2000);
  const after = (await driver.state()).frames;
  console.log(`frames while idle for 2 s: ${after - before}`);
  assert.equal(after, before);
  await context.close();
});

// The idle page pauses its frame loop; input and a devicePixelRatio change each wake it, and the
// test hooks keep answering while it sleeps. (Chromium's emulation raises no media-query change for
// a pixel ratio alone, so the window's width changes with it here: a resize wakes the page too.)
test('a sleeping page wakes for input and for a pixel-ratio change', async () => {
  const { context, page, driver } = await openPage(browser, sandbox.url);
  const asleep = await pageAsleep(driver);
  assert.ok(asleep.frameMs > 0, `frameMs ${asleep.frameMs}: the last drawn frame's CPU time`);

  await page.mouse.move(300, 300);
  await driver.waitFor((s) => s.frames > asleep.frames, 'frames after a mouse move');

  const before = await pageAsleep(driver);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1100, height: 900, deviceScaleFactor: 2, mobile: false });
  await driver.waitFor((s) => s.frames > before.frames, 'frames after the pixel ratio changed');
  await pageAsleep(driver); // the settle frames drawn
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, cssWidth: c.getBoundingClientRect().width };
  });
  assert.equal(canvas.width, Math.round(canvas.cssWidth * 2));
  await context.close();
});

// Presses `key` and waits until the page has drawn the frames that handle it, so the next read
// of the keyboard focus is not one key behind.
async function pressAndSettle(driver, key) {
  const before = (await driver.state()).frames;
  await driver.page.keyboard.press(key);
  await driver.waitFor((s) => s.frames >= before + 2 && !s.busy, `frames after ${key}`);
}

// Presses `key` until the widget `label` has keyboard focus.
async function focusByKey(driver, key, label, limit = 40) {
  for (let i = 0; i < limit; ++i) {
    if ((await driver.state()).focused === label) return;
    await pressAndSettle(driver, key);
  }
  assert.equal((await driver.state()).focused, label, `keyboard focus on ${label}`);
}

test('renewal by keyboard alone', async () => {
  const { context, driver } = await openPage(browser, sandbox.url);
  await driver.waitFor((s) => s.focused === 'Client ID', 'focus in the Client ID field');
  await driver.page.keyboard.type('demo-client-id');
  await driver.page.keyboard.press('Tab');
  await driver.page.keyboard.type('demo-client-secret');
  await driver.page.keyboard.press('Enter');
  // All three lists: the keys below walk down to a billing contact's row, which is not there while
  // the contacts still load (a busy machine: the walk then ended on the field below the rows).
  await driver.waitFor((s) => s.screen === 'choosing' && s.focused === 'Search users' &&
    [s.users, s.plans, s.contacts].every((list) => list.status === 'loaded'),
  'the lists, with the keyboard in the search box');
  await driver.page.keyboard.type('Kiwi Voice');
  await pressAndSettle(driver, 'ArrowDown'); // myself
  await pressAndSettle(driver, 'ArrowDown'); // the first match
  await pressAndSettle(driver, 'Escape');
  await focusByKey(driver, 'ArrowDown', 'contact:3197218168379846218');
  await pressAndSettle(driver, 'Space');
  await focusByKey(driver, 'ArrowDown', 'Review order');
  await driver.page.keyboard.press('Enter');
  await driver.waitFor((s) => s.screen === 'reviewing' && s.focused === 'Back', 'the review, keyboard on Back');
  await focusByKey(driver, 'ArrowRight', 'Confirm order');
  await driver.page.keyboard.press('Enter');
  await driver.waitForScreen('done');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.match(orders[0].body, /"partnerId": "8070450532247928833"/);
  assert.match(orders[0].body, /"billingId": 3197218168379846218,/);
  await context.close();
});
