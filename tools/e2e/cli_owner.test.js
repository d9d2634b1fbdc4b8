// renewdesk-cli with more than one copy at once on one computer (issue 21, C and E): one owner per
// journal (an flock on <config dir>/renewdesk/inflight-order.lock and batch-journal.lock). A second
// run waits for the first (or exits 6 with --no-wait) and never adopts, settles or resumes what the
// first holds; no order leaves without its journal on disk; and the command-line defects around
// journals: an earlier run's unresolved order settled before this run's own, --resume --from naming
// another batch, a customer twice in one batch, SIGTERM during a batch.
//
//   cd tools/e2e && NODE_PATH=/usr/share/nodejs node --test --test-concurrency=1 cli_owner.test.js
// runs build/native/bin/renewdesk-cli and renewdesk-sandbox (or those in $RENEWDESK_NATIVE_BIN).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { control, root, waitForOrders } from './harness.js';
import { alive, cliSandbox, makeHome, parseCsv, parseExact, runCli, startCli, watchWrites } from './cli_harness.js';

const BILLING = '3197218168379846218';
const BUSY = 6;

const fixtureUsers = JSON.parse(readFileSync(path.join(root, 'tools/sandbox/fixtures/users.json'), 'utf8'));
const users = fixtureUsers.filter((u) => /^\d+$/.test(u.partnerId)).map((u) => u.partnerId);

const sandbox = cliSandbox();

const args = (list) => ['--base-url', sandbox.url, ...list];
const cli = (home, list) => runCli(args(list), { home });
const start = (home, list) => startCli(args(list), { home });
const orderLog = () => control(sandbox.url, 'GET', '/__sandbox/orders');
const addFault = async (spec) => {
  const reply = await control(sandbox.url, 'POST', '/__sandbox/faults', spec);
  assert.ok(reply && reply.faults, `the sandbox took the fault ${JSON.stringify(spec)}: ${JSON.stringify(reply)}`);
};
const show = (r) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;
const partnerOf = (body) => /"partnerId"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? 'myself';
const partnersOf = (log) => log.map((o) => partnerOf(o.body));
const renewFor = (id, extra = []) => ['--json', 'renew', '--for', id, '--billing', BILLING, '--yes', ...extra];
const batchOf = (file, extra = []) => ['--json', 'renew', '--from', file, '--billing', BILLING, '--yes', ...extra];
const configFile = (home, name) => path.join(home.config, 'renewdesk', name);

function jsonOf(r) {
  try {
    return parseExact(r.stdout);
  } catch (e) {
    assert.fail(`stdout is not one JSON document (${e.message})\n${show(r)}`);
  }
}

