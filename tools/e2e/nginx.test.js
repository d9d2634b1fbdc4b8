// Intranet hosting: a real nginx (Debian's) with the shipped web/deploy/nginx.conf serving dist/ over
// TLS and proxying the API to a sandbox: the path people deploy (browser -> nginx -> API). Only the
// config's upstream block and the lines marked DEPLOY (listen ports, root, certificate and key: a
// throw-away self-signed certificate made here with openssl) are replaced, as an administrator would.
// The sandbox behind nginx keeps connections alive (no --one-request-per-connection) and refuses any
// User-Agent but OpenAPI, like the real API: nginx must set it, since browsers cannot.
// The rule that matters most: one confirmation, exactly one order; a failure after the order may have
// left is "outcome unknown" (never "failed"), and reconciliation finds the order.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import {
  control, launchBrowser, openPage, pasteInto, reachReviewForMyself, startSandbox, waitForOrders, waitForSignInFields,
} from './harness.js';
import {
  addFault, checkApiDate, checkFaultAfterCommit, checkFullRenewal, checkBakedAtlas, checkGlyphSlices, checkHashedWasm, checkHealthz,
  checkHsts, checkIndexHeaders, checkRedirect, checkServerDiesWhileOrderHeld, checkTlsNoH2, checkUserAgent, childrenOf,
  dist,
  faultName, faultsAfterCommit, makeCertificate, makeClient, nginxSite, onFreePorts, replaceMarked, shipped, startNginx as startNginxIn,
  stopServer, tlsContext, waitForReconciliation,
} from './hosting_support.js';

const siteConfig = nginxSite;

let dir;
let sandbox;
let nginx;
let browser;
let client; // requests from node that trust the throw-away certificate (makeClient)
let site; // what the shared checks need: { name, base, plainBase, sandbox, request, certificate }
let base; // https://127.0.0.1:PORT, the page's origin

// The nginx master's children: its worker process(es).
function workers() {
  return childrenOf(nginx.pid);
}

before(async () => {
  assert.ok(readdirSync(dist).some((f) => f.endsWith('.wasm')), `${dist} holds a built page (tools/dist build/dist)`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'renewdesk-nginx-'));
  const { certFile, keyFile, certificate } = makeCertificate(dir);
  client = makeClient(certificate);

  sandbox = await startSandbox(['--require-user-agent', 'OpenAPI'], { servePage: false });
  // nginx cannot listen on port 0: two ports found free are given to it, and when another test file
  // running beside this one took one of them in between (its sandbox on port 0), nginx says so
  // ("Address already in use") and two other ports are tried.
  const [httpPort, httpsPort] = await onFreePorts(2, async ([httpPort, httpsPort]) => {
    base = `https://127.0.0.1:${httpsPort}`;
    writeFileSync(path.join(dir, 'site.conf'), siteConfig(sandbox.url, { httpPort, httpsPort, certFile, keyFile }));
    return startNginx();
  }, `nginx (see ${dir}/error.log)`);
  site = {
    name: 'nginx', base, plainBase: `http://127.0.0.1:${httpPort}`, sandbox, request: client.request, certificate,
  };
  browser = await launchBrowser();
});

