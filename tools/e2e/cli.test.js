// renewdesk-cli end to end (issue 14): the command-line program against a real sandbox (API only),
// each run with its own XDG_CONFIG_HOME / HOME and working directory; listings human and --json (ids
// compared as the text written, never through JSON.parse), single renewals with the sandbox's order
// log checked byte for byte, reconciliation after faults, the secret kept out of every process,
// output and file, CSV batches with faults, terminal prompts through a pseudo-terminal, usage errors,
// and --resume after the program was killed with an order POST on its way.
//
//   cd tools/e2e && NODE_PATH=/usr/share/nodejs node --test --test-concurrency=1 cli.test.js
// runs build/native/bin/renewdesk-cli and renewdesk-sandbox (or those in $RENEWDESK_NATIVE_BIN);
// RENEWDESK_KEEP_TEMP=1 keeps each run's temporary HOME (printed in a failure's message paths).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { control, root, tutorialBodyForMyself, waitForOrders, withoutGeneratedReference, withoutTopLevelMember } from './harness.js';
import { alive, apiGetText, cliCommandLine, CLIENT_ID, cliEnv, cliSandbox, descendants, exeName, filesUnder, JsonNumber, makeHome, makeTestPki, parseCsv, parseExact, procText, runCli, SECRET, startCli, startOnPty, startTlsProxy } from './cli_harness.js';

const BILLING = '3197218168379846218';
const BILLING_MAX = '9223372036854775807'; // INT64_MAX
const PLAN = '3049036224189325312';
const TRIAL_PLAN = '9223372036854775783';

// The fixtures' ids are JSON strings there (users, contacts): JSON.parse keeps them exact.
const fixtureUsers = JSON.parse(readFileSync(path.join(root, 'tools/sandbox/fixtures/users.json'), 'utf8'));
const fixtureContacts = JSON.parse(readFileSync(path.join(root, 'tools/sandbox/fixtures/billing_contacts.json'), 'utf8'));
const numericUsers = fixtureUsers.filter((u) => /^\d+$/.test(u.partnerId)); // 20 subordinate users
const userById = new Map(fixtureUsers.map((u) => [u.partnerId, u]));

const sandbox = cliSandbox();

const cli = (home, args, options = {}) => runCli(['--base-url', sandbox.url, ...args], { home, ...options });
const orderLog = () => control(sandbox.url, 'GET', '/__sandbox/orders');
const addFault = async (spec) => {
  const reply = await control(sandbox.url, 'POST', '/__sandbox/faults', spec);
  assert.ok(reply && reply.faults, `the sandbox took the fault ${JSON.stringify(spec)}: ${JSON.stringify(reply)}`);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// What a run did, for assertion messages.
const show = (r) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;

// The subordinate user an order body names (null: the partner itself).
function partnerOf(body) {
  const match = /"partnerId"\s*:\s*"([^"]*)"/.exec(body);
  return match ? match[1] : null;
}

// Lines without their leading whitespace: the review may indent the body it shows.
const unindented = (text) => text.split('\n').map((line) => line.trim()).join('\n');

// A --json document: strict, one document, numbers kept as text.
function jsonOf(r) {
  try {
    return parseExact(r.stdout);
  } catch (e) {
    assert.fail(`stdout is not one JSON document (${e.message})\n${show(r)}`);
  }
}

// An id member written as a JSON string holding exactly `id`.
const idAsText = (name, id) => new RegExp(`"${name}"\\s*:\\s*"${id}"`);

function assertIdString(value, id, what) {
  assert.ok(!(value instanceof JsonNumber), `${what} must be a JSON string, not the number ${value}`);
  assert.equal(value, id, what);
}

