// Two tabs of the page in one browser (one context: one origin, one localStorage) against the sandbox:
// the journal of an order or a batch has one owner tab at a time (Web Locks, web/shell.js). The other
// tab waits and says so, never sends, settles or clears what the owner holds, follows the owner's
// changes (the `storage` event), and adopts what the owner left unknown once it is closed.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import {
  HOLD_CAP_MS, PageDriver, clickIntoField, control, launchBrowser, openPage, pasteInto, reachReviewForMyself, signIn, startSandbox,
  releaseHeldReplies, waitForOrders, waitForSignInFields,
} from './harness.js';

// The sandbox's generated users (fixtures.cpp): "Generated Customer 0000k Ltd".
const generated = (k) => (7205759403792793600n + 1000003n * BigInt(k)).toString();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

// A second tab in the first tab's context: the same origin and localStorage.
async function openSecondTab(context) {
  const page = await context.newPage();
  await page.goto(sandbox.url + '/');
  const driver = new PageDriver(page);
  await driver.waitFor((s) => s.screen === 'signed_out', 'the second tab to start');
  return driver;
}

// Every screen a tab shows and the most it ever sent, sampled until stop(). A test that fails before
// stopping its watcher has it stopped after it (afterEach), or the file would never end.
const watchers = new Set();
function watch(driver) {
  const seen = { screens: new Set(), ordersSent: 0, batchSent: 0, reconciliation: new Set() };
  let watching = true;
  const done = (async () => {
    while (watching) {
      const s = await driver.state().catch(() => null);
      if (s) {
        seen.screens.add(s.screen);
        seen.ordersSent = Math.max(seen.ordersSent, s.ordersSent);
        seen.batchSent = Math.max(seen.batchSent, s.batch.sent);
        seen.reconciliation.add(s.reconciliation.status);
      }
      await sleep(40);
    }
  })();
  const stop = async () => {
    watching = false;
    watchers.delete(stop);
    await done;
    return seen;
  };
  watchers.add(stop);
  return stop;
}
afterEach(async () => { await Promise.all([...watchers].map((stop) => stop())); });

// Waits until the tab draws `words`: each look asks for the text of a frame drawn after it. More than
// one look, since a tab can learn who holds a journal a few frames after it learned that someone does
// (the browser answers a lock query asynchronously: until then there is nothing to tell the person).
async function drawnText(driver, words, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const asked = await driver.page.evaluate(() => { window.renewdesk.captureText(); return window.renewdesk.state().frames; });
    const s = await driver.waitFor((t) => t.frames > asked && typeof t.drawnText === 'string', 'a frame\'s text');
    if (s.drawnText.includes(words)) return s;
    last = s.drawnText;
    await sleep(100);
  }
  throw new Error(`"${words}" not drawn in ${timeoutMs} ms; last text: ${last}`);
}

// Signs in without waiting for the lists: the tab may wait for the other tab's order first. The Client
// ID field already holds the ID the first tab remembered (localStorage): only the secret is entered.
async function pressSignIn(driver) {
  await pasteInto(driver, 'Client Secret', 'demo-client-secret');
  await waitForSignInFields(driver);
  await driver.click('Sign in');
}

const journalText = (driver, key) => driver.page.evaluate((k) => localStorage.getItem(k), key);