// Starts nginx on the config in `dir`; true once it answers, false when its ports were taken.
async function startNginx() {
  nginx = await startNginxIn(dir, base, client.request);
  return nginx !== null;
}
after(async () => {
  await browser?.close();
  await stopServer(nginx);
  sandbox?.stop();
  client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

// ---- headers, TLS, the redirect, the User-Agent ----

test('index.html carries a strict CSP, is revalidated, and its connection is closed', () => checkIndexHeaders(site));

test('HSTS on every HTTPS reply', () => checkHsts(site));

test('/healthz answers 200 "ok" itself, never cached, never proxied', () => checkHealthz(site));

test('hashed wasm is served as application/wasm, precompressed, cached for a year',
  () => checkHashedWasm(site, { scriptType: 'application/javascript; charset=utf-8' }));

test('the baked font atlas is served as application/octet-stream, precompressed, cached for a year', () => checkBakedAtlas(site));

test('glyph slices are served as font/otf, precompressed, cached for a year', () => checkGlyphSlices(site));

test('plain HTTP only redirects to HTTPS, closing the connection', () => checkRedirect(site));

test('TLS 1.2+ and HTTP/1.1 only: no h2 offered', () => checkTlsNoH2(site));

test('nginx sets User-Agent: OpenAPI for the API and passes Authorization through', () => checkUserAgent(site));

test("API replies through nginx carry the API's Date (90 s behind), not nginx's own", () => checkApiDate(site));

// ---- the renewal in the browser ----

test('a full renewal through nginx, with no request to another origin and no kept-alive reply',
  () => checkFullRenewal(site, browser));

test('the nginx worker killed while the API holds the order reply: one order, outcome unknown, found', () =>
  checkServerDiesWhileOrderHeld(site, browser, {
    prepare: () => {
      const before = workers();
      assert.ok(before.length >= 1, 'nginx has a worker');
      return before;
    },
    kill: (before) => {
      for (const pid of before) process.kill(pid, 'SIGKILL');
      console.log(`killed nginx worker(s) ${before.join(', ')} of master ${nginx.pid} while the order reply was held`);
    },
    describe: () => `workers now ${workers().join(', ')}`,
    check: (before) => {
      const respawned = workers();
      assert.ok(respawned.length >= 1 && respawned.every((pid) => !before.includes(pid)),
        'the master respawned a worker');
    },
  }, { shot: 'nginx-worker-killed' }));

for (const fault of faultsAfterCommit) {
  test(`after commit, ${faultName(fault)}: one order, outcome unknown (never failed), found`,
    () => checkFaultAfterCommit(site, browser, fault));
}

// ---- reloads while the order is in flight ----

// Signs in again on a reloaded page, whose Client ID field is already filled from localStorage.
async function signInAgain(driver) {
  await pasteInto(driver, 'Client ID', 'demo-client-id', { replace: true });
  await pasteInto(driver, 'Client Secret', 'demo-client-secret', { replace: true });
  await waitForSignInFields(driver);
  await driver.click('Sign in');
}

test('a reload while submitting: the journal survives, sign-in goes to outcome unknown, found', async () => {
  const { context, page, driver } = await openPage(browser, base, tlsContext);
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.type()); dialog.accept(); });
  await addFault(sandbox.url, { endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true });
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  await driver.waitForScreen('submitting');
  const placed = await waitForOrders(sandbox.url, 1); // the order has left: its outcome is what is tested
  assert.equal(placed.length, 1);
  assert.equal((await driver.state()).screen, 'submitting', 'the reply is still held');
  await page.reload();
  const signedOut = await driver.waitFor((s) => s.screen === 'signed_out', 'the reloaded page');
  await driver.shot('nginx-reload-journal');
  console.log(`after the reload: dialogs ${JSON.stringify(dialogs)}, journal ${JSON.stringify(signedOut.journal)}`);
  assert.equal(signedOut.journal.pending, true, 'the sign-in screen shows the in-flight order');
  await signInAgain(driver);
  const outcome = await driver.waitFor((s) => ['outcome_unknown', 'failed', 'done', 'choosing'].includes(s.screen),
    'the screen after sign-in');
  assert.equal(outcome.screen, 'outcome_unknown');
  const reconciled = await waitForReconciliation(driver);
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  console.log(`reload mid-order: orders in the log ${orders.length}, screen ${outcome.screen}, ` +
    `reconciliation ${reconciled.reconciliation.status} ${reconciled.reconciliation.orderNo}, journal ${JSON.stringify(reconciled.journal)}`);
  assert.equal(orders.length, 1);
  assert.equal(reconciled.reconciliation.status, 'found');
  assert.equal(reconciled.reconciliation.orderNo, orders[0].result.orderNo);
  await driver.waitFor((s) => s.journal.pending === false, 'the journal to be cleared');
  await context.close();
});

test('leaving the page asks first while submitting, not on the receipt', async () => {
  const { context, page, driver } = await openPage(browser, base, tlsContext);
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.type()); dialog.dismiss(); }); // stay on the page
  await addFault(sandbox.url, { endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true });
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  await driver.waitForScreen('submitting');
  // A dismissed prompt cancels the reload, and Playwright's reload() then waits for a navigation that
  // never comes: it is not awaited (the context's close ends it).
  page.reload().catch(() => {});
  const raised = await driver.waitFor(() => dialogs.length > 0, 'a dialog on reload');
  console.log(`reload while submitting: dialogs ${JSON.stringify(dialogs)}, screen ${raised.screen}`);
  assert.deepEqual(dialogs, ['beforeunload']);
  assert.equal(raised.screen, 'submitting', 'dismissing the prompt kept the page');
  const done = await driver.waitForScreen('done');
  assert.equal(done.receiptStatus, 'succeed');
  assert.equal((await control(sandbox.url, 'GET', '/__sandbox/orders')).length, 1);

  dialogs.length = 0;
  await page.reload();
  await driver.waitFor((s) => s.screen === 'signed_out', 'the reloaded page');
  assert.deepEqual(dialogs, [], 'no prompt on the receipt screen');
  await context.close();
});