// Writes a batch CSV into the run's working directory.
function writeCsv(home, name, lines) {
  const file = path.join(home.work, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// The result CSV: header and rows as objects.
function readResultCsv(file) {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  assert.deepEqual(rows[0], ['partnerId', 'company', 'orderNo', 'status', 'requestId'], `the header of ${file}`);
  return rows.slice(1).filter((r) => !(r.length === 1 && r[0] === ''))
    .map(([partnerId, company, orderNo, status, requestId]) => ({ partnerId, company, orderNo, status, requestId }));
}

// The result CSV written without --result: <input>.result.csv beside the input, read as either
// "stem.result.csv" or "name.csv.result.csv".
function defaultResultCsv(input) {
  const candidates = [input.replace(/\.csv$/, '') + '.result.csv', `${input}.result.csv`];
  const found = candidates.find((file) => existsSync(file));
  assert.ok(found, `a result CSV beside the input: ${candidates.join(' or ')}`);
  return found;
}

// The sandbox's order log as partnerId -> [orders].
function ordersByPartner(log) {
  const map = new Map();
  for (const order of log) {
    const id = partnerOf(order.body) ?? 'myself';
    map.set(id, [...(map.get(id) || []), order]);
  }
  return map;
}

// Every file under the run's HOME (XDG_CONFIG_HOME and the working directory are inside it).
function assertNoSecretInFiles(home, secret = SECRET) {
  const files = filesUnder(home.dir);
  for (const { file, text } of files) assert.ok(!text.includes(secret), `the secret is in ${file}:\n${text}`);
  return files;
}

// ---------------------------------------------------------------------------------------------------
describe('1. listings against the sandbox, human and --json', () => {
  test('users: every fixture user; --json has the sandbox\'s count, ids as text and the API\'s fields', async () => {
    const home = makeHome('users');
    const info = await control(sandbox.url, 'GET', '/__sandbox/info');
    assert.equal(info.users, fixtureUsers.length);

    const human = await cli(home, ['users']);
    assert.equal(human.code, 0, show(human));
    for (const u of fixtureUsers) assert.ok(human.stdout.includes(u.partnerId), `${u.partnerId} listed\n${show(human)}`);

    const r = await cli(home, ['--json', 'users']);
    assert.equal(r.code, 0, show(r));
    const doc = jsonOf(r);
    assert.ok(Array.isArray(doc.users), show(r));
    assert.equal(doc.users.length, info.users, 'users count equals the sandbox fixture count');
    const fields = ['partnerId', 'company', 'email', 'firstName', 'lastName', 'userType', 'country', 'city', 'phoneNumber'];
    for (const listed of doc.users) {
      assert.ok(!(listed.partnerId instanceof JsonNumber), `partnerId written as a number: ${listed.partnerId}`);
      const fixture = userById.get(listed.partnerId);
      assert.ok(fixture, `a listed partnerId the sandbox does not have: ${listed.partnerId}`);
      for (const f of fields) assert.equal(listed[f], fixture[f], `${f} of ${listed.partnerId}`);
    }
    assert.deepEqual(doc.users.map((u) => u.partnerId).sort(), fixtureUsers.map((u) => u.partnerId).sort());
    assert.match(r.stdout, idAsText('partnerId', '9223372036854775001'));
  });

  test('users --search: Chinese, Greek and Cyrillic names, case-insensitive', async () => {
    const home = makeHome('search');
    const found = async (text) => {
      const r = await cli(home, ['--json', 'users', '--search', text]);
      assert.equal(r.code, 0, show(r));
      return jsonOf(r).users.map((u) => u.partnerId).sort();
    };
    assert.deepEqual(await found('海港'), ['5764607523034234881']);
    assert.deepEqual(await found('Αθηνών'.toUpperCase()), ['4611686018427391005'], 'ΑΘΗΝΏΝ finds Αθηνών');
    assert.deepEqual(await found('τηλεπικοινωνίες'), ['4611686018427391005'], 'τηλεπικοινωνίες finds Τηλεπικοινωνίες');
    assert.deepEqual(await found('СИБИРСКАЯ'), ['4611686018427391006'], 'СИБИРСКАЯ finds Сибирская');
    assert.deepEqual(await found('ђердап'), ['4611686018427391007'], 'ђердап finds Ђердап');
    assert.deepEqual(await found('zz-nobody-has-this-zz'), []);

    const human = await cli(home, ['users', '--search', '海港']);
    assert.equal(human.code, 0, show(human));
    assert.ok(human.stdout.includes('5764607523034234881'), show(human));
    assert.ok(human.stdout.includes('海港通信有限公司'), show(human));
    assert.ok(!human.stdout.includes('9223372036854775001'), `another user listed\n${show(human)}`);
  });

  test('plans: the renewal plan marked preferred, ids as text', async () => {
    const home = makeHome('plans');
    const r = await cli(home, ['--json', 'plans']);
    assert.equal(r.code, 0, show(r));
    const { plans } = jsonOf(r);
    assert.ok(Array.isArray(plans) && plans.length >= 1, show(r));
    for (const p of plans) assert.ok(!(p.planId instanceof JsonNumber), `planId written as a number: ${p.planId}`);
    const renew = plans.find((p) => p.planId === PLAN);
    assert.ok(renew, `plan ${PLAN} listed\n${show(r)}`);
    assert.equal(renew.name, 'Remote Management Account');
    assert.equal(renew.purchaseType, 'renew');
    assert.equal(renew.billingCycle, 'annually');
    assert.equal(renew.price, '99.00');
    assert.equal(renew.currency, 'USD');
    assert.equal(renew.preferred, true);
    assert.deepEqual(plans.filter((p) => p.preferred === true).map((p) => p.planId), [PLAN], 'one preferred plan');
    for (const p of plans) assert.equal(typeof p.preferred, 'boolean');
    const trial = plans.find((p) => p.planId === TRIAL_PLAN);
    if (trial) assert.equal(trial.preferred, false);
    assert.match(r.stdout, idAsText('planId', PLAN));

    const human = await cli(home, ['plans']);
    assert.equal(human.code, 0, show(human));
    const line = human.stdout.split('\n').find((l) => l.includes(PLAN));
    assert.ok(line, show(human));
    // How the preferred plan is marked is not spelled out: a word or a sign on its line.
    const marker = /preferred|recommended|default|\*|✓|✔|←/i.exec(line);
    assert.ok(marker, `the preferred plan's line is marked: ${line}`);
    const trialLine = human.stdout.split('\n').find((l) => l.includes(TRIAL_PLAN));
    if (trialLine) assert.ok(!trialLine.toLowerCase().includes(marker[0].toLowerCase()), `the trial plan is not marked: ${trialLine}`);
  });

  test('contacts: both billing contacts with the API\'s fields, ids as text', async () => {
    const home = makeHome('contacts');
    const r = await cli(home, ['--json', 'contacts']);
    assert.equal(r.code, 0, show(r));
    const { contacts } = jsonOf(r);
    assert.equal(contacts.length, fixtureContacts.length, show(r));
    const fields = ['billingContactId', 'firstName', 'lastName', 'company', 'emailAddress', 'country', 'city'];
    for (const fixture of fixtureContacts) {
      const listed = contacts.find((c) => c.billingContactId === fixture.billingContactId);
      assert.ok(listed, `${fixture.billingContactId} listed as text\n${show(r)}`);
      for (const f of fields) assert.equal(listed[f], fixture[f], `${f} of ${fixture.billingContactId}`);
    }
    assert.match(r.stdout, idAsText('billingContactId', BILLING_MAX));
    assert.match(r.stdout, idAsText('billingContactId', BILLING));

    const human = await cli(home, ['contacts']);
    assert.equal(human.code, 0, show(human));
    for (const c of fixtureContacts) assert.ok(human.stdout.includes(c.billingContactId), show(human));
    assert.ok(human.stdout.includes('Edge Case Accounting'), show(human));
  });

  test('orders lists a new order first; order ID shows the API\'s result verbatim', async () => {
    const home = makeHome('orders');
    await control(sandbox.url, 'POST', '/__sandbox/seed_orders', { count: 3, age_s: 3600 });
    const placed = await cli(home, ['renew', '--for', 'myself', '--billing', BILLING, '--yes']);
    assert.equal(placed.code, 0, show(placed));
    const [order] = await orderLog();
    const { orderId, orderNo } = order.result;

    const human = await cli(home, ['orders']);
    assert.equal(human.code, 0, show(human));
    const listedNos = human.stdout.match(/MK\d+/g) || [];
    assert.equal(listedNos.length, 4, `4 orders listed\n${show(human)}`);
    assert.equal(listedNos[0], orderNo, `the new order first\n${show(human)}`);

    const r = await cli(home, ['--json', 'orders']);
    assert.equal(r.code, 0, show(r));
    const doc = jsonOf(r);
    assert.equal(doc.orders.length, 4, show(r));
    assertIdString(doc.orders[0].id, orderId, 'the first order\'s id');
    assert.equal(doc.orders[0].orderNo, orderNo);
    assert.equal(doc.orders[0].orderStatus, 'succeed');
    assert.equal(doc.orders[0].currencyCode, 'USD');
    assert.ok('createTime' in doc.orders[0] && 'customReferenceNo' in doc.orders[0], show(r));
    assert.equal(String(doc.total), '4');
    assert.match(r.stdout, idAsText('id', orderId));

    const one = await cli(home, ['order', orderId]);
    assert.equal(one.code, 0, show(one));
    assert.ok(one.stdout.includes(orderNo), show(one));

    const oneJson = await cli(home, ['--json', 'order', orderId]);
    assert.equal(oneJson.code, 0, show(oneJson));
    const api = parseExact(await apiGetText(sandbox.url, `/order/openapi/order/v1/get/${orderId}`));
    assert.deepEqual(jsonOf(oneJson), { order: api.result }, 'order --json is {"order": the API\'s result}');
    assert.match(oneJson.stdout, idAsText('id', orderId));

    // An order the API does not know: its error envelope on stderr (code, detailMessage, requestId).
    const missing = await cli(home, ['order', '1']);
    assert.notEqual(missing.code, 0, show(missing));
    assert.match(missing.stderr, /^renewdesk-cli: /m, show(missing));
    assert.ok(missing.stderr.includes('not_found'), show(missing));
    assert.ok(missing.stderr.includes('No order has the id or order number 1'), show(missing));
    assert.match(missing.stderr, /[0-9a-f]{32}/, `the requestId on stderr\n${show(missing)}`);
  });

  test('orders --status and --page', async () => {
    const home = makeHome('orders-pages');
    await control(sandbox.url, 'POST', '/__sandbox/seed_orders', { count: 30, age_s: 3600 });
    await addFault({ endpoint: 'save', kind: 'order_status', orderStatus: 'pending' });
    const pending = await cli(home, ['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--yes']);
    assert.equal(pending.code, 0, `a pending order is placed: exit 0\n${show(pending)}`);
    assert.equal(jsonOf(pending).outcome, 'pending', show(pending));
    const [order] = await orderLog();

    const r = await cli(home, ['--json', 'orders', '--status', 'pending']);
    assert.equal(r.code, 0, show(r));
    const listed = jsonOf(r).orders;
    assert.ok(listed.length >= 1, show(r));
    for (const o of listed) assert.equal(o.orderStatus, 'pending', `only pending orders\n${show(r)}`);
    assert.ok(listed.some((o) => o.id === order.result.orderId), show(r));

    const page1 = await cli(home, ['--json', 'orders', '--page', '1']);
    const page2 = await cli(home, ['--json', 'orders', '--page', '2']);
    assert.equal(page1.code, 0, show(page1));
    assert.equal(page2.code, 0, show(page2));
    const ids1 = jsonOf(page1).orders.map((o) => o.id);
    const ids2 = jsonOf(page2).orders.map((o) => o.id);
    assert.ok(ids1.length > 0 && ids2.length > 0, `${show(page1)}\n${show(page2)}`);
    assert.equal(ids1[0], order.result.orderId, 'page 1 starts with the newest order');
    assert.deepEqual(ids1.filter((id) => ids2.includes(id)), [], 'pages 1 and 2 are different orders');
    // "total" is not defined further by the contract: the API's total (31) or the number listed (6 on
    // page 2 of 31, what the program writes) both read as "total"; it must at least count those listed.
    const total2 = jsonOf(page2).total;
    assert.ok(total2 instanceof JsonNumber && /^\d+$/.test(total2.text), `total is an integer: ${total2}`);
    assert.ok(Number(total2.text) >= ids2.length, `total ${total2} counts at least the ${ids2.length} listed`);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('2. renew one order', () => {
  test('renew --for myself --yes sends the tutorial body, byte for byte, once; shows the review and receipt', async () => {
    const home = makeHome('renew');
    const r = await cli(home, ['renew', '--for', 'myself', '--billing', BILLING, '--yes']);
    assert.equal(r.code, 0, show(r));
    const log = await orderLog();
    assert.equal(log.length, 1, `exactly one order\n${show(r)}`);
    assert.equal(withoutGeneratedReference(log[0].body), tutorialBodyForMyself);
    assert.ok(unindented(r.stdout).includes(unindented(log[0].body)), `the review shows the exact body\n${show(r)}`);
    assert.ok(r.stdout.includes(log[0].result.orderNo), `the receipt shows the order number\n${show(r)}`);
  });

  test('renew --po PO-1 --json: the body plus poNumber; the receipt as JSON with ids as text', async () => {
    const home = makeHome('renew-po');
    const r = await cli(home, ['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--po', 'PO-1', '--yes']);
    assert.equal(r.code, 0, show(r));
    const log = await orderLog();
    assert.equal(log.length, 1, show(r));
    const { body, result } = log[0];
    assert.equal(body.split('"poNumber": "PO-1"').length, 2, `one poNumber member in ${body}`);
    assert.equal(withoutTopLevelMember(body, '"poNumber": "PO-1"'), tutorialBodyForMyself);

    const doc = jsonOf(r);
    assert.equal(doc.outcome, 'placed');
    assert.equal(doc.orderNo, result.orderNo);
    assertIdString(doc.orderId, result.orderId, 'orderId');
    assert.equal(doc.orderStatus, 'succeed');
    assert.match(String(doc.requestId), /^[0-9a-f]{32}$/, 'the save reply\'s requestId');
    assert.deepEqual(doc.body, parseExact(body), 'the JSON\'s body is the body sent');
    assert.match(r.stdout, /"billingId"\s*:\s*3197218168379846218\b/);
    assert.match(r.stdout, /"serviceId"\s*:\s*3049036224189325312\b/);
    assert.match(r.stdout, idAsText('orderId', result.orderId));
  });

  test('renew --for a subordinate user with --plan and the INT64_MAX billing contact', async () => {
    const home = makeHome('renew-partner');
    const r = await cli(home, ['--json', 'renew', '--for', '4611686018427391005', '--plan', PLAN, '--billing', BILLING_MAX, '--yes']);
    assert.equal(r.code, 0, show(r));
    const log = await orderLog();
    assert.equal(log.length, 1, show(r));
    assert.match(log[0].body, /"partnerId": "4611686018427391005"/);
    assert.match(log[0].body, /"billingId": 9223372036854775807,/);
    assert.match(log[0].body, /"serviceId": 3049036224189325312,/);
    assert.match(r.stdout, /"billingId"\s*:\s*9223372036854775807\b/);
  });

  test('an order the API refuses (400 envelope): exit 2, nothing placed, code, detailMessage and requestId on stderr', async () => {
    const home = makeHome('renew-refused');
    await addFault({ endpoint: 'save', kind: 'api_error', status: 400, code: 'insufficient_balance', detailMessage: 'Not enough credit' });
    const r = await cli(home, ['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1']);
    assert.equal(r.code, 2, show(r));
    assert.equal((await orderLog()).length, 0);
    assert.equal(jsonOf(r).outcome, 'failed', show(r));
    assert.match(r.stderr, /^renewdesk-cli: /m, show(r));
    assert.ok(r.stderr.includes('insufficient_balance'), show(r));
    assert.ok(r.stderr.includes('Not enough credit'), show(r));
    assert.match(r.stderr, /[0-9a-f]{32}/, `the requestId on stderr\n${show(r)}`);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('3. outcome unknown is reconciled, never resent', () => {
  test('commit_then_drop: the order is found in the order list → exit 0 with that order, one order in the log', async () => {
    const home = makeHome('reconcile-found');
    await addFault({ endpoint: 'save', kind: 'commit_then_drop' });
    const r = await cli(home, ['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1']);
    const log = await orderLog();
    assert.equal(log.length, 1, `exactly one order, never resent\n${show(r)}`);
    assert.notEqual(r.code, 2, `a committed order must never be reported as "nothing placed"\n${show(r)}`);
    assert.equal(r.code, 0, `found → exit 0\n${show(r)}`);
    const doc = jsonOf(r);
    assert.equal(doc.outcome, 'placed', show(r));
    assert.equal(doc.orderNo, log[0].result.orderNo, 'the order found is the one committed');
    assertIdString(doc.orderId, log[0].result.orderId, 'orderId of the order found');
  });

  test('commit_then_drop, human output: the receipt names the order found', async () => {
    const home = makeHome('reconcile-found-human');
    await addFault({ endpoint: 'save', kind: 'commit_then_drop' });
    const r = await cli(home, ['renew', '--for', 'myself', '--billing', BILLING, '--po', 'PO-77', '--yes', '--settle-seconds', '1']);
    const log = await orderLog();
    assert.equal(log.length, 1, show(r));
    assert.equal(r.code, 0, show(r));
    assert.ok(r.stdout.includes(log[0].result.orderNo), show(r));
  });

  test('the API lists orders oldest first, createTime in seconds: found all the same, and orders lists it first', async () => {
    const home = makeHome('reconcile-oldest');
    await control(sandbox.url, 'POST', '/__sandbox/config', { orderSort: 'oldest', orderTimeUnit: 's' });
    try {
      await control(sandbox.url, 'POST', '/__sandbox/seed_orders', { count: 60, age_s: 3600 });
      await addFault({ endpoint: 'save', kind: 'commit_then_drop' });
      const r = await cli(home, ['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1']);
      const log = await orderLog();
      assert.equal(log.length, 1, show(r));
      assert.equal(r.code, 0, show(r));
      assert.equal(jsonOf(r).orderNo, log[0].result.orderNo, show(r));
      const listed = await cli(home, ['--json', 'orders']);
      assert.equal(listed.code, 0, show(listed));
      const { orders } = jsonOf(listed);
      assert.equal(orders.length, 61, show(listed));
      assertIdString(orders[0].id, log[0].result.orderId, 'the newest order first whatever the API\'s sort');
    } finally {
      await control(sandbox.url, 'POST', '/__sandbox/config', { orderSort: 'newest', orderTimeUnit: 'ms' });
    }
  });

  test('every way an order reply can fail: the log and the exit code agree, nothing resent, redirects not followed', async (t) => {
    const home = makeHome('fault-table');
    const saveUrl = `${sandbox.url}/order/openapi/order/v1/save`;
    // [fault, orders committed, exit code]
    const table = [
      [{ kind: 'truncated' }, 1, 0],
      [{ kind: 'reset_mid_body' }, 1, 0],
      [{ kind: 'html', commit: true }, 1, 0],
      [{ kind: 'malformed', commit: true }, 1, 0],
      [{ kind: 'http_status', status: 500, commit: true }, 1, 0],
      [{ kind: 'http_status', status: 503 }, 0, 2],
      [{ kind: 'html' }, 0, 2],
      [{ kind: 'rate_limited', retry_after_s: 1 }, 0, 2],
      [{ kind: 'redirect', status: 307, location: saveUrl }, 0, 2],
      [{ kind: 'api_error', status: 422, code: 'unprocessable', detailMessage: 'No' }, 0, 2],
      [{ kind: 'delay', delay_ms: 400 }, 1, 0],
    ];
    const wrong = [];
    for (const [spec, committed, exit] of table) {
      await control(sandbox.url, 'POST', '/__sandbox/reset');
      await addFault({ endpoint: 'save', ...spec });
      const r = await cli(home, ['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1'],
        { timeoutMs: 30000 });
      await sleep(100);
      const log = await orderLog();
      let outcome = '?';
      try { outcome = parseExact(r.stdout).outcome; } catch {}
      const line = `${JSON.stringify(spec)}: ${log.length} order(s), exit ${r.code}, outcome ${outcome}`;
      t.diagnostic(line);
      if (log.length !== committed || r.code !== exit) wrong.push(`${line} (expected ${committed} order(s), exit ${exit})\n${r.stderr}`);
    }
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });

  test('drop (nothing committed): ruled out after the settle time → exit 2, no order', async () => {
    const home = makeHome('reconcile-none');
    await addFault({ endpoint: 'save', kind: 'drop' });
    const started = Date.now();
    const r = await cli(home, ['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1']);
    assert.equal(r.code, 2, show(r));
    assert.equal(jsonOf(r).outcome, 'failed', show(r));
    assert.ok(Date.now() - started >= 1000, 'no order is believed before the settle time');
    await sleep(300);
    assert.equal((await orderLog()).length, 0, 'never resent');
  });

  test('the order list cannot be read either → outcome unknown, exit 3, one order, never resent', async () => {
    const home = makeHome('reconcile-unknown');
    await addFault([{ endpoint: 'save', kind: 'commit_then_drop' },
      { endpoint: 'page', kind: 'http_status', status: 503, count: -1 }]);
    const r = await cli(home, ['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1'],
      { timeoutMs: 20000 });
    assert.equal(r.code, 3, show(r));
    assert.equal(jsonOf(r).outcome, 'unknown', show(r));
    assert.equal((await orderLog()).length, 1);
    // Whatever it keeps for the next run (an in-flight journal) holds no secret.
    assertNoSecretInFiles(home);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('4. the secret never appears', () => {
  // Checks a running CLI's command line (and, when `environToo`, its environment) while it waits.
  async function watchRunning(pid, environToo) {
    let seen = false;
    for (let i = 0; i < 100 && alive(pid); i++) {
      const cmdline = procText(pid, 'cmdline');
      if (cmdline !== null) {
        seen = true;
        assert.ok(!cmdline.includes(SECRET), `the secret is in the command line: ${cmdline}`);
        if (environToo) {
          const environ = procText(pid, 'environ');
          if (environ !== null) assert.ok(!environ.includes(SECRET), 'the secret is in the environment');
        }
      }
      await sleep(20);
    }
    return seen;
  }

  test('secret in the environment: not in the command line, the output or any file', async () => {
    const home = makeHome('secret-env');
    await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 1500 });
    const { child, done } = startCli(['--base-url', sandbox.url, 'renew', '--for', 'myself', '--billing', BILLING, '--yes'],
      { home });
    assert.ok(await watchRunning(child.pid, false), 'the CLI was seen running');
    const r = await done;
    assert.equal(r.code, 0, show(r));
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), show(r));
    assertNoSecretInFiles(home);
  });

  test('--secret-stdin: not in the command line, the environment, the output or any file', async () => {
    const home = makeHome('secret-stdin');
    await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 1500 });
    const env = cliEnv(home, { credentials: false, extra: { RENEWDESK_CLIENT_ID: CLIENT_ID } });
    const { child, done } = startCli(['--base-url', sandbox.url, '--secret-stdin', 'renew', '--for', 'myself', '--billing', BILLING,
      '--yes'], { home, env, input: `${SECRET}\n` });
    assert.ok(await watchRunning(child.pid, true), 'the CLI was seen running');
    const r = await done;
    assert.equal(r.code, 0, show(r));
    assert.equal((await orderLog()).length, 1);
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), show(r));
    assertNoSecretInFiles(home);
  });

  test('--sandbox: the sandbox it starts has the secret neither in its environment nor its command line', async (t) => {
    const home = makeHome('secret-sandbox');
    const term = startOnPty(cliCommandLine(['--sandbox', 'renew', '--for', 'myself', '--billing', BILLING]), { home });
    try {
      await term.expect(/Send this order\? \[y\/N\] $/);
      const procs = descendants(term.child.pid);
      const cliPid = procs.find((p) => exeName(p) === 'renewdesk-cli');
      const sandboxPid = procs.find((p) => exeName(p) === 'renewdesk-sandbox');
      assert.ok(cliPid, `the CLI runs under script: ${procs.map((p) => `${p}:${exeName(p)}`)}`);
      assert.ok(sandboxPid, `--sandbox started a renewdesk-sandbox: ${procs.map((p) => `${p}:${exeName(p)}`)}`);
      // Not asserted (Linux keeps the initial environment block in /proc/<pid>/environ even after
      // unsetenv): whether the CLI also wiped the secret's bytes there once it had read it.
      const cliEnviron = procText(cliPid, 'environ');
      t.diagnostic(`the CLI's /proc/<pid>/environ at the question ${cliEnviron && cliEnviron.includes(SECRET) ? 'still holds' : 'does not hold'} the secret`);
      const cliCmdline = procText(cliPid, 'cmdline');
      assert.ok(cliCmdline !== null && !cliCmdline.includes(SECRET), `CLI command line: ${cliCmdline}`);
      const sandboxCmdline = procText(sandboxPid, 'cmdline');
      assert.ok(sandboxCmdline !== null && !sandboxCmdline.includes(SECRET), `sandbox command line: ${sandboxCmdline}`);
      const sandboxEnviron = procText(sandboxPid, 'environ');
      assert.ok(sandboxEnviron !== null, 'the sandbox\'s environment is readable');
      assert.ok(!sandboxEnviron.includes(SECRET), 'the secret is in the environment of the sandbox the CLI started');
      assert.ok(!/RENEWDESK_CLIENT_SECRET=/.test(sandboxEnviron), 'RENEWDESK_CLIENT_SECRET is passed on to the sandbox');
      await term.type('n\r');
      const { code, output } = await term.done;
      assert.equal(code, 2, `answered n: nothing placed\n${output}`);
      assert.ok(!output.includes(SECRET), `the terminal showed the secret:\n${output}`);
      assertNoSecretInFiles(home);
      // Beyond the letter of the contract: the sandbox it started does not outlive it.
      for (let i = 0; i < 100 && alive(sandboxPid) && exeName(sandboxPid) === 'renewdesk-sandbox'; i++) await sleep(20);
      const leftOver = alive(sandboxPid) && exeName(sandboxPid) === 'renewdesk-sandbox';
      if (leftOver) process.kill(sandboxPid, 'SIGKILL');
      assert.ok(!leftOver, 'the sandbox started by --sandbox is stopped when the CLI exits');
    } finally {
      term.kill();
    }
  });
});

// ---------------------------------------------------------------------------------------------------
describe('5. ids above 2^53 in --json are the text received', () => {
  test('billingContactId, planId, partnerId, order id, orderId and the body\'s ids', async () => {
    const home = makeHome('ids');
    const contacts = await cli(home, ['--json', 'contacts']);
    assert.match(contacts.stdout, idAsText('billingContactId', '9223372036854775807'), show(contacts));
    assert.doesNotMatch(contacts.stdout, /9223372036854775808|9223372036854776000|9.223372036854776e\+?18/i);
    const plans = await cli(home, ['--json', 'plans']);
    assert.match(plans.stdout, idAsText('planId', '3049036224189325312'), show(plans));
    assert.doesNotMatch(plans.stdout, /3049036224189325000|3049036224189325300\b/);
    const users = await cli(home, ['--json', 'users']);
    for (const id of ['9223372036854775001', '3076915454489739265', '5764607523034234881', '1152921504606846977', '4611686018427391015']) {
      assert.match(users.stdout, idAsText('partnerId', id), `${id}\n${show(users)}`);
    }
    const renew = await cli(home, ['--json', 'renew', '--for', '3076915454489739265', '--billing', BILLING_MAX, '--yes']);
    assert.equal(renew.code, 0, show(renew));
    const [order] = await orderLog();
    assert.ok(BigInt(order.result.orderId) > 2n ** 53n, 'the sandbox\'s order ids are above 2^53');
    assert.match(renew.stdout, idAsText('orderId', order.result.orderId), show(renew));
    assert.match(renew.stdout, /"billingId"\s*:\s*9223372036854775807\b/);
    assert.match(renew.stdout, /"partnerId"\s*:\s*"3076915454489739265"/);
    const orders = await cli(home, ['--json', 'orders']);
    assert.match(orders.stdout, idAsText('id', order.result.orderId), show(orders));
    const one = await cli(home, ['--json', 'order', order.result.orderId]);
    assert.match(one.stdout, idAsText('id', order.result.orderId), show(one));
    assert.match(one.stdout, idAsText('partnerId', '3076915454489739265'), show(one));
  });
});

describe('5b. hostile replies', () => {
  test('names that are not UTF-8: --json stays one valid UTF-8 document; ids that are not 64-bit integers are never invented', async () => {
    const home = makeHome('hostile');
    await addFault({ endpoint: 'partner_list', kind: 'invalid_utf8' });
    const users = await cli(home, ['--json', 'users']);
    assert.equal(users.code, 0, show(users));
    assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(users.stdoutBytes), 'stdout is valid UTF-8');
    const listed = jsonOf(users).users;
    assert.equal(listed.length, fixtureUsers.length);
    assert.ok(listed.some((u) => u.company.includes('\ufffd')), 'the bytes that are not UTF-8 became U+FFFD');
    assert.deepEqual(listed.map((u) => u.partnerId).sort(), fixtureUsers.map((u) => u.partnerId).sort());

    for (const number of ['1e3', '-0', '18446744073709551616']) {
      await addFault({ endpoint: 'billing_contact_list', kind: 'odd_numbers', number });
      const r = await cli(home, ['--json', 'contacts']);
      const { contacts } = jsonOf(r);
      for (const c of contacts) {
        assert.ok(fixtureContacts.some((f) => f.billingContactId === c.billingContactId),
          `${number}: an id the API did not send as a 64-bit integer became ${c.billingContactId}\n${show(r)}`);
      }
      assert.ok(contacts.length === 0 ? r.stderr.includes('renewdesk-cli: ') : true, `${number}: the contacts left out are mentioned\n${show(r)}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
describe('6. CSV batches of 20 subordinate users', () => {
  test('one order refused (api_error on the 7th POST): that row failed, 19 placed once each, exit 2, result CSV', async () => {
    const home = makeHome('batch-refused');
    const input = writeCsv(home, 'batch.csv', ['partnerId', ...numericUsers.map((u) => u.partnerId)]);
    const refusedRow = 6; // 0-based: the 7th row
    await addFault({ endpoint: 'save', kind: 'api_error', status: 400, code: 'insufficient_balance',
      detailMessage: 'Not enough credit', nth: 7 });
    const resultFile = path.join(home.work, 'result.csv');
    const r = await cli(home, ['renew', '--from', input, '--billing', BILLING, '--yes', '--result', resultFile, '--settle-seconds', '1']);
    assert.equal(r.code, 2, `the worst row failed: exit 2\n${show(r)}`);

    const log = await orderLog();
    assert.equal(log.length, 19, show(r));
    assert.deepEqual(log.map((o) => partnerOf(o.body)), numericUsers.filter((_, i) => i !== refusedRow).map((u) => u.partnerId),
      'sent one by one in the input\'s order');
    const byPartner = ordersByPartner(log);
    numericUsers.forEach((u, i) => {
      const count = (byPartner.get(u.partnerId) || []).length;
      assert.equal(count, i === refusedRow ? 0 : 1, `orders for row ${i + 1} (${u.partnerId})`);
    });
    for (const order of log) assert.match(order.body, /"billingId": 3197218168379846218,/);

    // One output line per row, in order (the review before them may name some targets too): the lines
    // that give a row's outcome.
    const outcomeLines = r.stdout.split('\n').filter((l) => /\b(placed|failed|pending|unknown)\b/.test(l) &&
      numericUsers.some((u) => l.includes(u.partnerId)));
    assert.equal(outcomeLines.length, 20, `20 outcome lines\n${show(r)}`);
    outcomeLines.forEach((line, i) => assert.ok(line.includes(numericUsers[i].partnerId), `line ${i + 1}: ${line}`));
    // The refused row's line (or stderr) carries the API's code, detailMessage and requestId.
    const refusedText = `${outcomeLines[refusedRow]}\n${r.stderr}`;
    assert.match(outcomeLines[refusedRow], /\bfailed\b/, outcomeLines[refusedRow]);
    assert.ok(refusedText.includes('insufficient_balance') && refusedText.includes('Not enough credit'), show(r));
    assert.match(refusedText, /[0-9a-f]{32}/, show(r));

    const rows = readResultCsv(resultFile);
    assert.equal(rows.length, 20);
    rows.forEach((row, i) => {
      const u = numericUsers[i];
      assert.equal(row.partnerId, u.partnerId, `row ${i + 1} in input order`);
      assert.equal(row.company, u.company, `row ${i + 1}'s company`);
      if (i === refusedRow) {
        assert.equal(row.status, 'failed');
        assert.equal(row.orderNo, '');
      } else {
        assert.equal(row.status, 'placed', `row ${i + 1}`);
        assert.equal(row.orderNo, byPartner.get(u.partnerId)[0].result.orderNo, `row ${i + 1}'s orderNo`);
        assert.match(row.requestId, /^[0-9a-f]{32}$/, `row ${i + 1}'s requestId`);
      }
    });
    assert.ok(!existsSync(home.journal), 'the journal is gone once the batch has finished');
  });

  test('commit_then_drop on the 5th POST: stops at unknown, finds it, goes on with --yes; 20 orders once each, exit 0', async () => {
    const home = makeHome('batch-unknown');
    // A header naming the plan column, and a plan id on every third row.
    const lines = ['partnerId,planId', ...numericUsers.map((u, i) => (i % 3 === 0 ? `${u.partnerId},${PLAN}` : u.partnerId))];
    const input = writeCsv(home, 'renewals.csv', lines);
    await addFault({ endpoint: 'save', kind: 'commit_then_drop', nth: 5 });
    const r = await cli(home, ['--json', 'renew', '--from', input, '--billing', BILLING, '--yes', '--settle-seconds', '1']);
    const log = await orderLog();
    assert.equal(log.length, 20, `20 orders, none resent\n${show(r)}`);
    assert.deepEqual(log.map((o) => partnerOf(o.body)), numericUsers.map((u) => u.partnerId), 'sent one by one in the input\'s order');
    const byPartner = ordersByPartner(log);
    for (const u of numericUsers) assert.equal((byPartner.get(u.partnerId) || []).length, 1, `one order for ${u.partnerId}`);
    assert.equal(r.code, 0, show(r));

    const doc = jsonOf(r);
    assert.equal(doc.rows.length, 20, show(r));
    doc.rows.forEach((row, i) => {
      const u = numericUsers[i];
      assertIdString(row.partnerId, u.partnerId, `row ${i + 1}'s partnerId`);
      assert.equal(row.company, u.company);
      assert.equal(row.status, 'placed', `row ${i + 1}`);
      assert.equal(row.orderNo, byPartner.get(u.partnerId)[0].result.orderNo, `row ${i + 1}'s orderNo (row 5: the order found)`);
      assert.equal(row.orderStatus, 'succeed');
      assert.equal(typeof row.requestId, 'string', `row ${i + 1}'s requestId`);
      // The save reply's requestId; row 5 had no reply (found in the order list instead).
      if (i !== 4) assert.match(row.requestId, /^[0-9a-f]{32}$/, `row ${i + 1}'s requestId`);
    });
    // The result CSV: beside the input, named <input>.result.csv.
    assert.equal(typeof doc.resultCsv, 'string', show(r));
    assert.equal(path.dirname(path.resolve(home.work, doc.resultCsv)), home.work, `beside the input: ${doc.resultCsv}`);
    assert.match(path.basename(doc.resultCsv), /^renewals(\.csv)?\.result\.csv$/);
    const rows = readResultCsv(path.resolve(home.work, doc.resultCsv));
    assert.deepEqual(rows.map((row) => row.partnerId), numericUsers.map((u) => u.partnerId));
    assert.deepEqual(rows.map((row) => row.status), numericUsers.map(() => 'placed'));
    rows.forEach((row, i) => assert.equal(row.orderNo, doc.rows[i].orderNo));
    // Not a terminal: no progress line (no carriage returns, no escape sequences) on stderr.
    assert.doesNotMatch(r.stderr, /[\r\x1b]/, `progress on a stderr that is not a terminal\n${show(r)}`);
  });

  test('rows with myself, their own plan and PO number (CRLF lines)', async () => {
    const home = makeHome('batch-rows');
    // Written with CRLF line ends, as RFC 4180 and spreadsheets write CSV.
    const input = path.join(home.work, 'mixed.csv');
    writeFileSync(input, ['partnerId,planId,poNumber', `myself,${PLAN},PO-A`, '4611686018427391004,,PO-B',
      '4611686018427391005'].join('\r\n') + '\r\n');
    const r = await cli(home, ['--json', 'renew', '--from', input, '--billing', BILLING, '--po', 'PO-ALL', '--yes']);
    assert.equal(r.code, 0, show(r));
    const log = await orderLog();
    assert.equal(log.length, 3, show(r));
    const byPartner = ordersByPartner(log);
    assert.equal(byPartner.get('myself').length, 1);
    assert.equal(withoutTopLevelMember(byPartner.get('myself')[0].body, '"poNumber": "PO-A"'), tutorialBodyForMyself,
      'the myself row sends the tutorial body plus its own PO number');
    assert.match(byPartner.get('4611686018427391004')[0].body, /"poNumber": "PO-B"/);
    assert.match(byPartner.get('4611686018427391005')[0].body, /"poNumber": "PO-ALL"/, 'a row without its own PO takes --po');
    assert.equal(jsonOf(r).rows.length, 3);
  });
});

describe('6a. batch input as spreadsheets write it', () => {
  test('a UTF-8 BOM, no header, quoted fields, a PO with a comma, an e-mail partnerId; a bad planId refuses the whole file', async () => {
    const home = makeHome('batch-input');
    const input = path.join(home.work, 'excel.csv');
    writeFileSync(input, '\ufeff4611686018427391005,,"PO, with comma"\r\n"4611686018427391006"\r\nreseller.two@example.invalid\r\n');
    const r = await cli(home, ['--json', 'renew', '--from', input, '--billing', BILLING, '--yes']);
    assert.equal(r.code, 0, show(r));
    const log = await orderLog();
    assert.deepEqual(log.map((o) => partnerOf(o.body)), ['4611686018427391005', '4611686018427391006', 'reseller.two@example.invalid']);
    assert.equal(log[0].body.split('"poNumber": "PO, with comma"').length, 2, log[0].body);
    assert.match(log[1].body, /"poNumber": "RD-[2-9A-HJKMNP-Z]{8}"/, 'a row without a PO number carries a generated reference');
    assert.deepEqual(jsonOf(r).rows.map((row) => row.partnerId), ['4611686018427391005', '4611686018427391006', 'reseller.two@example.invalid']);

    const bad = writeCsv(home, 'bad.csv', ['partnerId,planId', '4611686018427391003', '4611686018427391004,abc']);
    const refused = await cli(home, ['renew', '--from', bad, '--billing', BILLING, '--yes']);
    assert.equal(refused.code, 1, show(refused));
    assert.match(refused.stderr, /^renewdesk-cli: /m, show(refused));
    assert.equal((await orderLog()).length, 3, 'nothing sent from a file with a bad row');
  });
});

describe('6b. a batch stops at an unknown outcome it cannot resolve', () => {
  // A deviation this test found (2026-11-27, fixed in the program the same day, 2bf7373): the stopped
  // run marked the rows after the unknown one "skipped" in its journal, so `renew --resume --yes` only
  // settled the unknown row and never sent rows 3-5 (exit 2).
  test('unknown row not found nor ruled out: stops there, exit 3, later rows not sent; --resume finds it and sends the rest', async () => {
    const home = makeHome('batch-stop');
    const targets = numericUsers.slice(0, 5).map((u) => u.partnerId);
    // The input in a folder of its own, away from the working directory: the result goes beside it.
    const inputs = path.join(home.dir, 'inputs');
    mkdirSync(inputs);
    const input = path.join(inputs, 'stop.csv');
    writeFileSync(input, ['partnerId', ...targets].join('\n') + '\n');

    // Without --yes and without a terminal: nothing is sent.
    const noYes = await cli(home, ['renew', '--from', input, '--billing', BILLING, '--settle-seconds', '1']);
    assert.equal(noYes.code, 1, show(noYes));
    assert.equal((await orderLog()).length, 0);

    await addFault([{ endpoint: 'save', kind: 'commit_then_drop', nth: 2 },
      { endpoint: 'page', kind: 'http_status', status: 503, count: -1 }]);
    const r = await cli(home, ['--json', 'renew', '--from', input, '--billing', BILLING, '--yes', '--settle-seconds', '1'],
      { timeoutMs: 30000 });
    assert.equal(r.code, 3, show(r));
    const log = await orderLog();
    assert.deepEqual(log.map((o) => partnerOf(o.body)), targets.slice(0, 2), `rows 1 and 2 only\n${show(r)}`);
    const doc = jsonOf(r);
    assert.equal(doc.rows.length, 5, show(r));
    assert.deepEqual(doc.rows.slice(0, 2).map((row) => row.status), ['placed', 'unknown'], show(r));
    for (const row of doc.rows.slice(2)) {
      assert.ok(!['placed', 'pending', 'unknown', 'failed'].includes(row.status), `a row after the unknown one was not sent: ${row.status}`);
      assert.ok(!row.orderNo, `no order number for an unsent row: ${row.orderNo}`);
    }
    const resultCsv = path.resolve(home.work, doc.resultCsv);
    assert.equal(path.dirname(resultCsv), inputs, `the result CSV beside the input: ${doc.resultCsv}`);
    const csvRows = readResultCsv(resultCsv);
    assert.equal(csvRows.length, 5);
    assert.equal(csvRows[1].status, 'unknown');
    assert.ok(existsSync(home.journal), 'the journal stays while a row is unknown');

    // The order list answers again: --resume (with the input, as the synopsis writes it) settles row 2
    // first (found), then sends rows 3-5.
    await control(sandbox.url, 'DELETE', '/__sandbox/faults');
    const resumed = await cli(home, ['--json', 'renew', '--from', input, '--billing', BILLING, '--resume', '--yes',
      '--settle-seconds', '1']);
    const after = await orderLog();
    const byPartner = ordersByPartner(after);
    assert.equal((byPartner.get(targets[1]) || []).length, 1, `row 2 not resent\n${show(resumed)}`);
    const resumedRows = jsonOf(resumed).rows;
    assert.equal(resumedRows[1].status, 'placed', show(resumed));
    assert.equal(resumedRows[1].orderNo, byPartner.get(targets[1])[0].result.orderNo, 'row 2: the order found');
    assert.equal(after.length, 5, `rows 3-5 sent by --resume --yes\n${show(resumed)}`);
    for (const id of targets) assert.equal((byPartner.get(id) || []).length, 1, `one order for ${id}`);
    assert.equal(resumed.code, 0, show(resumed));
    assert.deepEqual(resumedRows.map((row) => row.status), targets.map(() => 'placed'));
    assert.equal(path.dirname(path.resolve(home.work, jsonOf(resumed).resultCsv)), inputs);
    assert.ok(!existsSync(home.journal));
  });
});

// ---------------------------------------------------------------------------------------------------
describe('7. terminal prompts (pseudo-terminal)', () => {
  test('no credentials on a terminal: prompts Client ID and Client Secret, the secret is not echoed', async () => {
    const home = makeHome('prompt-secret');
    const env = cliEnv(home, { credentials: false });
    const term = startOnPty(cliCommandLine(['--base-url', sandbox.url, 'users']), { home, env });
    try {
      await term.expect(/Client ID: $/);
      await term.type(`${CLIENT_ID}\r`);
      await term.expect(/Client Secret: $/);
      await term.type(`${SECRET}\r`);
      const { code, output } = await term.done;
      assert.equal(code, 0, output);
      assert.ok(output.includes('9223372036854775001'), `the users listed\n${output}`);
      assert.ok(!output.includes(SECRET), `the typed secret was echoed:\n${output}`);
      assertNoSecretInFiles(home);
    } finally {
      term.kill();
    }
  });

  // Beyond the letter of the contract (echo off implies turning it back on): the terminal echoes again
  // after a wrong secret was typed and after Ctrl-C at the secret prompt.
  test('the terminal echoes again after the secret prompt: wrong secret (exit 4) and Ctrl-C', async () => {
    const home = makeHome('prompt-echo');
    const env = cliEnv(home, { credentials: false });
    const echoing = (output) => {
      const modes = output.slice(output.lastIndexOf('speed '));
      assert.match(modes, /(^|\s)echo(\s|$)/, `stty -a after the CLI shows echo on:\n${output}`);
    };
    const wrong = 'typed-wrong-secret-91c';
    let term = startOnPty(`trap 'true' INT; ${cliCommandLine(['--base-url', sandbox.url, 'users'])}; echo "rc=$?"; stty -a`,
      { home, env });
    try {
      await term.expect(/Client ID: $/);
      await term.type(`${CLIENT_ID}\r`);
      await term.expect(/Client Secret: $/);
      await term.type(`${wrong}\r`);
      const { output } = await term.done;
      assert.match(output, /rc=4\b/, output);
      assert.ok(!output.includes(wrong), `the typed secret was echoed:\n${output}`);
      echoing(output);
    } finally {
      term.kill();
    }
    term = startOnPty(`trap 'true' INT; ${cliCommandLine(['--base-url', sandbox.url, 'users'])}; echo "rc=$?"; stty -a`,
      { home, env });
    try {
      await term.expect(/Client ID: $/);
      await term.type(`${CLIENT_ID}\r`);
      await term.expect(/Client Secret: $/);
      await term.type('\x03');
      const { output } = await term.done;
      assert.match(output, /rc=\d+/, output);
      assert.doesNotMatch(output, /rc=0\b/, output);
      echoing(output);
    } finally {
      term.kill();
    }
  });

  test('Send this order? [y/N] answered with Enter alone: N, nothing sent, exit 2', async () => {
    const home = makeHome('prompt-enter');
    const term = startOnPty(cliCommandLine(['--base-url', sandbox.url, 'renew', '--for', 'myself', '--billing', BILLING]), { home });
    try {
      await term.expect(/Send this order\? \[y\/N\] $/);
      await term.type('\r');
      const { code, output } = await term.done;
      assert.equal(code, 2, output);
      await sleep(200);
      assert.equal((await orderLog()).length, 0, output);
    } finally {
      term.kill();
    }
  });

  test('Send this order? [y/N] answered n: nothing sent, exit 2', async () => {
    const home = makeHome('prompt-no');
    const term = startOnPty(cliCommandLine(['--base-url', sandbox.url, 'renew', '--for', 'myself', '--billing', BILLING]), { home });
    try {
      await term.expect(/Send this order\? \[y\/N\] $/);
      assert.ok(unindented(withoutGeneratedReference(term.output())).includes(unindented(tutorialBodyForMyself)), `the review before the question\n${term.output()}`);
      assert.equal((await orderLog()).length, 0, 'nothing sent before the answer');
      await term.type('n\r');
      const { code, output } = await term.done;
      assert.equal(code, 2, output);
      await sleep(200);
      assert.equal((await orderLog()).length, 0, output);
    } finally {
      term.kill();
    }
  });

  test('answered y (stdout to a file, the question on the terminal): one order', async () => {
    const home = makeHome('prompt-yes');
    const out = path.join(home.work, 'stdout.txt');
    const term = startOnPty(`${cliCommandLine(['--base-url', sandbox.url, 'renew', '--for', 'myself', '--billing', BILLING])} > ${out}`,
      { home });
    try {
      await term.expect(/Send this order\? \[y\/N\] $/);
      await term.type('y\r');
      const { code, output } = await term.done;
      assert.equal(code, 0, output);
      const log = await orderLog();
      assert.equal(log.length, 1, output);
      assert.equal(withoutGeneratedReference(log[0].body), tutorialBodyForMyself);
      const stdout = readFileSync(out, 'utf8');
      assert.ok(stdout.includes(log[0].result.orderNo), `the receipt on stdout:\n${stdout}`);
      assert.ok(!stdout.includes('Send this order?'), 'the question goes to the terminal, not to stdout');
    } finally {
      term.kill();
    }
  });

  test('a batch on a terminal without --yes: asks before sending, and again after an unknown row was found (n: stops)', async () => {
    const home = makeHome('prompt-batch');
    const targets = numericUsers.slice(0, 4).map((u) => u.partnerId);
    const input = writeCsv(home, 'ask.csv', ['partnerId', ...targets]);
    await addFault({ endpoint: 'save', kind: 'commit_then_drop', nth: 2 });
    const term = startOnPty(cliCommandLine(['--base-url', sandbox.url, 'renew', '--from', input, '--billing', BILLING,
      '--settle-seconds', '1']), { home });
    try {
      await term.expect(/\[y\/N\] $/);
      assert.equal((await orderLog()).length, 0, 'nothing sent before the answer');
      const asked = term.output().length;
      await term.type('y\r');
      // Row 2's outcome is unknown, found in the order list; the batch waits for an answer again.
      await term.expect(new RegExp(`[\\s\\S]{${asked + 3}}[\\s\\S]*\\[y\\/N\\] $`), 20000);
      await sleep(300);
      assert.deepEqual((await orderLog()).map((o) => partnerOf(o.body)), targets.slice(0, 2), term.output());
      await term.type('n\r');
      const { code, output } = await term.done;
      const log = await orderLog();
      assert.deepEqual(log.map((o) => partnerOf(o.body)), targets.slice(0, 2), `rows 3-4 not sent after n\n${output}`);
      assert.equal(code, 2, `rows 3-4 not placed: the worst row's code is 2\n${output}`);
      const rows = readResultCsv(defaultResultCsv(input));
      assert.deepEqual(rows.slice(0, 2).map((r) => r.status), ['placed', 'placed'], output);
      assert.equal(rows[1].orderNo, log[1].result.orderNo, 'row 2: the order found');
      for (const r of rows.slice(2)) assert.equal(r.orderNo, '', output);
    } finally {
      term.kill();
    }
  });

  test('--json on a terminal without --yes: the question on the terminal, stdout one JSON document', async () => {
    const home = makeHome('prompt-json');
    const out = path.join(home.work, 'stdout.json');
    const term = startOnPty(`${cliCommandLine(['--base-url', sandbox.url, '--json', 'renew', '--for', 'myself', '--billing', BILLING])} > ${out}`,
      { home });
    try {
      await term.expect(/Send this order\? \[y\/N\] $/);
      await term.type('y\r');
      const { code, output } = await term.done;
      assert.equal(code, 0, output);
      const log = await orderLog();
      assert.equal(log.length, 1, output);
      const stdout = readFileSync(out, 'utf8');
      const doc = jsonOf({ code, stdout, stderr: output });
      assert.equal(doc.outcome, 'placed');
      assert.equal(doc.orderNo, log[0].result.orderNo);
    } finally {
      term.kill();
    }
  });

  test('without a terminal and without --yes: exit 1, nothing sent', async () => {
    const home = makeHome('no-tty');
    const r = await cli(home, ['renew', '--for', 'myself', '--billing', BILLING]);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /^renewdesk-cli: /m, show(r));
    await sleep(200);
    assert.equal((await orderLog()).length, 0);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('8. usage errors, --help, credentials', () => {
  test('usage errors: exit 1 with a message on stderr, nothing sent', async () => {
    const home = makeHome('usage');
    const cases = [
      [],
      ['frobnicate'],
      ['users', '--bogus'],
      ['renew', '--for', 'myself', '--yes'],
      ['renew', '--billing', BILLING, '--yes'],
      ['renew', '--for', 'myself', '--billing', 'abc', '--yes'],
      ['renew', '--for', 'myself', '--billing', '-5', '--yes'],
      ['renew', '--for', 'myself', '--billing', '1.5', '--yes'],
      ['renew', '--for', 'myself', '--billing', '18446744073709551616', '--yes'],
      ['renew', '--for', 'myself', '--billing', BILLING, '--plan', 'x', '--yes'],
      ['renew', '--for', 'myself', '--billing', BILLING, '--settle-seconds', 'soon', '--yes'],
      ['order'],
      ['orders', '--page', 'abc'],
    ];
    for (const args of cases) {
      const r = await cli(home, args);
      assert.equal(r.code, 1, `${JSON.stringify(args)}: ${show(r)}`);
      assert.match(r.stderr, /^renewdesk-cli: \S/m, `${JSON.stringify(args)}: ${show(r)}`);
    }
    const bare = await runCli([], { home });
    assert.equal(bare.code, 1, show(bare));
    const noValue = await runCli(['users', '--base-url'], { home });
    assert.equal(noValue.code, 1, show(noValue));
    const missingCsv = await cli(home, ['renew', '--from', path.join(home.work, 'nope.csv'), '--billing', BILLING, '--yes']);
    assert.equal(missingCsv.code, 1, show(missingCsv));
    assert.equal((await orderLog()).length, 0);
  });

  test('--help lists the commands and the exit codes', async () => {
    const home = makeHome('help');
    for (const flag of ['--help', '-h']) {
      const r = await runCli([flag], { home });
      assert.equal(r.code, 0, show(r));
      for (const word of ['users', 'plans', 'contacts', 'orders', 'order', 'renew', '--json', '--base-url', '--secret-stdin', '--resume']) {
        assert.ok(r.stdout.includes(word), `${flag} mentions ${word}\n${show(r)}`);
      }
      const exit = r.stdout.slice(r.stdout.search(/exit/i));
      assert.ok(/exit/i.test(r.stdout), `${flag} speaks of exit codes\n${show(r)}`);
      for (const code of ['0', '1', '2', '3', '4']) {
        assert.match(exit, new RegExp(`(^|[^0-9])${code}([^0-9]|$)`, 'm'), `exit code ${code} listed\n${show(r)}`);
      }
    }
  });

  test('plain http:// to another computer: refused before anything is sent, unless --allow-insecure-http', async (t) => {
    const lan = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!lan) { t.skip('no non-loopback IPv4 address on this machine'); return; }
    const home = makeHome('insecure');
    const requests = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        requests.push({ url: req.url, body });
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 'invalid_client', detailMessage: 'The Client ID or Client Secret is wrong',
          requestId: '0123456789abcdef0123456789abcdef', result: null, status: 401 }));
      });
    });
    await new Promise((resolve) => server.listen(0, '0.0.0.0', resolve));
    const url = `http://${lan.address}:${server.address().port}`;
    try {
      const refused = await runCli(['--base-url', url, 'users'], { home });
      assert.notEqual(refused.code, 0, show(refused));
      assert.match(refused.stderr, /^renewdesk-cli: /m, show(refused));
      assert.equal(requests.length, 0, `nothing sent to ${url}: ${JSON.stringify(requests)}`);
      const allowed = await runCli(['--base-url', url, '--allow-insecure-http', 'users'], { home });
      assert.ok(requests.length >= 1, `--allow-insecure-http: the sign-in reaches ${url}\n${show(allowed)}`);
      assert.equal(allowed.code, 4, show(allowed));
    } finally {
      server.close();
    }
  });

  test('--ca-bundle: a server signed by an unknown CA is refused (exit 4, nothing through); with its CA it works', async () => {
    const home = makeHome('ca-bundle');
    const pki = makeTestPki(home.dir);
    const proxy = await startTlsProxy(sandbox.url, pki);
    try {
      const refused = await runCli(['--base-url', proxy.url, 'users'], { home });
      assert.equal(refused.code, 4, show(refused));
      assert.match(refused.stderr, /^renewdesk-cli: /m, show(refused));
      assert.deepEqual(proxy.requests, [], 'no request got through the TLS handshake');

      const trusted = await runCli(['--base-url', proxy.url, '--ca-bundle', pki.caFile, '--json', 'users'], { home });
      assert.equal(trusted.code, 0, show(trusted));
      assert.equal(jsonOf(trusted).users.length, fixtureUsers.length);
      assert.ok(proxy.requests.some((p) => p.includes('/oauth/token')), 'the sign-in went through the TLS server');

      const before = proxy.requests.length;
      const missing = await runCli(['--base-url', proxy.url, '--ca-bundle', '/no/such/ca.pem', 'users'], { home });
      assert.equal(missing.code, 1, `a missing CA bundle is a usage error, as in the desktop app\n${show(missing)}`);
      assert.equal(proxy.requests.length, before, 'nothing was sent');
      assert.ok(missing.stderr.includes('/no/such/ca.pem'), `the missing file is named\n${show(missing)}`);
    } finally {
      proxy.close();
    }
  });

  test('wrong secret: exit 4 with the API\'s error; no credentials and no terminal: exit 4', async () => {
    const home = makeHome('wrong-secret');
    const wrong = 'not-the-secret-7f3a';
    const env = cliEnv(home, { credentials: false, extra: { RENEWDESK_CLIENT_ID: CLIENT_ID, RENEWDESK_CLIENT_SECRET: wrong } });
    const r = await cli(home, ['users'], { env });
    assert.equal(r.code, 4, show(r));
    assert.match(r.stderr, /^renewdesk-cli: /m, show(r));
    assert.ok(r.stderr.includes('invalid_client'), show(r));
    assert.ok(r.stderr.includes('The Client ID or Client Secret is wrong'), show(r));
    assert.ok(!r.stdout.includes(wrong) && !r.stderr.includes(wrong), show(r));

    const stdinWrong = await cli(home, ['--secret-stdin', 'renew', '--for', 'myself', '--billing', BILLING, '--yes'],
      { env: cliEnv(home, { credentials: false, extra: { RENEWDESK_CLIENT_ID: CLIENT_ID } }), input: `${wrong}\n` });
    assert.equal(stdinWrong.code, 4, show(stdinWrong));

    const emptyStdin = await cli(home, ['--secret-stdin', 'users'],
      { env: cliEnv(home, { credentials: false, extra: { RENEWDESK_CLIENT_ID: CLIENT_ID } }), input: '' });
    assert.equal(emptyStdin.code, 4, `--secret-stdin with nothing on stdin\n${show(emptyStdin)}`);

    const none = await cli(home, ['users'], { env: cliEnv(home, { credentials: false }) });
    assert.equal(none.code, 4, show(none));
    assert.match(none.stderr, /^renewdesk-cli: /m, show(none));
    assert.equal((await orderLog()).length, 0);
    assertNoSecretInFiles(home, wrong);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('9. --resume after the CLI was killed with an order POST on its way', () => {
  test('SIGKILL during the 3rd POST (committed, reply delayed); a new batch is refused; --resume finds it and goes on', async () => {
    const home = makeHome('resume');
    const targets = numericUsers.slice(0, 6).map((u) => u.partnerId);
    const input = writeCsv(home, 'resume.csv', ['partnerId', ...targets]);
    await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true, nth: 3 });
    const { child, done } = startCli(['--base-url', sandbox.url, 'renew', '--from', input, '--billing', BILLING, '--yes',
      '--settle-seconds', '1'], { home });
    const committed = await waitForOrders(sandbox.url, 3, 15000);
    assert.equal(committed.length, 3, 'the 3rd order is committed, its reply held back');
    await sleep(200);
    process.kill(child.pid, 'SIGKILL');
    const killed = await done;
    assert.equal(killed.signal, 'SIGKILL', show(killed));
    assert.ok(existsSync(home.journal), `the batch journal ${home.journal} exists`);
    const journal = readFileSync(home.journal, 'utf8');
    assert.ok(!journal.includes(SECRET), 'no secret in the journal');

    // A new batch while a journal exists, without --resume: refused, nothing sent.
    const other = writeCsv(home, 'other.csv', [numericUsers[10].partnerId]);
    const refused = await cli(home, ['renew', '--from', other, '--billing', BILLING, '--yes', '--settle-seconds', '1']);
    assert.equal(refused.code, 1, show(refused));
    assert.match(refused.stderr, /^renewdesk-cli: /m, show(refused));
    await sleep(3200); // the delayed reply is long gone
    assert.equal((await orderLog()).length, 3, 'nothing sent by the refused batch');

    const resumed = await cli(home, ['--json', 'renew', '--resume', '--yes', '--settle-seconds', '1']);
    const log = await orderLog();
    assert.equal(log.length, 6, `each row once: the in-flight row not resent\n${show(resumed)}`);
    const byPartner = ordersByPartner(log);
    for (const id of targets) assert.equal((byPartner.get(id) || []).length, 1, `one order for ${id}`);
    assert.equal(resumed.code, 0, show(resumed));
    const doc = jsonOf(resumed);
    assert.equal(doc.rows.length, 6, show(resumed));
    doc.rows.forEach((row, i) => {
      assertIdString(row.partnerId, targets[i], `row ${i + 1}`);
      assert.equal(row.status, 'placed', `row ${i + 1}`);
      assert.equal(row.orderNo, byPartner.get(targets[i])[0].result.orderNo, `row ${i + 1}'s orderNo (row 3: found)`);
    });
    const rows = readResultCsv(path.resolve(home.work, doc.resultCsv));
    assert.deepEqual(rows.map((row) => [row.partnerId, row.status]), targets.map((id) => [id, 'placed']));
    assert.ok(!existsSync(home.journal), 'the journal is cleared once the batch has finished');
    assertNoSecretInFiles(home);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('10. interruptions and a stale token (beyond the letter of the contract: exactly once, truthful exit)', () => {
  test('SIGINT while signing in with --yes: nothing is sent, ever', async () => {
    const home = makeHome('sigint');
    await addFault({ endpoint: 'token', kind: 'delay', delay_ms: 1500 });
    const { child, done } = startCli(['--base-url', sandbox.url, 'renew', '--for', 'myself', '--billing', BILLING, '--yes'], { home });
    await sleep(500);
    process.kill(child.pid, 'SIGINT');
    const r = await done;
    assert.notEqual(r.code, 0, show(r));
    await sleep(1500);
    assert.equal((await orderLog()).length, 0, show(r));
  });

  test('the token expired while the question waited: one order at most, and the exit code says which', async () => {
    const home = makeHome('stale-token');
    const term = startOnPty(cliCommandLine(['--base-url', sandbox.url, 'renew', '--for', 'myself', '--billing', BILLING]), { home });
    try {
      await term.expect(/Send this order\? \[y\/N\] $/);
      await control(sandbox.url, 'POST', '/__sandbox/expire_tokens');
      await term.type('y\r');
      const { code, output } = await term.done;
      const log = await orderLog();
      assert.ok(log.length <= 1, output);
      assert.equal(code, log.length === 1 ? 0 : 2, `exit ${code} with ${log.length} order(s)\n${output}`);
      if (log.length === 0) assert.match(output, /token_expired/, output);
    } finally {
      term.kill();
    }
  });
});

