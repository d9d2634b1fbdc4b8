// renewdesk-cli run again and again from one computer (a script renewing customers one by one):
// every run is a session of its own, so an unknown outcome's reconciliation must not take the order
// an earlier run placed seconds before (inside the 30 s clock-skew allowance) for its own. The runs
// share <config dir>/recent-orders.json, which tells each run the orders already accounted for.
//
//   cd tools/e2e && NODE_PATH=/usr/share/nodejs node --test --test-reporter=tap cli_reruns.test.js
// runs build/native/bin/renewdesk-cli and renewdesk-sandbox (or those in $RENEWDESK_NATIVE_BIN).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { control, root } from './harness.js';
import { cliSandbox, filesUnder, makeHome, parseExact, runCli, SECRET, watchWrites } from './cli_harness.js';

const BILLING = '3197218168379846218';

const fixtureUsers = JSON.parse(readFileSync(path.join(root, 'tools/sandbox/fixtures/users.json'), 'utf8'));
const [userA, userB, userC] = fixtureUsers.filter((u) => /^\d+$/.test(u.partnerId)).map((u) => u.partnerId);

const sandbox = cliSandbox();

const cli = (home, args) => runCli(['--base-url', sandbox.url, ...args], { home });
const orderLog = () => control(sandbox.url, 'GET', '/__sandbox/orders');
const addFault = async (spec) => {
  const reply = await control(sandbox.url, 'POST', '/__sandbox/faults', spec);
  assert.ok(reply && reply.faults, `the sandbox took the fault ${JSON.stringify(spec)}: ${JSON.stringify(reply)}`);
};
const show = (r) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;
const partnerOf = (body) => /"partnerId"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? null;
const renew = (home, partnerId, extra = []) =>
  cli(home, ['--json', 'renew', '--for', partnerId, '--billing', BILLING, '--yes', ...extra]);

function jsonOf(r) {
  try {
    return parseExact(r.stdout);
  } catch (e) {
    assert.fail(`stdout is not one JSON document (${e.message})\n${show(r)}`);
  }
}

const historyFile = (home) => path.join(home.config, 'renewdesk', 'recent-orders.json');

// <config dir>/renewdesk/recent-orders.json: its entries, and no secret in it.
function recentOrders(home) {
  const file = historyFile(home);
  assert.ok(existsSync(file), `${file} exists`);
  const text = readFileSync(file, 'utf8');
  assert.ok(!text.includes(SECRET), `no secret in ${file}:\n${text}`);
  const doc = JSON.parse(text);
  assert.equal(doc.version, 1);
  for (const entry of doc.orders) {
    // The attempt's reference and the order's status are there when known (a batch row's: not yet).
    const keys = Object.keys(entry).filter((k) => k !== 'reference' && k !== 'orderStatus').sort();
    assert.deepEqual(keys, ['atMs', 'baseUrl', 'clientId', 'orderNo'], JSON.stringify(entry));
    assert.ok(!('reference' in entry) || /^\S+$/.test(entry.reference), JSON.stringify(entry));
  }
  return doc.orders;
}

// The run's result, and how often it wrote recent-orders.json: once per order it learned (the flow
// or the batch records each itself; nothing records one twice).
async function withWrites(home, run) {
  const history = watchWrites(historyFile(home));
  try {
    const result = await run();
    return { result, writes: await history.count() };
  } finally {
    history.stop();
  }
}

// Run 1 places an order for userA; at once run 2 (same computer: same config dir) renews userB.
async function twoRuns(home, run2Fault, run2Extra = []) {
  const { result: first, writes } = await withWrites(home, () => renew(home, userA));
  assert.equal(first.code, 0, `run 1 places its order\n${show(first)}`);
  const firstNo = jsonOf(first).orderNo;
  assert.ok(firstNo, show(first));
  assert.deepEqual(recentOrders(home).map((e) => e.orderNo), [firstNo], 'run 1 recorded its receipt');
  assert.equal(writes, 1, `run 1 wrote its receipt once\n${show(first)}`);
  await addFault({ endpoint: 'save', kind: run2Fault });
  const { result: second, writes: secondWrites } =
    await withWrites(home, () => renew(home, userB, ['--settle-seconds', '2', ...run2Extra]));
  return { first, firstNo, second, secondWrites };
}

