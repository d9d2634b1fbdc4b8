// renewdesk-cli in a plural world (issue 21): after an order's outcome is unknown, the CLI reads the
// order list while other people order on the same Partner Portal account, the API's clock is not this
// computer's, and the API may echo no references. The sandbox's controls stand for the other people:
//   POST /__sandbox/config {"clockOffsetMs", "echoReference"}, a save fault's "other_order" (a colleague's
//   order placed when the fault fires, offsetMs from the faulted request's arrival on the API's clock).
// Every test asserts the CLI's outcome (exit code, --json document, stderr) and both sandbox logs:
// GET /__sandbox/orders (what RenewDesk posted) and GET /__sandbox/other_orders (what the others placed).
// --settle-seconds (a real user option) shortens the time before "no order was created" is believed.
//
//   cd tools/e2e && node --test --test-concurrency=1 cli_plural.test.js
// runs build/native/bin/renewdesk-cli and renewdesk-sandbox (or those in $RENEWDESK_NATIVE_BIN).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cliSandbox, makeHome, parseExact, runCli } from './cli_harness.js';
import { ANOTHER_CUSTOMER, sandboxWorld } from './plural_support.js';

const BILLING = '3197218168379846218';
const SETTLE_SECONDS = 2;
const AMBIGUOUS = 5;

const sandbox = cliSandbox();

const world = () => sandboxWorld(sandbox.url);
const postedOrders = () => world().postedOrders();
const otherOrders = () => world().otherOrders();
const addFault = (spec) => world().addFault(spec);
const setConfig = (config) => world().setConfig(config);
const show = (r) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;
// For the test log: the exit code and what was said after the review (the lines about the outcome).
const said = (r) => `exit ${r.code}; ` + `${r.stdout}\n${r.stderr}`.split('\n')
  .filter((line) => /^renewdesk-cli: |^Found in the order list/.test(line)).join(' | ');

// `renewdesk-cli renew --for myself --yes` with the given extra options; { r, elapsedMs }.
async function renewMyself(name, extra = []) {
  const home = makeHome(name);
  const started = Date.now();
  const r = await runCli(['--base-url', sandbox.url, ...extra, 'renew', '--for', 'myself', '--billing', BILLING, '--yes',
    '--settle-seconds', String(SETTLE_SECONDS)], { home, timeoutMs: 60000 });
  return { r, elapsedMs: Date.now() - started };
}

function jsonOf(r) {
  try {
    return parseExact(r.stdout);
  } catch (e) {
    return assert.fail(`stdout is not one JSON document (${e.message})\n${show(r)}`);
  }
}

const referenceOf = (body) => /"poNumber": "([^"]*)"/.exec(body)?.[1];

// (a) A colleague orders Remote Management for another customer in the same second as our POST, and
// ours never reaches the API (the connection drops before anything is committed). The one new order in
// the list is not ours (its details show another customer): never "found"; after the settle time "no
// order was created" (exit 2).
test('another customer\'s order in the same second, ours dropped before the API: nothing placed (exit 2), never found', async () => {
  await addFault({ endpoint: 'save', kind: 'drop', other_order: { partnerId: ANOTHER_CUSTOMER, offsetMs: 0 } });
  const { r, elapsedMs } = await renewMyself('plural-a', ['--json']);
  const posted = await postedOrders();
  const others = await otherOrders();
  console.log(`(a) ${said(r)}; after ${elapsedMs} ms; others ${JSON.stringify(others)}`);
  assert.equal(posted.length, 0, 'our order never reached the API');
  assert.equal(others.length, 1);
  assert.equal(others[0].partnerId, ANOTHER_CUSTOMER);
  assert.equal(r.code, 2, show(r));
  assert.equal(jsonOf(r).outcome, 'failed', show(r));
  assert.match(r.stderr, /no order was created: nothing was placed/, show(r));
  assert.ok(!r.stdout.includes(others[0].orderNo) && !r.stderr.includes(others[0].orderNo),
    `the colleague's order is never named as ours\n${show(r)}`);
  assert.ok(elapsedMs >= SETTLE_SECONDS * 1000, `"none" only after the settle time (${elapsedMs} ms)`);
});

