// Intranet hosting: a real nginx (Debian's) with the shipped web/deploy/nginx.conf serving dist/ over
// TLS and proxying the API to a sandbox: the path people deploy (browser -> nginx -> API). Only the
// config's upstream block and the lines marked DEPLOY (listen ports, root, certificate and key: a
// throw-away self-signed certificate made here with openssl) are replaced, as an administrator would.
// The sandbox behind nginx keeps connections alive (no --one-request-per-connection) and refuses any
// User-Agent but OpenAPI, like the real API: nginx must set it, since browsers cannot.
// The rule that matters most: one confirmation, exactly one order; a failure after the order may have
// left is "outcome unknown" (never "failed"), and reconciliation finds the order.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import tls from 'node:tls';
import { after, before, beforeEach, test } from 'node:test';
import {
  control, freePort, launchBrowser, openPage, pasteInto, reachReviewForMyself, root, startSandbox, waitForOrders,
  waitForSignInFields,
} from './harness.js';

const dist = path.join(root, 'build/dist');
const browserUserAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const tlsContext = { ignoreHTTPSErrors: true }; // the throw-away certificate is self-signed

// Replaces the one match of pattern in text; a shipped file that lost a marked line fails here.
function replaceOnce(text, pattern, replacement, what) {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  assert.equal((text.match(global) || []).length, 1, `exactly one ${what} in web/deploy/nginx.conf`);
  return text.replace(pattern, replacement);
}