test('a batch of three running in tab 1: tab 2 never sends a row, says another tab has it, then nothing is pending', async () => {
  const { context, driver: tab1 } = await openPage(browser, sandbox.url);
  await signIn(tab1);
  await clickIntoField(tab1, 'Search users');
  await tab1.page.keyboard.type('Generated Customer 0000');
  // The page takes typed keys a few per frame: click once it has the whole search, not while the list
  // still narrows under the mouse (the rows and everything below them move up as it does: a click on a
  // contact then missed it, 1 run in 3).
  await tab1.waitFor((s) => s.searchBytes === 'Generated Customer 0000'.length, 'the whole search taken');
  const rows = [1, 2, 3].map(generated);
  for (const id of rows) await tab1.click(`select:${id}`);
  await tab1.click('contact:3197218168379846218');
  await tab1.waitFor((s) => s.ticked === 3 && s.chosen.contact && s.chosen.plan, 'three ticked, plan and contact');
  await tab1.click('Review batch');
  await tab1.waitForScreen('batch_review');
  // The API holds row 1's reply until tab 2 has been seen following it (released below; at most 45 s,
  // under the order timeout): a slow API, for as long as the test watches, not a guessed number of seconds.
  await control(sandbox.url, 'POST', '/__sandbox/faults',
    { endpoint: 'save', kind: 'delay', delay_ms: HOLD_CAP_MS, until_released: true });
  await tab1.click('Confirm batch');
  await tab1.waitFor((s) => s.screen === 'batch_running' && s.batch.sent === 1, 'row 1 on its way');

  const tab2 = await openSecondTab(context);
  const seen = watch(tab2);
  await pressSignIn(tab2);
  await tab2.waitFor((s) => s.screen === 'choosing' && s.users.status === 'loaded' &&
    s.plans.status === 'loaded' && s.contacts.status === 'loaded', 'tab 2\'s lookups');
  const waiting = await tab2.waitFor((s) => s.heldElsewhere.batch, 'tab 2 to see the batch is another tab\'s');
  assert.equal(waiting.screen, 'choosing');
  assert.equal(waiting.batch.size, 0, 'tab 2 took nothing over');
  await drawnText(tab2, 'A batch is being sent in another tab of RenewDesk');
  // It follows the batch's record: row 1 is on its way.
  const following = await tab2.waitFor((s) => s.batchElsewhere.sent >= 1, 'tab 2 to follow tab 1\'s rows');
  assert.equal(following.batchElsewhere.placed, -1);
  await drawnText(tab2, 'Its batch so far: 1 of 3 rows sent');
  await tab2.shot('two-tabs-batch-waiting');
  assert.equal((await tab1.state()).batch.sent, 1, 'row 1 is still held by the API');
  await releaseHeldReplies(sandbox.url);

  const done = await tab1.waitFor((s) => s.screen === 'batch_done', 'tab 1\'s batch to finish', 30000);
  assert.deepEqual(done.batch, { size: 3, sent: 3, placed: 3, failed: 0, unknown: 0, running: false });
  // The owner cleared the journal: tab 2 follows (the storage event wakes it) and shows nothing pending.
  const after = await tab2.waitFor((s) => !s.heldElsewhere.batch, 'tab 2 to see the batch finished');
  assert.equal(after.screen, 'choosing');
  // And says how it ended, from tab 1's last record.
  assert.equal((await tab2.waitFor((s) => s.batchElsewhere.placed >= 0, 'tab 2 to tell the outcome')).batchElsewhere.placed, 3);
  await drawnText(tab2, 'has finished: 3 of 3 rows placed');
  assert.equal(await journalText(tab2, 'renewdesk.inflightBatch'), null);
  await sleep(3000); // nothing was sent by tab 2: the order log stays as tab 1 left it
  const tab2Saw = await seen();
  assert.deepEqual([...tab2Saw.screens].filter((screen) => screen.startsWith('batch')), [], 'tab 2 showed no batch');
  assert.equal(tab2Saw.batchSent, 0);
  assert.equal(tab2Saw.ordersSent, 0);
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 3);
  for (const id of rows)
    assert.equal(orders.filter((o) => o.body.includes(`"partnerId": "${id}"`)).length, 1, `one order for ${id}`);
  const still = await tab2.state();
  assert.equal(still.screen, 'choosing');
  assert.equal(still.heldElsewhere.batch, false);
  await context.close();
});