// (b) A colleague ordered for the same customer, contact and plan 5 s before our POST (inside the
// window's margin), without a PO number; ours was committed but its reply was lost. Only the reference
// tells them apart: the CLI must report OUR order (the one in the order log), found by its reference.
test('a colleague\'s order 5 s earlier and ours committed (reply lost): found (exit 0), ours, by reference', async () => {
  await addFault({ endpoint: 'save', kind: 'commit_then_drop', other_order: { offsetMs: -5000 } });
  const { r } = await renewMyself('plural-b');
  const posted = await postedOrders();
  const others = await otherOrders();
  console.log(`(b) ${said(r)}; posted ${posted.map((o) => o.result.orderNo)}, others ${others.map((o) => o.orderNo)}`);
  assert.equal(posted.length, 1);
  assert.equal(others.length, 1);
  assert.equal(others[0].billingId, BILLING, 'the colleague used the same contact');
  assert.ok(others[0].createTimeMs < posted[0].createTimeMs, 'the colleague\'s order is the earlier one');
  assert.equal(r.code, 0, show(r));
  const reference = referenceOf(posted[0].body);
  assert.match(reference, /^RD-[2-9A-HJKMNP-Z]{8}$/);
  // "Found in the order list: order N (orderId I), status: ..., PO RD-..." — found by its reference.
  assert.match(r.stdout, new RegExp(`Found in the order list: order ${posted[0].result.orderNo} .*PO ${reference}`), show(r));
  assert.doesNotMatch(r.stdout, /found by its details/, show(r));
  assert.ok(!r.stdout.includes(others[0].orderNo), `the colleague's order is not reported\n${show(r)}`);
});

// (c) The API's clock is 90 s behind this computer's (the Partner Portal's servers and the office PC
// disagree; the CLI learns the API's clock from the Date header). Ours committed, reply lost: found.
test('the API\'s clock 90 s behind, ours committed (reply lost): found (exit 0), ours', async () => {
  await setConfig({ clockOffsetMs: -90000 });
  await addFault({ endpoint: 'save', kind: 'commit_then_drop' });
  const { r } = await renewMyself('plural-c', ['--json']);
  const posted = await postedOrders();
  console.log(`(c) ${said(r)}; API createTime - arrival ${posted[0]?.createTimeMs - posted[0]?.receivedAtMs} ms`);
  assert.equal(posted.length, 1);
  assert.ok(Math.abs(posted[0].createTimeMs - posted[0].receivedAtMs + 90000) < 2000, 'the API clock is 90 s behind');
  assert.deepEqual(await otherOrders(), []);
  assert.equal(r.code, 0, show(r));
  const doc = jsonOf(r);
  assert.equal(doc.outcome, 'placed', show(r));
  assert.equal(doc.orderNo, posted[0].result.orderNo, show(r));
});

// Ambiguous: an API that echoes no references (every customReferenceNo is ""); ours committed, its
// reply lost, and a colleague ordered for the same customer, contact and plan in the same second. Two
// orders with the same details: neither can be proven ours. The CLI must say so (exit 5), list both on
// stderr to check in the Partner Portal, and never call either placed nor "nothing placed".
test('no references echoed, ours committed and a colleague\'s same-customer order in the same second: ambiguous (exit 5), both listed', async () => {
  await setConfig({ echoReference: false });
  await addFault({ endpoint: 'save', kind: 'commit_then_drop', other_order: { offsetMs: 0 } });
  const { r } = await renewMyself('plural-ambiguous', ['--json']);
  const posted = await postedOrders();
  const others = await otherOrders();
  console.log(`(ambiguous) ${said(r)}`);
  assert.equal(posted.length, 1);
  assert.equal(others.length, 1);
  assert.equal(r.code, AMBIGUOUS, show(r));
  assert.equal(jsonOf(r).outcome, 'ambiguous', show(r));
  assert.match(r.stderr, /cannot prove it is yours: check these orders in the Partner Portal/, show(r));
  for (const order of [posted[0].result, others[0]]) {
    assert.match(r.stderr, new RegExp(`^renewdesk-cli: +order ${order.orderNo} \\(orderId ${order.orderId}\\)`, 'm'),
      `${order.orderNo} listed\n${show(r)}`);
  }
});

// Ambiguous, the case the brief names: no references echoed; ours dropped before the API (nothing
// committed); a colleague ordered for the same customer, contact and plan, without a PO number, in the
// same second. The one new order is the colleague's, and nothing the CLI can read tells it from ours:
// it must not report it as ours (exit 0) nor rule ours out (exit 2); exit 5 with the order listed.
// Note: the CLI reads exactly what it would read had ours been committed alone (one order in the window,
// our customer, contact and product 15, no reference): no rule can call that one ours and this one not.
test('no references echoed, ours dropped, a colleague\'s same-customer order in the same second: ambiguous (exit 5), listed', async () => {
  await setConfig({ echoReference: false });
  await addFault({ endpoint: 'save', kind: 'drop', other_order: { offsetMs: 0 } });
  const { r } = await renewMyself('plural-ambiguous-dropped', ['--json']);
  const posted = await postedOrders();
  const others = await otherOrders();
  console.log(`(ambiguous, ours dropped) ${said(r)}`);
  assert.equal(posted.length, 0, 'our order never reached the API');
  assert.equal(others.length, 1);
  assert.notEqual(jsonOf(r).orderNo, others[0].orderNo, `the colleague's order was reported as ours\n${show(r)}`);
  assert.equal(r.code, AMBIGUOUS, show(r));
  assert.match(r.stderr, new RegExp(`order ${others[0].orderNo} \\(orderId ${others[0].orderId}\\)`), show(r));
});