describe('runs one after another from one computer', () => {
  test('run 2\'s order dropped before it was created: not "found" as run 1\'s order → exit 2, one order', async () => {
    const home = makeHome('rerun-drop');
    const { firstNo, second } = await twoRuns(home, 'drop');
    const log = await orderLog();
    assert.equal(log.length, 1, `only run 1's order exists\n${show(second)}`);
    assert.equal(partnerOf(log[0].body), userA);
    assert.equal(log[0].result.orderNo, firstNo);
    assert.notEqual(second.code, 0, `run 2 must not report run 1's order as its own\n${show(second)}`);
    assert.equal(second.code, 2, `ruled out → exit 2\n${show(second)}`);
    const doc = jsonOf(second);
    assert.equal(doc.outcome, 'failed', show(second));
    assert.ok(!doc.orderNo, `no order number for run 2\n${show(second)}`);
    assert.ok(!second.stdout.includes(firstNo) && !second.stderr.includes(`Found in the order list: order ${firstNo}`),
      show(second));
    assert.deepEqual(recentOrders(home).map((e) => e.orderNo), [firstNo]);
  });

  test('run 2\'s order committed, then the connection dropped: run 2\'s own order is found → exit 0', async () => {
    const home = makeHome('rerun-commit');
    const { firstNo, second, secondWrites } = await twoRuns(home, 'commit_then_drop');
    const log = await orderLog();
    assert.equal(log.length, 2, `one order per run, never resent\n${show(second)}`);
    const own = log.find((o) => partnerOf(o.body) === userB);
    assert.ok(own, `run 2's order (for ${userB}) is in the log`);
    assert.notEqual(own.result.orderNo, firstNo);
    assert.equal(second.code, 0, `found → exit 0\n${show(second)}`);
    const doc = jsonOf(second);
    assert.equal(doc.outcome, 'placed', show(second));
    assert.equal(doc.orderNo, own.result.orderNo, `the order found is run 2's, not run 1's\n${show(second)}`);
    assert.equal(log[log.length - 1].result.orderNo, own.result.orderNo, 'run 2\'s order is the newer one in the log');
    assert.deepEqual(recentOrders(home).map((e) => e.orderNo).sort(), [firstNo, own.result.orderNo].sort(),
      'the order found is recorded too');
    assert.equal(secondWrites, 1, `the order found is written once\n${show(second)}`);
  });

  test('the same PO number again within 30 s: run 1\'s order is not taken for run 2\'s dropped one', async () => {
    const home = makeHome('rerun-po');
    const { firstNo, second } = await twoRuns(home, 'drop', ['--po', 'PO-SAME']);
    assert.ok(firstNo);
    assert.equal((await orderLog()).length, 1, show(second));
    assert.equal(second.code, 2, `ruled out → exit 2\n${show(second)}`);
  });

  test('a batch after a single renewal: its dropped row is ruled out, not matched to the earlier order', async () => {
    const home = makeHome('rerun-batch');
    const first = await renew(home, userA);
    assert.equal(first.code, 0, show(first));
    await addFault({ endpoint: 'save', kind: 'drop' });
    const input = path.join(home.work, 'list.csv');
    writeFileSync(input, `partnerId\n${userB}\n${userC}\n`);
    const batch = await cli(home, ['--json', 'renew', '--from', input, '--billing', BILLING, '--yes', '--settle-seconds', '2']);
    const log = await orderLog();
    assert.equal(log.length, 2, `run 1's order and the batch's second row\n${show(batch)}`);
    const doc = jsonOf(batch);
    assert.equal(doc.rows[0].status, 'failed', `row 1 ruled out\n${show(batch)}`);
    assert.ok(!doc.rows[0].orderNo, show(batch));
    const rowTwo = log.find((o) => partnerOf(o.body) === userC);
    assert.equal(doc.rows[1].orderNo, rowTwo.result.orderNo, show(batch));
    assert.deepEqual(recentOrders(home).map((e) => e.orderNo).sort(),
      [jsonOf(first).orderNo, rowTwo.result.orderNo].sort());
    assert.ok(filesUnder(home.dir).every(({ text }) => !text.includes(SECRET)));
  });

  test('a batch row whose order was cancelled says the order exists, never "no order was created"', async () => {
    const home = makeHome('rerun-cancelled');
    await addFault({ endpoint: 'save', kind: 'order_status', orderStatus: 'cancelled' });
    const input = path.join(home.work, 'list.csv');
    writeFileSync(input, `partnerId\n${userB}\n${userC}\n`);
    const batch = await cli(home, ['renew', '--from', input, '--billing', BILLING, '--yes']);
    const [cancelled] = await orderLog();
    assert.ok(cancelled?.result?.orderNo, show(batch));
    assert.match(batch.stdout + batch.stderr,
      new RegExp(`not renewed: order ${cancelled.result.orderNo} exists \\(cancelled\\)`), show(batch));
    assert.doesNotMatch(batch.stdout + batch.stderr, /no order was created/, show(batch));
    assert.notEqual(batch.code, 0, show(batch));
  });

  test('a batch records each row\'s order once, and the next run knows them', async () => {
    const home = makeHome('rerun-batch-writes');
    const input = path.join(home.work, 'list.csv');
    writeFileSync(input, `partnerId\n${userA}\n${userB}\n`);
    const { result: batch, writes } = await withWrites(home, () =>
      cli(home, ['--json', 'renew', '--from', input, '--billing', BILLING, '--yes']));
    assert.equal(batch.code, 0, show(batch));
    const rowOrders = jsonOf(batch).rows.map((row) => row.orderNo);
    assert.equal(rowOrders.filter(Boolean).length, 2, show(batch));
    assert.deepEqual(recentOrders(home).map((e) => e.orderNo), rowOrders);
    // One write per row's order, and one for the finished batch's final record (what a copy that waited
    // on this batch tells of its outcome: lastBatch).
    assert.equal(writes, 3, `one write per row's order and one final record\n${show(batch)}`);
    const history = JSON.parse(readFileSync(historyFile(home), 'utf8'));
    assert.ok(typeof history.lastBatch === 'string' && rowOrders.every((no) => history.lastBatch.includes(no)),
      'the final record holds both rows\' orders');
    await addFault({ endpoint: 'save', kind: 'drop' });
    const next = await renew(home, userC, ['--settle-seconds', '2']);
    assert.equal(next.code, 2, `its dropped order is ruled out, not matched to a row's\n${show(next)}`);
    assert.ok(!rowOrders.some((no) => next.stdout.includes(no)), show(next));
  });
});