test('an order in flight in tab 1: tab 2 waits at sign-in, never settles or clears it; tab 1 gets its receipt', async () => {
  const { context, driver: tab1 } = await openPage(browser, sandbox.url);
  await reachReviewForMyself(tab1);
  // The API holds the order's reply until tab 2 has been seen waiting (released below). A fixed 8 s hold
  // was not enough on a loaded machine (tab 1 had its receipt before tab 2 drew its waiting line).
  await control(sandbox.url, 'POST', '/__sandbox/faults',
    { endpoint: 'save', kind: 'delay', delay_ms: HOLD_CAP_MS, until_released: true });
  await tab1.click('Confirm order');
  await tab1.waitForScreen('submitting');
  const journal = await journalText(tab1, 'renewdesk.inflightOrder');
  assert.ok(journal, 'the order is journaled');

  const tab2 = await openSecondTab(context);
  const seen = watch(tab2);
  const shown = await tab2.waitFor((s) => s.journal.pending && s.heldElsewhere.order, 'tab 2 to see tab 1\'s order');
  assert.equal(shown.screen, 'signed_out');
  await drawnText(tab2, 'An order is being sent in another tab of RenewDesk');
  await pressSignIn(tab2);
  // Signed in, it waits for the other tab before reading this account's journal.
  const waiting = await tab2.waitFor((s) => s.screen === 'signing_in' && s.heldElsewhere.order && s.watchedSentAtMs > 0,
    'tab 2 waiting for tab 1, following its order');
  assert.equal(waiting.watchedSentAtMs, JSON.parse(journal).sentAtMs);
  await drawnText(tab2, 'Its order: for yourself');
  await tab2.shot('two-tabs-order-waiting');
  await sleep(1500); // several of its looks: still waiting, the journal untouched
  const stillWaiting = await tab2.state();
  assert.equal(stillWaiting.screen, 'signing_in');
  assert.equal(await journalText(tab2, 'renewdesk.inflightOrder'), journal);
  await releaseHeldReplies(sandbox.url);

  const receipt = await tab1.waitFor((s) => s.screen === 'done', 'tab 1\'s receipt', 30000);
  assert.equal(receipt.receiptStatus, 'succeed');
  const after = await tab2.waitFor((s) => s.screen === 'choosing' && !s.journal.pending && !s.heldElsewhere.order,
    'tab 2 to go on with nothing pending');
  assert.equal(after.ordersSent, 0);
  // Tab 2 followed tab 1's attempt and says its outcome: the order tab 1 placed, from the shared record.
  const [placed] = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(after.finishedElsewhere.orderNo, placed.result.orderNo);
  await drawnText(tab2, `was placed: order ${placed.result.orderNo}`);
  await sleep(3000); // nothing was sent by tab 2
  const tab2Saw = await seen();
  assert.ok(!tab2Saw.screens.has('outcome_unknown'), 'tab 2 never took the order as its own');
  assert.deepEqual([...tab2Saw.reconciliation], ['idle'], 'tab 2 never read the order list for it');
  assert.equal(tab2Saw.ordersSent, 0);
  assert.equal((await control(sandbox.url, 'GET', '/__sandbox/orders')).length, 1);
  assert.equal(await journalText(tab2, 'renewdesk.inflightOrder'), null);
  assert.equal((await tab1.state()).screen, 'done');
  await context.close();
});

test('tab 1 closed while its order\'s outcome is unknown: tab 2 adopts it and finds the order', async () => {
  const { context, driver: tab1 } = await openPage(browser, sandbox.url);
  await reachReviewForMyself(tab1);
  // Committed, then the connection drops; tab 1's order-list check is held long enough to close it first.
  await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'save', kind: 'commit_then_drop' });
  await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'page', kind: 'delay', delay_ms: 30000 });
  await tab1.click('Confirm order');
  await tab1.waitFor((s) => s.screen === 'outcome_unknown' && s.reconciliation.status === 'checking',
    'tab 1 checking the order list');
  const orders = await waitForOrders(sandbox.url, 1);
  assert.equal(orders.length, 1);

  const tab2 = await openSecondTab(context);
  await tab2.waitFor((s) => s.journal.pending && s.heldElsewhere.order, 'tab 2 to see tab 1\'s order');
  await pressSignIn(tab2);
  await tab2.waitFor((s) => s.screen === 'signing_in' && s.heldElsewhere.order, 'tab 2 waiting for tab 1');
  await tab1.page.close(); // no receipt, no settled check: the browser gives its lock back

  const found = await tab2.waitFor((s) => s.screen === 'outcome_unknown' && s.reconciliation.status === 'found',
    'tab 2 to adopt and find the order', 25000);
  assert.equal(found.reconciliation.orderNo, orders[0].result.orderNo);
  assert.equal(found.heldElsewhere.order, false);
  await tab2.waitFor((s) => !s.journal.pending, 'the journal to be cleared');
  assert.equal(await journalText(tab2, 'renewdesk.inflightOrder'), null);
  await tab2.shot('two-tabs-adopted');
  await sleep(2000); // nothing was sent again
  assert.equal((await control(sandbox.url, 'GET', '/__sandbox/orders')).length, 1);
  assert.equal((await tab2.state()).ordersSent, 0);
  await context.close();
});
