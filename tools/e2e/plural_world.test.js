// The web page in a plural world (issue 21): after an order's outcome is unknown, the page reads the
// order list while other people order on the same Partner Portal account, the API's clock is not this
// computer's, and the API may echo no references. Real Chromium against the sandbox-served page, real
// mouse and keyboard (harness.js); the sandbox's controls stand for the other people:
//   POST /__sandbox/config {"clockOffsetMs", "echoReference"}, a save fault's "other_order" (a colleague's
//   order placed when the fault fires, offsetMs from the faulted request's arrival on the API's clock).
// Every test asserts the page's outcome (state().reconciliation, the heading drawn on the unknown-outcome
// screen) and both sandbox logs: GET /__sandbox/orders (what RenewDesk posted) and
// GET /__sandbox/other_orders (what the others placed).
//
// The page has no settle-time option (not in config.json, not in the page's arguments): a "none" or an
// "ambiguous" answer is believed only after its 30 s (RenewalFlow::default_settle_ms), so those tests
// take about 35 s each; "found" answers at once.
//
//   cd tools/e2e && node --test plural_world.test.js
// uses build/native/bin's sandbox and build/web/bin's page, or $RENEWDESK_NATIVE_BIN / $RENEWDESK_WEB_BIN.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, reachReviewForMyself, startSandbox } from './harness.js';
import { ANOTHER_CUSTOMER, assertSettled, finalAnswer, sandboxWorld } from './plural_support.js';

const MYSELF_BILLING = '3197218168379846218'; // the contact reachReviewForMyself picks
const HEADING_FOUND = 'Order placed: found in your order list';
const HEADING_NONE = 'Not placed: safe to try again';
const HEADING_AMBIGUOUS = 'Cannot prove which order is yours';

// Each test has a sandbox of its own (its own order log, faults and clock), so the tests run side by
// side: most of a test is the page waiting out its 30 s settle time, which costs no CPU. One browser,
// a context per test.
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// A test in a world of its own: `body` gets the sandbox and its controls.
function worldTest(name, body) {
  test(name, async () => {
    const sandbox = await startSandbox();
    try {
      const world = sandboxWorld(sandbox.url);
      await body({
        sandbox,
        postedOrders: () => world.postedOrders(),
        otherOrders: () => world.otherOrders(),
        addFault: (spec) => world.addFault(spec),
        setConfig: (config) => world.setConfig(config),
      });
    } catch (error) {
      // What this world's sandbox saw (a page whose scripts failed with ERR_SOCKET_NOT_CONNECTED once:
      // did those requests reach it?).
      error.message += `\nthe sandbox's last requests:\n${sandbox.recentLog()}`;
      throw error;
    } finally {
      sandbox.stop();
    }
  });
}

// Signs in, reviews a renewal for the partner itself and confirms it; resolves with the state on the
// outcome-unknown screen and the time it was first seen (a failed or done screen must not slip by).
async function confirmIntoUnknown(driver) {
  await reachReviewForMyself(driver);
  const reviewed = await driver.state();
  await driver.click('Confirm order');
  const outcome = await driver.waitFor((s) => ['outcome_unknown', 'failed', 'done'].includes(s.screen), 'the outcome', 30000);
  const unknownAt = Date.now();
  assert.equal(outcome.screen, 'outcome_unknown', `the outcome is unknown, not ${outcome.screen} (${outcome.error})`);
  assert.match(outcome.orderReference, /^RD-[2-9A-HJKMNP-Z]{8}$/, 'the order carries a generated reference');
  assert.equal(outcome.orderReference, reviewed.orderReference, 'the reference reviewed is the one sent');
  return { outcome, unknownAt };
}

// The text ImGui draws in the next frame (the page's captureText test hook).
// mustInclude: a text, or several separated by "|" (any of them).
async function drawnText(driver, mustInclude) {
  await driver.page.evaluate(() => window.renewdesk.captureText());
  const state = await driver.waitFor((s) => typeof s.drawnText === 'string' &&
    mustInclude.split('|').some((text) => s.drawnText.includes(text)),
    `the drawn text to include ${JSON.stringify(mustInclude)}`).catch(async (error) => {
    throw new Error(`${error.message}\ndrawn: ${(await driver.state()).drawnText}`);
  });
  return state.drawnText;
}

// The unknown-outcome screen's heading among the drawn text ("" when none of the four shows).
const headingOf = (drawn) => [HEADING_FOUND, HEADING_NONE, HEADING_AMBIGUOUS,
  'Outcome unknown: the order may or may not have been placed'].find((h) => drawn.includes(h)) ?? '';