function writeCsv(home, name, lines) {
  const file = path.join(home.work, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// Run X for `first`, held at its order POST (the order committed, the reply held back `holdMs`).
async function holdAtOrder(home, first, holdMs = 4000) {
  await addFault({ endpoint: 'save', kind: 'delay', delay_ms: holdMs, commit: true });
  const x = start(home, renewFor(first));
  const committed = await waitForOrders(sandbox.url, 1, 15000);
  assert.equal(committed.length, 1, 'X\'s order is committed, its reply held back');
  assert.ok(alive(x.child.pid), 'X is still waiting for its reply');
  return x;
}

describe('two copies at once', () => {
  test('renew --for B while renew --for A waits for its order\'s reply: B waits, then sends its own order', async () => {
    const home = makeHome('owner-wait');
    const [a, b] = users;
    const x = await holdAtOrder(home, a);
    const y = start(home, renewFor(b));
    const said = await y.waitForStderr(/is being sent by another RenewDesk \(renewdesk-cli, pid (\d+), started \d\d:\d\d\)/);
    assert.equal(Number(/pid (\d+)/.exec(said)[1]), x.child.pid, `Y names X's pid\n${said}`);
    const [rx, ry] = await Promise.all([x.done, y.done]);
    assert.equal(rx.code, 0, show(rx));
    assert.equal(ry.code, 0, show(ry));
    const log = await orderLog();
    assert.deepEqual(partnersOf(log), [a, b], `exactly one order per run\n${show(ry)}`);
    assert.equal(jsonOf(rx).orderNo, log[0].result.orderNo);
    assert.equal(jsonOf(ry).orderNo, log[1].result.orderNo, `Y reports its own order, not X's\n${show(ry)}`);
    assert.doesNotMatch(ry.stderr, /earlier order/, 'Y never adopted X\'s attempt');
    // Y says what became of X's order, from what X recorded.
    assert.match(ry.stderr, new RegExp(`the other RenewDesk's order \\(sent .*\\) was placed: order ${log[0].result.orderNo}`),
      show(ry));
  });

  test('renew --for B --no-wait while A\'s order is on its way: exit 6 (busy) at once, nothing sent for B', async () => {
    const home = makeHome('owner-nowait');
    const [a, b] = users;
    const x = await holdAtOrder(home, a);
    const ry = await cli(home, renewFor(b, ['--no-wait']));
    assert.equal(ry.code, BUSY, show(ry));
    assert.match(ry.stderr, /another RenewDesk \(renewdesk-cli, pid \d+/, show(ry));
    assert.ok(alive(x.child.pid), 'Y did not wait for X');
    const rx = await x.done;
    assert.equal(rx.code, 0, show(rx));
    assert.deepEqual(partnersOf(await orderLog()), [a], 'only X\'s order');
  });

  test('renew --resume while a batch runs: busy with --no-wait; waiting, it finds nothing left; no row twice', async () => {
    const home = makeHome('owner-batch');
    const targets = users.slice(0, 4);
    const input = writeCsv(home, 'list.csv', ['partnerId', ...targets]);
    await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true, nth: 2 });
    const batch = start(home, batchOf(input));
    assert.equal((await waitForOrders(sandbox.url, 2, 15000)).length, 2, 'row 2 committed, its reply held back');
    const busy = await cli(home, ['renew', '--resume', '--yes', '--no-wait']);
    assert.equal(busy.code, BUSY, show(busy));
    assert.match(busy.stderr, /a batch is being sent by another RenewDesk/, show(busy));
    const waiting = start(home, ['renew', '--resume', '--yes']);
    await waiting.waitForStderr(/a batch is being sent by another RenewDesk.*waiting/);
    const [rb, rw] = await Promise.all([batch.done, waiting.done]);
    assert.equal(rb.code, 0, show(rb));
    assert.equal(rw.code, 1, `the batch finished: nothing to resume\n${show(rw)}`);
    assert.match(rw.stderr, /no interrupted batch/, show(rw));
    const log = await orderLog();
    assert.deepEqual(partnersOf(log), targets, 'each row once');
  });
});

describe('no order without its journal', () => {
  test('the in-flight journal cannot be written: the order is refused, nothing sent (exit 2)', async () => {
    const home = makeHome('owner-unwritable');
    // A non-empty folder where the journal goes: rename(2) cannot replace it, even as root.
    mkdirSync(path.join(configFile(home, 'inflight-order.json'), 'in-the-way'), { recursive: true });
    const r = await cli(home, renewFor('myself'));
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /journal could not be written/, show(r));
    assert.equal((await orderLog()).length, 0, show(r));
  });

  test('the batch journal cannot be written: no row is sent (exit 2), the rows say why', async () => {
    const home = makeHome('owner-unwritable-batch');
    mkdirSync(path.join(home.journal, 'in-the-way'), { recursive: true });
    const input = writeCsv(home, 'list.csv', users.slice(0, 3));
    const r = await cli(home, batchOf(input));
    assert.equal(r.code, 2, show(r));
    assert.deepEqual(jsonOf(r).rows.map((row) => row.status), ['failed', 'skipped', 'skipped'], show(r));
    assert.match(r.stderr, /journal could not be written/, show(r));
    assert.equal((await orderLog()).length, 0, show(r));
  });
});

