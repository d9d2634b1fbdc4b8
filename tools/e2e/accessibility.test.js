// The page for screen-reader and keyboard users: the hidden accessible mirror (web/mirror.js) read
// through Playwright's ARIA snapshot, as assistive technology reads the accessibility tree. Every
// screen exposes its heading, its fields by name and its buttons; a whole renewal is done by focusing
// the mirror's elements and pressing real keys (Tab, typing, Space, Enter), as a screen-reader user
// does (the reader moves the focus, the keys do the rest), with no click on the canvas; ImGui's focus
// follows the mirror's (its ring is drawn there) and the mirror's follows ImGui's onto a new screen;
// the outcome is announced in a live region; one Enter on Confirm, even pressed twice, sends one order.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { control, launchBrowser, openPage, reachReviewForMyself, startSandbox, tutorialBodyForMyself, withoutGeneratedReference,
  waitForOrders } from './harness.js';

let browser;
let sandbox;

before(async () => {
  sandbox = await startSandbox();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  sandbox?.stop();
});

beforeEach(async () => {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
});

const mirror = (page) => page.locator('#mirror');

// A description the mirror could not apply leaves it stale: every test fails on one.
function watchMirrorErrors(page) {
  const problems = [];
  page.on('console', (message) => { if (message.text().startsWith('mirror:')) problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
const snapshot = (page) => mirror(page).ariaSnapshot();
const tutorialContact = 'Bill Payer (Example Partner GmbH)';

async function waitForSnapshot(page, needle, what) {
  const deadline = Date.now() + 10000;
  let last = '';
  while (Date.now() < deadline) {
    last = await snapshot(page);
    if (last.includes(needle)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; the mirror reads:\n${last}`);
}

// Signs in through the mirror: the reader focuses Client ID, the person types, Tab, types, Enter.
async function signInThroughMirror(page, driver) {
  await page.getByRole('textbox', { name: 'Client ID' }).focus();
  await page.keyboard.type('demo-client-id');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'Client Secret');
  await page.keyboard.type('demo-client-secret');
  await driver.waitFor((s) => s.signInReady, 'both fields to hold text');
  await page.keyboard.press('Enter');
  return driver.waitFor((s) => s.screen === 'choosing' && s.users.status === 'loaded' &&
    s.plans.status === 'loaded' && s.contacts.status === 'loaded', 'the three lookups');
}

test('every screen of a renewal exposes its heading, named fields and buttons', async () => {
  const { page, driver, context } = await openPage(browser, sandbox.url);
  const problems = watchMirrorErrors(page);
  try {
    const signInTree = await waitForSnapshot(page, 'heading "Sign in', 'the sign-in heading');
    for (const line of ['textbox "Base URL"', 'textbox "Client ID"', 'textbox "Client Secret"',
      'button "Sign in" [disabled]', 'button "English"', 'button "中文"']) {
      assert.ok(signInTree.includes(line), `sign-in screen lacks ${line}:\n${signInTree}`);
    }
    await signInThroughMirror(page, driver);
    const choose = await waitForSnapshot(page, 'row "Renew for myself', 'the user table');
    for (const line of ['heading "1. Who is the renewal for?"', 'table "1. Who is the renewal for?"',
      'columnheader "Yeastar ID"', 'columnheader "Company"', 'rowheader', 'group "2. Plan"',
      'radio "Remote Management Account', `radio "${tutorialContact}`, 'textbox "Or type a plan id"',
      'button "Review order" [disabled]', 'button "Sign out"', 'button "Orders"']) {
      assert.ok(choose.includes(line), `choose screen lacks ${line}:\n${choose}`);
    }
    // The table shows the rows the canvas shows (the visible window), not all 21.
    const rows = (choose.match(/- row "/g) || []).length;
    assert.ok(rows > 2 && rows < 21, `rows in the mirror: ${rows}`);

    // Down on a row: ImGui moves to the next row and scrolls; the mirror's focus follows onto rows
    // that were not in it before.
    const firstRows = await page.evaluate(() => [...document.querySelectorAll('#mirror [data-row]')].map((e) => e.dataset.key));
    await page.getByRole('button', { name: 'Renew for myself' }).focus();
    await driver.waitFor((s) => s.focused === 'Renew for myself', 'ImGui focus on the first row');
    // As many presses as it takes to pass the rows first shown (how many show depends on the window's
    // height), at most one per user.
    let reached = await page.evaluate(() => document.activeElement.dataset.key);
    for (let i = 0; i < 21 && firstRows.includes(reached); ++i) {
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((k) => document.activeElement.dataset.key !== k, reached);
      reached = await page.evaluate(() => document.activeElement.dataset.key);
    }
    assert.ok(!firstRows.includes(reached), `Down reached ${reached}, one of the first rows ${firstRows}`);
    assert.equal((await driver.state()).focused, reached);

    await page.getByRole('button', { name: 'Renew for myself' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('radio', { name: new RegExp(`^${tutorialContact.replace(/[()]/g, '\\$&')}`) }).focus();
    await page.keyboard.press('Space');
    await driver.waitFor((s) => s.chosen.target && s.chosen.plan && s.chosen.contact, 'all three choices');
    await page.getByRole('button', { name: 'Review order' }).focus();
    await page.keyboard.press('Enter');
    await driver.waitForScreen('reviewing');
    const review = await waitForSnapshot(page, 'button "Confirm order"', 'the review');
    for (const line of ['heading "Review the order"', 'textbox "PO number"', 'button "Back"',
      'button "Copy as curl"', 'Sending to']) {
      assert.ok(review.includes(line), `review screen lacks ${line}:\n${review}`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// Counts pointer presses that land on the canvas: the mirror-only renewal must need none.
const countCanvasPresses = () => {
  window.canvasPresses = 0;
  window.addEventListener('pointerdown', (event) => { if (event.target.id === 'canvas') window.canvasPresses += 1; }, true);
};

test('a whole renewal driven only through the mirror with the keyboard sends one order and announces it', async () => {
  const { page, driver, context } = await openPage(browser, sandbox.url, {}, countCanvasPresses);
  const problems = watchMirrorErrors(page);
  try {
    await signInThroughMirror(page, driver);
    // ImGui's keyboard focus went to the user search on the new screen; the mirror's followed it.
    await driver.waitFor((s) => s.focused === 'Search users', 'ImGui focus on the search field');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.key === 'Search users');
    // Tab moves on in the mirror, and ImGui's focus (its visible ring) follows.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement.dataset.key);
    assert.equal(next, 'Renew for myself');
    await driver.waitFor((s) => s.focused === next, `ImGui focus on ${next}`);
    await page.keyboard.press('Enter');
    await driver.waitFor((s) => s.chosen.target, 'the target chosen');
    await page.getByRole('radio', { name: new RegExp(`^${tutorialContact.replace(/[()]/g, '\\$&')}`) }).focus();
    await page.keyboard.press('Space');
    await driver.waitFor((s) => s.chosen.contact, 'the contact chosen');
    await page.getByRole('button', { name: 'Review order' }).focus();
    await page.keyboard.press('Enter');
    await driver.waitForScreen('reviewing');
    await page.getByRole('button', { name: 'Confirm order' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // pressed twice: the second finds it disabled or gone
    await driver.waitForScreen('done');
    const orders = await waitForOrders(sandbox.url, 1);
    await page.waitForTimeout(2000); // long enough for a second order to have reached the sandbox
    assert.equal((await control(sandbox.url, 'GET', '/__sandbox/orders')).length, 1);
    assert.equal(withoutGeneratedReference(orders[0].body), tutorialBodyForMyself);
    const live = await page.getByRole('status').filter({ hasText: 'Order no' }).textContent();
    assert.match(live, /Order no \S+/);
    const done = await snapshot(page);
    assert.ok(done.includes('button "Renew another"'), done);
    assert.equal(await page.evaluate(() => window.canvasPresses), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the secret is never in the mirror: typed on the canvas it is not copied there, and it leaves with sign-in', async () => {
  const { page, driver, context } = await openPage(browser, sandbox.url);
  const problems = watchMirrorErrors(page);
  try {
    await page.getByRole('textbox', { name: 'Client ID' }).focus();
    await page.keyboard.type('demo-client-id');
    await driver.click('Client Secret'); // the canvas: ImGui's own field
    await page.keyboard.type('demo-client-secret');
    await driver.waitFor((s) => s.signInReady, 'both fields to hold text');
    // The only place the page shows the secret's words is the sandbox's hint, which tells the demo
    // credentials; no element holds what was typed (attributes, text or an input's value).
    const found = await page.evaluate((secret) => {
      const html = document.documentElement.outerHTML.replaceAll(
        [...document.querySelectorAll('#mirror p')].find((p) => p.textContent.includes('sandbox'))?.textContent ?? '\u0000', '');
      const values = [...document.querySelectorAll('input, textarea')].map((i) => i.value);
      return { inHtml: html.includes(secret), inValues: values.some((v) => v.includes(secret)) };
    }, 'demo-client-secret');
    assert.deepEqual(found, { inHtml: false, inValues: false });
    assert.equal(await page.getByLabel('Client Secret').inputValue(), '');
    await driver.click('Sign in');
    await driver.waitForScreen('choosing');
    assert.equal(await page.locator('#mirror input[type=password]').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a refused order is an alert, an unknown outcome says what happens next, the Orders list is a table', async () => {
  const { page, driver, context } = await openPage(browser, sandbox.url);
  const problems = watchMirrorErrors(page);
  try {
    await control(sandbox.url, 'POST', '/__sandbox/faults',
      { endpoint: 'save', kind: 'api_error', status: 422, code: 'insufficient_balance', detailMessage: 'Not enough credit' });
    await reachReviewForMyself(driver);
    await driver.click('Confirm order');
    await driver.waitForScreen('failed');
    const failed = await waitForSnapshot(page, 'insufficient_balance', 'the error');
    assert.match(failed, /heading "The order was not placed"|heading "[^"]*not placed[^"]*"/i, failed);
    assert.match(failed, /- alert: .*insufficient_balance/, 'the error is an alert, read out as it appears');
    assert.ok(failed.includes('button "Back to choices"'), failed);
    assert.match(await page.getByRole('status').last().textContent(), /not placed/i);

    await control(sandbox.url, 'POST', '/__sandbox/reset');
    await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'save', kind: 'commit_then_drop' });
    await page.getByRole('button', { name: 'Back to choices' }).focus();
    await page.keyboard.press('Enter');
    await driver.waitForScreen('choosing');
    await driver.click('Review order');
    await driver.waitForScreen('reviewing');
    await driver.click('Confirm order');
    await driver.waitFor((s) => s.screen === 'outcome_unknown' && s.reconciliation.status === 'found', 'the order found');
    const unknown = await waitForSnapshot(page, 'button "Check again"', 'the reconciliation');
    assert.ok(unknown.includes('heading "'), unknown);
    assert.ok(unknown.includes('button "Start a new renewal"'), unknown);
    const orderNo = (await driver.state()).reconciliation.orderNo;
    assert.ok((await page.getByRole('status').last().textContent()).includes(orderNo));

    await page.getByRole('button', { name: 'Orders' }).focus();
    await page.keyboard.press('Enter');
    await driver.waitFor((s) => s.orders.status === 'loaded', 'the order list');
    const orders = await waitForSnapshot(page, `rowheader "${orderNo}"`, 'the order row');
    for (const line of ['heading "Orders', 'group "', 'radio "', 'columnheader "Order no"', 'columnheader "Status"', 'textbox',
      'button "Back"', 'button "Refresh"']) {
      assert.ok(orders.includes(line), `Orders lacks ${line}:\n${orders}`);
    }
    await page.getByRole('button', { name: orderNo }).focus();
    await page.keyboard.press('Enter');
    await driver.waitFor((s) => s.orders.details.status === 'loaded', 'the details');
    const details = await waitForSnapshot(page, `heading "`, 'the details heading');
    assert.ok(details.includes(orderNo), details);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