const orderDetailsRequested = (requests, order) => requests.some((url) =>
  url.includes(`/order/openapi/order/v1/get/${order.orderId}`) || url.includes(`/order/openapi/order/v1/get/${order.orderNo}`));

// Four at a time: each test's page is busy for a few seconds around its confirmation, then waits.
describe('the page in a plural world', { concurrency: 8 }, () => {
  // (a) A colleague orders Remote Management for another customer in the same second as our POST, and
  // ours never reaches the API (the proxy answers a 502 error page without passing the order on). The
  // order list then holds one new order, not ours: its details show another customer, so the page must
  // never say "found", and after the settle time says "Not placed: safe to try again".
  worldTest('another customer\'s order in the same second, ours never arrived (502 page, nothing committed): none, never found', async ({ sandbox, postedOrders, otherOrders, addFault, setConfig }) => {
    const { context, driver, requests } = await openPage(browser, sandbox.url);
    await addFault({ endpoint: 'save', kind: 'html', status: 502, other_order: { partnerId: ANOTHER_CUSTOMER, offsetMs: 0 } });
    const { unknownAt } = await confirmIntoUnknown(driver);
    const { final, seen } = await finalAnswer(driver);
    const answeredAfterMs = Date.now() - unknownAt;
    await driver.shot('plural-a-none');
    const posted = await postedOrders();
    const others = await otherOrders();
    console.log(`(a) statuses ${seen.join(' > ')}, answered ${answeredAfterMs} ms after the unknown outcome; ` +
      `posted ${posted.length}, others ${JSON.stringify(others)}`);
    assert.ok(!seen.includes('found'), `never found: ${seen.join(' > ')}`);
    assert.equal(final.reconciliation.status, 'none', JSON.stringify(final.reconciliation));
    assert.equal(final.reconciliation.orderNo, '');
    assertSettled(final, unknownAt, 'none');
    assert.equal(posted.length, 0, 'our order never reached the API');
    assert.equal(others.length, 1);
    assert.equal(others[0].partnerId, ANOTHER_CUSTOMER);
    assert.ok(orderDetailsRequested(requests, others[0]), 'the colleague\'s order was read by its details');
    assert.equal(final.ordersSent, 1, 'nothing sent again');
    assert.ok((await drawnText(driver, HEADING_NONE)).includes(HEADING_NONE));
    await context.close();
  });

  // (b) A colleague ordered for the same customer, same contact and plan, 5 s before our POST (inside the
  // window's margin), without a PO number; ours was committed but its reply was lost. Only the reference
  // tells the two apart: the page must find OUR order (the one in the order log), by its reference.
  worldTest('a colleague\'s order 5 s earlier and ours committed (reply lost): found, and it is ours, by reference', async ({ sandbox, postedOrders, otherOrders, addFault, setConfig }) => {
    const { context, driver } = await openPage(browser, sandbox.url);
    await addFault({ endpoint: 'save', kind: 'commit_then_drop', other_order: { offsetMs: -5000 } });
    const { outcome } = await confirmIntoUnknown(driver);
    const { final, seen } = await finalAnswer(driver);
    await driver.shot('plural-b-found');
    const posted = await postedOrders();
    const others = await otherOrders();
    console.log(`(b) statuses ${seen.join(' > ')}, found ${final.reconciliation.orderNo} by ${final.reconciliation.matchedBy}; ` +
      `posted ${posted.map((o) => o.result.orderNo)}, others ${others.map((o) => o.orderNo)}`);
    assert.equal(posted.length, 1);
    assert.equal(others.length, 1);
    assert.equal(others[0].partnerId, '', 'the colleague ordered for the partner itself, as we did');
    assert.equal(others[0].billingId, MYSELF_BILLING, 'with the same billing contact');
    assert.ok(others[0].createTimeMs < posted[0].createTimeMs, 'the colleague\'s order is the earlier one');
    assert.equal(final.reconciliation.status, 'found');
    assert.equal(final.reconciliation.orderNo, posted[0].result.orderNo, 'the order found is ours');
    assert.notEqual(final.reconciliation.orderNo, others[0].orderNo);
    assert.equal(final.reconciliation.matchedBy, 'reference');
    assert.ok(posted[0].body.includes(`"poNumber": "${outcome.orderReference}"`), 'our order carried the reference');
    assert.equal(final.ordersSent, 1);
    const drawn = await drawnText(driver, HEADING_FOUND);
    assert.ok(drawn.includes(posted[0].result.orderNo), drawn);
    assert.ok(drawn.includes(`${outcome.orderReference} (matches this order)`), `the reference shown as the proof:\n${drawn}`);
    assert.ok(!drawn.includes(others[0].orderNo), `the colleague's order is not shown as ours:\n${drawn}`);
    await context.close();
  });

  // (c) The API's clock is 90 s behind, or ahead of, this computer's (the Partner Portal's servers and the
  // office PC disagree; the page learns the API's clock from its Date header). Our order is committed and
  // its reply lost: it must be found wherever the API's createTime puts it.
  for (const clockOffsetMs of [-90000, 90000]) {
    worldTest(`the API's clock ${clockOffsetMs < 0 ? 'behind' : 'ahead'} by 90 s, ours committed (reply lost): found, ours`, async ({ sandbox, postedOrders, otherOrders, addFault, setConfig }) => {
      await setConfig({ clockOffsetMs });
      const { context, driver } = await openPage(browser, sandbox.url);
      await addFault({ endpoint: 'save', kind: 'commit_then_drop' });
      await confirmIntoUnknown(driver);
      const { final, seen } = await finalAnswer(driver);
      const posted = await postedOrders();
      console.log(`(c ${clockOffsetMs}) statuses ${seen.join(' > ')}, found ${final.reconciliation.orderNo} by ` +
        `${final.reconciliation.matchedBy}; API createTime - arrival ${posted[0]?.createTimeMs - posted[0]?.receivedAtMs} ms`);
      assert.equal(posted.length, 1);
      assert.ok(Math.abs(posted[0].createTimeMs - posted[0].receivedAtMs - clockOffsetMs) < 2000, 'the API clock is off');
      assert.deepEqual(await otherOrders(), []);
      assert.equal(final.reconciliation.status, 'found');
      assert.equal(final.reconciliation.orderNo, posted[0].result.orderNo);
      assert.equal(final.reconciliation.matchedBy, 'reference');
      assert.equal(final.ordersSent, 1);
      assert.ok((await drawnText(driver, HEADING_FOUND)).includes(posted[0].result.orderNo));
      await context.close();
    });
  }

  // (d) An API (or a proxy's rewrite of it) that echoes no reference: every customReferenceNo is "".
  // Ours committed, its reply lost, nobody else ordered: the one new order's details show our customer,
  // contact and product 15. That is not proof (a colleague's renewal of the same customer looks the same,
  // see the same-customer test below): the page says it cannot prove which order is its own and lists the
  // order, marked as matching ours, to check in the Partner Portal. Never "none" (safe to try again).
  worldTest('no references echoed, ours committed (reply lost): ambiguous, listed with its details matching', async ({ sandbox, postedOrders, otherOrders, addFault, setConfig }) => {
    await setConfig({ echoReference: false });
    const { context, driver } = await openPage(browser, sandbox.url);
    await addFault({ endpoint: 'save', kind: 'commit_then_drop' });
    await confirmIntoUnknown(driver);
    const { final, seen } = await finalAnswer(driver);
    const posted = await postedOrders();
    console.log(`(d ours, no echo) statuses ${seen.join(' > ')}, answer ${JSON.stringify(final.reconciliation)}`);
    assert.equal(posted.length, 1);
    assert.deepEqual(await otherOrders(), []);
    assert.ok(!seen.includes('none'), `never "safe to try again": ${seen.join(' > ')}`);
    assert.equal(final.reconciliation.status, 'ambiguous', JSON.stringify(final.reconciliation));
    assert.equal(final.reconciliation.unproven, 1);
    const drawn = await drawnText(driver, HEADING_AMBIGUOUS);
    assert.ok(drawn.includes(posted[0].result.orderNo), `our order is listed to check:\n${drawn}`);
    assert.ok(drawn.includes('details match yours'), `marked as matching ours:\n${drawn}`);
    await context.close();
  });

  // (d) No references echoed; ours dropped before the API (nothing committed); a colleague ordered for
  // another customer in the same second. Its details show another customer: none after the settle time.
  worldTest('no references echoed, ours dropped, another customer\'s order in the same second: none, never found', async ({ sandbox, postedOrders, otherOrders, addFault, setConfig }) => {
    await setConfig({ echoReference: false });
    const { context, driver, requests } = await openPage(browser, sandbox.url);
    await addFault({ endpoint: 'save', kind: 'drop', other_order: { partnerId: ANOTHER_CUSTOMER, offsetMs: 0 } });
    const { unknownAt } = await confirmIntoUnknown(driver);
    const { final, seen } = await finalAnswer(driver);
    const answeredAfterMs = Date.now() - unknownAt;
    const posted = await postedOrders();
    const others = await otherOrders();
    console.log(`(d none) statuses ${seen.join(' > ')}, answered after ${answeredAfterMs} ms; others ${JSON.stringify(others)}`);
    assert.ok(!seen.includes('found'), `never found: ${seen.join(' > ')}`);
    assert.equal(final.reconciliation.status, 'none', JSON.stringify(final.reconciliation));
    assertSettled(final, unknownAt, 'none');
    assert.equal(posted.length, 0);
    assert.equal(others.length, 1);
    assert.equal(others[0].partnerId, ANOTHER_CUSTOMER);
    assert.ok(orderDetailsRequested(requests, others[0]), 'the colleague\'s order was read by its details');
    assert.ok((await drawnText(driver, HEADING_NONE)).includes(HEADING_NONE));
    await context.close();
  });

  // (d) No references echoed; ours dropped before the API (nothing committed); a colleague ordered for the
  // SAME customer (the partner itself, same contact, same plan), without a PO number, in the same second.
  // That order is not ours, and nothing RenewDesk can read tells it from ours: the page must not claim it
  // ("found") nor rule ours out ("none"); it says it cannot prove which order is its own and lists it.
  // RenewDesk reads exactly what it reads in the test above (one order in the window, our customer,
  // contact and product 15, no reference anywhere): that is why details are not proof.
  worldTest('no references echoed, ours dropped, a colleague\'s same-customer order in the same second: ambiguous, listed', async ({ sandbox, postedOrders, otherOrders, addFault, setConfig }) => {
    await setConfig({ echoReference: false });
    const { context, driver } = await openPage(browser, sandbox.url);
    await addFault({ endpoint: 'save', kind: 'drop', other_order: { offsetMs: 0 } });
    await confirmIntoUnknown(driver);
    const { final, seen } = await finalAnswer(driver);
    await driver.shot('plural-d-same-customer');
    const posted = await postedOrders();
    const others = await otherOrders();
    const heading = headingOf(await drawnText(driver, 'found in your order list|safe to try again|Cannot prove'));
    console.log(`(d same customer, ours dropped) statuses ${seen.join(' > ')}, answer ${JSON.stringify(final.reconciliation)}, ` +
      `heading "${heading}"; posted ${posted.length}, others ${others.map((o) => o.orderNo)}`);
    assert.equal(posted.length, 0, 'our order never reached the API');
    assert.equal(others.length, 1);
    assert.notEqual(final.reconciliation.orderNo, others[0].orderNo,
      `the colleague's order was taken for ours (${final.reconciliation.matchedBy}); the heading says "${heading}"`);
    assert.equal(final.reconciliation.status, 'ambiguous', JSON.stringify(final.reconciliation));
    assert.equal(final.reconciliation.unproven, 1);
    const drawn = await drawnText(driver, HEADING_AMBIGUOUS);
    assert.ok(drawn.includes(others[0].orderNo), `the order to check is listed:\n${drawn}`);
    await context.close();
  });

  // (d) No references echoed; ours committed (reply lost) AND a colleague's order for the same customer,
  // contact and plan in the same second. Two orders whose details are the same: neither can be proven
  // ours, so the page says so and lists both to check in the Partner Portal (never found, never none).
  worldTest('no references echoed, ours committed and a colleague\'s same-customer order in the same second: ambiguous, both listed', async ({ sandbox, postedOrders, otherOrders, addFault, setConfig }) => {
    await setConfig({ echoReference: false });
    const { context, driver } = await openPage(browser, sandbox.url);
    await addFault({ endpoint: 'save', kind: 'commit_then_drop', other_order: { offsetMs: 0 } });
    const { unknownAt } = await confirmIntoUnknown(driver);
    const { final, seen } = await finalAnswer(driver);
    const answeredAfterMs = Date.now() - unknownAt;
    await driver.shot('plural-d-ambiguous');
    const posted = await postedOrders();
    const others = await otherOrders();
    console.log(`(d ambiguous) statuses ${seen.join(' > ')}, answered after ${answeredAfterMs} ms, ` +
      `${JSON.stringify(final.reconciliation)}; posted ${posted.map((o) => o.result.orderNo)}, others ${others.map((o) => o.orderNo)}`);
    assert.equal(posted.length, 1);
    assert.equal(others.length, 1);
    assert.ok(!seen.includes('found') && !seen.includes('none'), `never found or none: ${seen.join(' > ')}`);
    assert.equal(final.reconciliation.status, 'ambiguous');
    assert.equal(final.reconciliation.orderNo, '');
    assert.equal(final.reconciliation.unproven, 2);
    assertSettled(final, unknownAt, 'ambiguous');
    assert.equal(final.ordersSent, 1);
    const drawn = await drawnText(driver, HEADING_AMBIGUOUS);
    for (const orderNo of [posted[0].result.orderNo, others[0].orderNo]) {
      assert.ok(drawn.includes(orderNo), `${orderNo} is listed to check:\n${drawn}`);
    }
    assert.ok(!drawn.includes(HEADING_FOUND) && !drawn.includes(HEADING_NONE));
    await context.close();
  });
});
