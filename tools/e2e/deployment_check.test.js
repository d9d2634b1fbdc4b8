// The page checks its own deployment (issue 23): from the Resource Timing of its own API requests it
// learns whether the server in front of the API keeps browser connections open (HTTP/1.1 keep-alive)
// or speaks HTTP/2 toward the browser, and the review screen then warns before Confirm (the browser
// may re-send an order by itself on such a connection). A real nginx (Debian's) serves dist/ over TLS
// and proxies the API to a sandbox, as in nginx.test.js:
// - the shipped web/deploy/nginx.conf as it is: HTTP/1.1, a new connection per request, no warning;
// - the same file with keep-alive toward the browser turned on (`keepalive_timeout 65`, nginx's
//   default, as an administrator who dropped the line would have it): the warning;
// - the same file with `http2` on its TLS listener (which is how HTTP/2 is usually switched on): the
//   warning.
// The variants stand for servers people may run by mistake; only the one line differs from the file.
// Also: the page opened from disk (file://) says it must be served by a web server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { artifacts, control, launchBrowser, openPage, reachReviewForMyself, startSandbox } from './harness.js';
import {
  dist, makeCertificate, makeClient, nginxSite, onFreePorts, replaceMarked, shipped, startNginx as startNginxIn, stopServer, tlsContext,
} from './hosting_support.js';

const file = 'nginx.conf';
const warningWords = 'This server keeps connections open: if it fails mid-order, the browser may send the order twice.';

// The shipped file with its upstream block and DEPLOY lines set for this test (nginxSite),
// then `variant` applied to it.
function siteConfig(sandboxUrl, ports, variant) {
  return variant(nginxSite(sandboxUrl, ports));
}

// Keep-alive toward the browser on the TLS server (the redirect's server keeps its own line).
function withKeepAlive(site) {
  return replaceMarked(site, /(so the browser never reuses one:[\s\S]*?)keepalive_timeout 0;/,
    '$1keepalive_timeout 65;', 'keepalive_timeout 0 of the TLS server', file);
}

// HTTP/2 on the TLS listener (nginx 1.22: a parameter of `listen`).
function withHttp2(site) {
  return replaceMarked(site, /(listen 127\.0\.0\.1:\d+ ssl);/, '$1 http2;', 'the TLS listen line', file);
}

let root;
let sandbox;
let browser;
let cert;
let client;