function siteConfig(sandboxUrl, { httpPort, httpsPort, certFile, keyFile }) {
  const shipped = readFileSync(path.join(root, 'web/deploy/nginx.conf'), 'utf8');
  const upstream = new URL(sandboxUrl);
  let site = replaceOnce(shipped, /# >>> upstream[\s\S]*?# <<< upstream/, [
    `upstream partner_portal { server ${upstream.host}; keepalive 8; }`,
    'map "" $partner_portal_scheme { default http; }',
    `map "" $partner_portal_host { default ${upstream.host}; }`,
  ].join('\n'), 'marked upstream block');
  site = replaceOnce(site, /listen 80;(\s+# DEPLOY)/, `listen 127.0.0.1:${httpPort};$1`, 'DEPLOY listen 80');
  site = replaceOnce(site, /listen 443 ssl;(\s+# DEPLOY)/, `listen 127.0.0.1:${httpsPort} ssl;$1`, 'DEPLOY listen 443 ssl');
  site = replaceOnce(site, /root [^;]+;(\s+# DEPLOY)/, `root ${dist};$1`, 'DEPLOY root');
  site = replaceOnce(site, /ssl_certificate [^;]+;(\s+# DEPLOY)/, `ssl_certificate ${certFile};$1`, 'DEPLOY ssl_certificate');
  site = replaceOnce(site, /ssl_certificate_key [^;]+;(\s+# DEPLOY)/, `ssl_certificate_key ${keyFile};$1`, 'DEPLOY ssl_certificate_key');
  return site;
}

let dir;
let sandbox;
let nginx;
let browser;
let base; // https://127.0.0.1:PORT, the page's origin
let plainBase; // http://127.0.0.1:PORT, the redirect
let certificate; // PEM text of the throw-away certificate, trusted by request() below

// One request from node, over a keep-alive agent (so the reply's Connection header is nginx's choice,
// not an echo of ours); https trusts the throw-away certificate and nothing else. Never follows
// redirects, never decompresses.
const keepAliveAgents = {};
function request(url, { method = 'GET', headers = {}, body } = {}) {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const agent = keepAliveAgents[target.protocol] ??= secure
    ? new https.Agent({ keepAlive: true, ca: certificate }) : new http.Agent({ keepAlive: true });
  return new Promise((resolve, reject) => {
    const outgoing = (secure ? https : http).request(target, { method, headers, agent }, (reply) => {
      const chunks = [];
      reply.on('data', (chunk) => chunks.push(chunk));
      reply.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({
          status: reply.statusCode, headers: reply.headers, rawHeaders: reply.rawHeaders, bytes,
          text: bytes.toString('utf8'),
        });
      });
      reply.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function addFault(fault) {
  const reply = await fetch(sandbox.url + '/__sandbox/faults', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault),
  });
  assert.equal(reply.status, 200, `the sandbox takes the fault ${JSON.stringify(fault)}: ${await reply.text()}`);
}

// The nginx master's children: its worker process(es).
function workers() {
  const found = spawnSync('pgrep', ['-P', String(nginx.pid)], { encoding: 'utf8' });
  return found.stdout.split(/\s+/).filter(Boolean).map(Number);
}

before(async () => {
  assert.ok(readdirSync(dist).some((f) => f.endsWith('.wasm')), `${dist} holds a built page (tools/dist build/dist)`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'renewdesk-nginx-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  certificate = readFileSync(certFile, 'utf8');

  sandbox = await startSandbox(['--require-user-agent', 'OpenAPI'], { servePage: false });
  // nginx cannot listen on port 0: two ports found free are given to it, and when another test file
  // running beside this one took one of them in between (its sandbox on port 0), nginx says so
  // ("Address already in use") and two other ports are tried.
  for (let attempt = 1; ; ++attempt) {
    const httpPort = await freePort();
    const httpsPort = await freePort();
    base = `https://127.0.0.1:${httpsPort}`;
    plainBase = `http://127.0.0.1:${httpPort}`;
    writeFileSync(path.join(dir, 'site.conf'), siteConfig(sandbox.url, { httpPort, httpsPort, certFile, keyFile }));
    if (await startNginx()) break;
    assert.ok(attempt < 5, `nginx found its ports taken 5 times; see ${dir}/error.log`);
  }
  browser = await launchBrowser();
});

// Starts nginx on the config in `dir`; true once it answers, false when its ports were taken.
async function startNginx() {
  writeFileSync(path.join(dir, 'nginx.conf'), `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`);
  const check = spawnSync('nginx', ['-t', '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  writeFileSync(path.join(dir, 'error.log'), ''); // this start's words alone
  nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => nginx.once('exit', () => resolve(true)));
  let up = false;
  for (let i = 0; i < 200 && !up; ++i) {
    up = await request(base + '/').then(() => true, () => false);
    if (!up && await Promise.race([exited, sleep(50).then(() => false)])) {
      const log = readFileSync(path.join(dir, 'error.log'), 'utf8');
      if (/Address already in use/.test(log)) return false;
      assert.fail(`nginx exited: ${log}`);
    }
  }
  assert.ok(up, `nginx answers on ${base}; see ${dir}/error.log`);
  return true;
}
after(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  sandbox?.stop();
  for (const agent of Object.values(keepAliveAgents)) agent.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

// ---- headers, TLS, the redirect, the User-Agent ----

test('index.html carries a strict CSP, is revalidated, and its connection is closed', async () => {
  const reply = await request(base + '/');
  assert.equal(reply.status, 200);
  const csp = reply.headers['content-security-policy'];
  console.log(`index.html headers: ${JSON.stringify(reply.headers)}`);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /connect-src 'self';/);
  assert.doesNotMatch(csp, /https?:|unsafe-inline|'unsafe-eval'/);
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  assert.equal(reply.headers['referrer-policy'], 'no-referrer');
  assert.match(reply.headers['cache-control'], /no-cache/);
  // No keep-alive toward the browser, although this client asked for it.
  assert.equal(reply.headers.connection, 'close');
});

test('hashed wasm is served as application/wasm, precompressed, cached for a year', async () => {
  const wasm = readdirSync(dist).find((f) => /^renewdesk\.[0-9a-f]{12}\.wasm$/.test(f));
  assert.ok(wasm, 'a hashed wasm in dist/');
  const reply = await request(`${base}/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  console.log(`${wasm} headers: ${JSON.stringify(reply.headers)}`);
  assert.equal(reply.status, 200);
  assert.equal(reply.headers['content-type'], 'application/wasm');
  assert.equal(reply.headers['content-encoding'], 'gzip');
  assert.match(reply.headers['cache-control'], /max-age=31536000/);
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  assert.equal(reply.headers.connection, 'close');
  const js = readdirSync(dist).find((f) => /^renewdesk\.[0-9a-f]{12}\.js$/.test(f));
  const script = await request(`${base}/${js}`);
  assert.equal(script.headers['content-type'], 'application/javascript; charset=utf-8');
});

test('glyph slices are served as font/otf, precompressed, cached for a year', async () => {
  const [version] = readdirSync(path.join(dist, 'glyphs'));
  assert.match(version, /^[0-9a-f]{12}$/, 'one folder of slices, named by their contents');
  const slice = `${version}/cjk-4e00.otf`;
  assert.ok(readdirSync(path.join(dist, 'glyphs', version)).includes('cjk-4e00.otf'), 'the slice of U+4E00..');
  const reply = await request(`${base}/glyphs/${slice}`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(reply.status, 200);
  assert.equal(reply.headers['content-type'], 'font/otf');
  assert.equal(reply.headers['content-encoding'], 'gzip');
  assert.match(reply.headers['cache-control'], /max-age=31536000/);
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
});

test('plain HTTP only redirects to HTTPS, closing the connection', async () => {
  for (const route of ['/', '/index.html?x=1', '/order/openapi/order/v1/save']) {
    const reply = await request(plainBase + route);
    assert.ok([301, 308].includes(reply.status), `${route}: ${reply.status}`);
    const location = new URL(reply.headers.location);
    assert.equal(location.protocol, 'https:');
    assert.equal(location.hostname, '127.0.0.1');
    assert.equal(location.pathname + location.search, route);
    assert.equal(reply.headers.connection, 'close');
  }
  const post = await request(plainBase + '/order/openapi/order/v1/save', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
  });
  assert.ok([301, 308].includes(post.status));
  assert.equal((await control(sandbox.url, 'GET', '/__sandbox/orders')).length, 0, 'plain HTTP reaches no API');
});

test('TLS 1.2+ and HTTP/1.1 only: no h2 offered', async () => {
  const port = Number(new URL(base).port);
  const socket = tls.connect({ host: '127.0.0.1', port, ca: certificate, ALPNProtocols: ['h2', 'http/1.1'] });
  await new Promise((resolve, reject) => { socket.once('secureConnect', resolve); socket.once('error', reject); });
  console.log(`TLS: ${socket.getProtocol()}, ALPN: ${socket.alpnProtocol}`);
  assert.notEqual(socket.alpnProtocol, 'h2');
  assert.match(socket.getProtocol(), /^TLSv1\.[23]$/);
  socket.destroy();
});

async function token(baseUrl, userAgent) {
  return request(baseUrl + '/auth/openapi/v1/oauth/token', {
    method: 'POST',
    headers: { 'User-Agent': userAgent, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=pp_credentials&client_id=demo-client-id&client_secret=demo-client-secret',
  });
}

test('nginx sets User-Agent: OpenAPI for the API and passes Authorization through', async () => {
  // A browser's User-Agent through nginx: replaced, so the API takes it.
  const viaNginx = await token(base, browserUserAgent);
  assert.equal(viaNginx.status, 200, viaNginx.text);
  assert.equal(viaNginx.headers.connection, 'close');
  const access = /"token":"([^"]+)"/.exec(viaNginx.text)[1];
  const users = await request(base + '/user/openapi/user/v1/client/partner_list', {
    headers: { 'User-Agent': browserUserAgent, Authorization: `Bearer ${access}` },
  });
  assert.equal(users.status, 200, users.text);
  const unauthorized = await request(base + '/user/openapi/user/v1/client/partner_list', {
    headers: { 'User-Agent': browserUserAgent },
  });
  assert.equal(unauthorized.status, 401);
  // The same request straight to the API: refused for its User-Agent.
  const direct = await token(sandbox.url, browserUserAgent);
  console.log(`direct with a browser User-Agent: ${direct.status} ${direct.text}`);
  assert.equal(direct.status, 400);
  assert.equal(JSON.parse(direct.text).code, 'invalid_user_agent');
  assert.equal((await token(sandbox.url, 'OpenAPI')).status, 200);
});

// The API's Date, not nginx's: RenewDesk reads the API's clock from it (the order-list check after an
// unknown outcome is placed on that clock). With the sandbox's clock 90 s behind, a reply through
// nginx must say the sandbox's time, once, while nginx's own files say nginx's.
test("API replies through nginx carry the API's Date (90 s behind), not nginx's own", async () => {
  const offsetMs = -90000;
  const setClock = async (clockOffsetMs) => {
    const reply = await fetch(sandbox.url + '/__sandbox/config', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ clockOffsetMs }),
    });
    assert.equal(reply.status, 200, `the sandbox takes clockOffsetMs ${clockOffsetMs}: ${await reply.text()}`);
  };
  // Every Date header of a reply (node's headers object would keep only one of several).
  const dates = (reply) => reply.rawHeaders.filter((_, i) => i % 2 === 1 && /^date$/i.test(reply.rawHeaders[i - 1]));
  await setClock(offsetMs);
  try {
    const direct = await token(sandbox.url, 'OpenAPI');
    const viaNginx = await token(base, browserUserAgent);
    const page = await request(base + '/');
    const now = Date.now();
    console.log(`Date: direct ${direct.headers.date}, via nginx ${viaNginx.headers.date}, ` +
      `nginx's own ${page.headers.date}, now ${new Date(now).toUTCString()}`);
    assert.equal(viaNginx.status, 200, viaNginx.text);
    assert.ok(direct.headers.date, 'the sandbox sends a Date');
    assert.ok(Math.abs(Date.parse(direct.headers.date) - (now + offsetMs)) <= 5000, 'the sandbox runs 90 s behind');
    assert.equal(dates(viaNginx).length, 1, `exactly one Date header through nginx: ${dates(viaNginx)}`);
    assert.ok(Math.abs(Date.parse(viaNginx.headers.date) - (now + offsetMs)) <= 5000,
      `the API's Date through nginx: ${viaNginx.headers.date}`);
    assert.ok(Math.abs(Date.parse(page.headers.date) - now) <= 5000, `nginx's own Date on its files: ${page.headers.date}`);
  } finally {
    await setClock(0);
  }
});

// ---- the renewal in the browser ----

test('a full renewal through nginx, with no request to another origin and no kept-alive reply', async () => {
  const { context, page, driver, requests } = await openPage(browser, base, tlsContext);
  const connectionHeaders = [];
  page.on('response', (response) => {
    connectionHeaders.push(response.allHeaders().then((h) => `${h.connection} ${response.url()}`));
  });
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  await driver.waitForScreen('done');
  await driver.shot('nginx-receipt');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.match(orders[0].body, /"billingId": 3197218168379846218,/);
  const foreign = requests.filter((url) => !url.startsWith(base + '/'));
  assert.deepEqual(foreign, [], 'every request goes to the page origin');
  const seen = await Promise.all(connectionHeaders);
  assert.ok(seen.some((line) => line.includes('/order/openapi/')), 'the order reply was seen');
  assert.deepEqual(seen.filter((line) => !line.startsWith('close ')), [], 'every reply closes its connection');
  await context.close();
});

// Waits for the first of outcome_unknown / failed / done: a failed or done screen must not slip by.
async function waitForOutcome(driver) {
  const settled = await driver.waitFor((s) => ['outcome_unknown', 'failed', 'done'].includes(s.screen),
    'the order outcome', 30000);
  return settled;
}

async function waitForReconciliation(driver) {
  return driver.waitFor((s) => s.reconciliation && ['found', 'none', 'error'].includes(s.reconciliation.status),
    'the reconciliation to finish', 30000);
}

test('the nginx worker killed while the API holds the order reply: one order, outcome unknown, found', async () => {
  const { context, driver } = await openPage(browser, base, tlsContext);
  await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true });
  await reachReviewForMyself(driver);
  const master = nginx.pid;
  const before = workers();
  assert.ok(before.length >= 1, 'nginx has a worker');
  await driver.click('Confirm order');
  const placed = await waitForOrders(sandbox.url, 1);
  assert.equal(placed.length, 1, 'the order reached the API');
  assert.equal((await driver.state()).screen, 'submitting', 'the reply is still held');
  for (const pid of before) process.kill(pid, 'SIGKILL');
  const killedAt = Date.now();
  console.log(`killed nginx worker(s) ${before.join(', ')} of master ${master} while the order reply was held`);

  const outcome = await waitForOutcome(driver);
  await driver.shot('nginx-worker-killed');
  const reconciled = await waitForReconciliation(driver);
  // A re-send would come within moments of the dropped connection; the held reply ends 3 s after the
  // order. Look again once both are well past.
  const settleUntil = killedAt + 5000;
  while (Date.now() < settleUntil) await sleep(Math.min(250, settleUntil - Date.now()));
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  const respawned = workers();
  console.log(`worker killed mid-order: orders in the log ${orders.length}, screen ${outcome.screen}, ` +
    `reconciliation ${reconciled.reconciliation.status} ${reconciled.reconciliation.orderNo} ` +
    `(log ${orders[0]?.result?.orderNo}, pages ${reconciled.reconciliation.pages}), ` +
    `ordersSent ${reconciled.ordersSent}, workers now ${respawned.join(', ')}`);
  assert.equal(orders.length, 1, 'exactly one order');
  assert.equal(outcome.screen, 'outcome_unknown');
  assert.equal(reconciled.screen, 'outcome_unknown');
  assert.equal(reconciled.reconciliation.status, 'found');
  assert.equal(reconciled.reconciliation.orderNo, orders[0].result.orderNo);
  assert.equal(reconciled.ordersSent, 1);
  assert.ok(respawned.length >= 1 && respawned.every((pid) => !before.includes(pid)), 'the master respawned a worker');
  await context.close();
});

const faultsAfterCommit = [
  { endpoint: 'save', kind: 'api_error', status: 500, code: 'internal_error', commit: true },
  {
    endpoint: 'save', kind: 'http_status', status: 504, content_type: 'application/json',
    body: '{"code":504,"message":"Gateway Timeout"}', commit: true,
  },
  { endpoint: 'save', kind: 'api_error', status: 200, code: 'system_busy', commit: true },
  { endpoint: 'save', kind: 'html', status: 502, commit: true },
  { endpoint: 'save', kind: 'commit_then_drop' },
];
for (const fault of faultsAfterCommit) {
  const name = `${fault.kind}${fault.status ? ' ' + fault.status : ''}${fault.code ? ' ' + fault.code : ''}`;
  test(`after commit, ${name}: one order, outcome unknown (never failed), found`, async () => {
    const { context, driver } = await openPage(browser, base, tlsContext);
    await addFault(fault);
    await reachReviewForMyself(driver);
    await driver.click('Confirm order');
    const outcome = await waitForOutcome(driver);
    const reconciled = await waitForReconciliation(driver);
    const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
    console.log(`${name}: orders in the log ${orders.length}, screen ${outcome.screen}` +
      `${outcome.failure ? ' (' + outcome.failure + ')' : ''}, reconciliation ${reconciled.reconciliation.status}`);
    assert.equal(outcome.screen, 'outcome_unknown', `never failed: ${outcome.error}`);
    assert.equal(orders.length, 1);
    assert.equal(reconciled.screen, 'outcome_unknown');
    assert.equal(reconciled.reconciliation.status, 'found');
    assert.equal(reconciled.reconciliation.orderNo, orders[0].result.orderNo);
    assert.equal(reconciled.ordersSent, 1);
    await context.close();
  });
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
  await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true });
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
  await addFault({ endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true });
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