describe('command-line defects around journals', () => {
  test('renew --for B after A\'s run was killed at its POST: A is settled and said first, then B is renewed', async () => {
    const home = makeHome('owner-settle-first');
    const [a, b] = users;
    const x = await holdAtOrder(home, a, 5000);
    process.kill(x.child.pid, 'SIGKILL');
    assert.equal((await x.done).signal, 'SIGKILL');
    assert.ok(existsSync(configFile(home, 'inflight-order.json')), 'A\'s attempt is journaled');
    const history = watchWrites(configFile(home, 'recent-orders.json'));
    const r = await cli(home, renewFor(b, ['--settle-seconds', '1']));
    const writes = await history.count();
    history.stop();
    const log = await orderLog();
    assert.deepEqual(partnersOf(log), [a, b], `A once, and B's own order\n${show(r)}`);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stderr, new RegExp(`the earlier order was placed: order ${log[0].result.orderNo}`), show(r));
    assert.equal(jsonOf(r).orderNo, log[1].result.orderNo, `the receipt is B's\n${show(r)}`);
    assert.ok(!existsSync(configFile(home, 'inflight-order.json')), 'nothing left unresolved');
    const recorded = JSON.parse(readFileSync(configFile(home, 'recent-orders.json'), 'utf8')).orders;
    assert.deepEqual(recorded.map((e) => e.orderNo), log.map((o) => o.result.orderNo), 'A\'s order found, then B\'s');
    assert.equal(writes, 2, `recent-orders.json written once per order\n${show(r)}`);
  });

  test('renew --resume --from new.csv while another batch is journaled: usage error naming that batch', async () => {
    const home = makeHome('owner-other-batch');
    const targets = users.slice(0, 4);
    const input = writeCsv(home, 'first.csv', ['partnerId', ...targets]);
    await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 5000, commit: true, nth: 2 });
    const batch = start(home, batchOf(input));
    assert.equal((await waitForOrders(sandbox.url, 2, 15000)).length, 2);
    process.kill(batch.child.pid, 'SIGKILL');
    await batch.done;
    const other = writeCsv(home, 'new.csv', [users[10], users[11]]);
    const r = await cli(home, ['renew', '--resume', '--from', other, '--yes', '--billing', BILLING]);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /new\.csv is not the journaled batch \(4 rows: /, show(r));
    assert.match(r.stderr, new RegExp(targets[0]), show(r));
    assert.equal((await orderLog()).length, 2, 'nothing sent');
  });

  test('a batch naming a customer twice is refused with the lines, unless --allow-duplicates', async () => {
    const home = makeHome('owner-duplicates');
    const input = writeCsv(home, 'dup.csv', ['partnerId', users[0], 'myself', users[1], users[0], ',']); // ',': myself
    const r = await cli(home, batchOf(input));
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, new RegExp(`line 5: partnerId '${users[0]}' again \\(first on line 2\\)`), show(r));
    assert.match(r.stderr, /line 6: myself again \(first on line 3\)/, show(r));
    assert.equal((await orderLog()).length, 0);
    const allowed = await cli(home, batchOf(input, ['--allow-duplicates']));
    assert.equal(allowed.code, 0, show(allowed));
    assert.deepEqual(partnersOf(await orderLog()), [users[0], 'myself', users[1], users[0], 'myself']);
  });

  test('SIGTERM during a batch stops it like Ctrl+C: the order on its way finishes, no new row is sent', async () => {
    const home = makeHome('owner-sigterm');
    const targets = users.slice(0, 4);
    const input = writeCsv(home, 'list.csv', ['partnerId', ...targets]);
    await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 2000, commit: true, nth: 2 });
    const batch = start(home, batchOf(input));
    assert.equal((await waitForOrders(sandbox.url, 2, 15000)).length, 2);
    process.kill(batch.child.pid, 'SIGTERM');
    const r = await batch.done;
    assert.equal(r.signal, null, `not killed by the signal\n${show(r)}`);
    assert.equal(r.code, 2, `rows not sent: exit 2\n${show(r)}`);
    assert.match(r.stderr, /interrupted: no more rows are sent/, show(r));
    const log = await orderLog();
    assert.deepEqual(partnersOf(log), targets.slice(0, 2), 'row 2 finished, rows 3-4 not sent');
    const rows = jsonOf(r).rows;
    assert.deepEqual(rows.map((row) => row.status), ['placed', 'placed', 'skipped', 'skipped'], show(r));
    assert.equal(rows[1].orderNo, log[1].result.orderNo, 'the order on its way kept its receipt');
    const result = parseCsv(readFileSync(path.resolve(home.work, jsonOf(r).resultCsv), 'utf8'));
    assert.equal(result.length, 5, 'header and four rows in the result CSV');
    assert.ok(!existsSync(home.journal), 'every row has a known outcome: the journal is done');
  });
});