before(async () => {
  assert.ok(readdirSync(dist).some((f) => f.endsWith('.wasm')), `${dist} holds a built page (tools/dist)`);
  root = mkdtempSync(path.join(os.tmpdir(), 'renewdesk-deployment-'));
  cert = makeCertificate(root);
  client = makeClient(cert.certificate);
  sandbox = await startSandbox(['--require-user-agent', 'OpenAPI'], { servePage: false });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  sandbox?.stop();
  client?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

// Starts nginx on the variant's config in a folder of its own; resolves with { base, stop }.
async function startNginx(name, variant) {
  const dir = path.join(root, name);
  mkdirSync(dir);
  let nginx;
  let base;
  await onFreePorts(2, async ([httpPort, httpsPort]) => {
    base = `https://127.0.0.1:${httpsPort}`;
    writeFileSync(path.join(dir, 'site.conf'), siteConfig(sandbox.url,
      { httpPort, httpsPort, certFile: cert.certFile, keyFile: cert.keyFile }, variant));
    nginx = await startNginxIn(dir, base, client.request);
    return nginx !== null;
  }, `nginx (see ${dir}/error.log)`);
  return { base, stop: () => stopServer(nginx) };
}

// Reaches the review screen through the server and returns what the page says of its deployment, and
// whether the warning is on the screen.
async function reviewThrough(name, variant) {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
  const server = await startNginx(name, variant);
  try {
    const { context, page, driver } = await openPage(browser, server.base, tlsContext);
    await reachReviewForMyself(driver);
    const state = await driver.state();
    await page.mouse.move(2, 2); // a frame with the rectangles of the review screen
    await page.waitForTimeout(200);
    const warning = await page.evaluate(() => window.renewdesk.widget('Deployment warning'));
    await page.evaluate(() => { window.renewdesk.captureText(); window.renewdesk.redraw(); });
    const { drawnText } = await driver.waitFor((s) => s.drawnText, 'a frame that records its text');
    const timing = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/openapi\//.test(e.name))
      .map((e) => `${new URL(e.name).pathname.split('/').pop()} ${e.initiatorType} ${e.nextHopProtocol} ` +
        `fetch ${e.fetchStart.toFixed(1)} dns ${e.domainLookupStart.toFixed(1)} connect ` +
        `${e.connectStart.toFixed(1)}-${e.connectEnd.toFixed(1)} tls ${e.secureConnectionStart.toFixed(1)}`));
    console.log(`${name}: deployment ${JSON.stringify(state.deployment)}, warning shown ${!!warning}\n  ` +
      timing.join('\n  '));
    await driver.shot(`deployment-${name}`);
    await context.close();
    // The words on the screen, not only the widget: the sentence the issue asks for.
    assert.equal(drawnText.includes(warningWords), !!warning, `the warning's words drawn: ${drawnText}`);
    return { deployment: state.deployment, warningShown: !!warning };
  } finally {
    await server.stop();
  }
}

test('the shipped nginx.conf: HTTP/1.1, a new connection per request, no warning', async () => {
  const { deployment, warningShown } = await reviewThrough('shipped', (site) => site);
  assert.equal(deployment.protocol, 'http/1.1');
  assert.equal(deployment.connectionsReused, 'no');
  assert.ok(deployment.requests >= 4, 'the token and the three look-ups were seen');
  assert.equal(deployment.warning, false);
  assert.equal(warningShown, false);
});

test('nginx.conf with keep-alive toward the browser: the review screen warns', async () => {
  const { deployment, warningShown } = await reviewThrough('keepalive', withKeepAlive);
  assert.equal(deployment.protocol, 'http/1.1');
  assert.equal(deployment.connectionsReused, 'yes');
  assert.ok(deployment.requests >= 4);
  assert.equal(deployment.warning, true);
  assert.equal(warningShown, true);
});

// HTTP/2 as it is usually switched on: `http2` on the listener, keep-alive at nginx's default. (With
// the shipped `keepalive_timeout 0` left in, nginx 1.22 closes each HTTP/2 connection at once and the
// page never started in Chromium here: no page, so nothing to warn about.)
test('nginx.conf with http2 on its TLS listener: the review screen warns', async () => {
  const { deployment, warningShown } = await reviewThrough('http2', (site) => withHttp2(withKeepAlive(site)));
  assert.equal(deployment.protocol, 'h2');
  assert.ok(deployment.requests >= 4);
  assert.equal(deployment.warning, true);
  assert.equal(warningShown, true);
});

// A file:// page cannot fetch anything beside it (Chromium: "Cross origin requests are only supported
// for protocol schemes ... http, https"), so the wasm never loads: the page says what to do instead of
// "Failed to fetch".
test('opened from disk (file://), the page says it must be served by a web server', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(dist, 'index.html')).href);
  await page.waitForSelector('#problem:not([hidden])', { timeout: 10000 });
  const shown = await page.evaluate(() => ({
    title: document.getElementById('problem-title').textContent,
    text: document.getElementById('problem-text').textContent,
    loading: !document.getElementById('loading').hidden,
  }));
  console.log(`file:// page: ${JSON.stringify(shown)}`);
  await page.screenshot({ path: path.join(artifacts, 'file-page.png') });
  assert.equal(shown.text, 'RenewDesk must be served by a web server: run tools/run, or host the bundle (see README).');
  assert.equal(shown.loading, false);
  // The message stays: nothing later (a failed fetch) replaces it.
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => document.getElementById('problem-text').textContent), shown.text);
  await context.close();
});
