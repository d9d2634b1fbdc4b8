// Intranet hosting: a real nginx (Debian's) with the shipped web/deploy/nginx.conf serving dist/ and
// proxying the API to a sandbox. The config's upstream block is the only part replaced; the listen
// address and root, marked DEPLOY, are set as an administrator would. The browser renewal runs
// through it, and the response headers and the page's request origins are checked.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { control, launchBrowser, openPage, reachReviewForMyself, root, startSandbox } from './harness.js';

const dist = path.join(root, 'build/dist');

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function siteConfig(sandboxUrl, port) {
  const shipped = readFileSync(path.join(root, 'web/deploy/nginx.conf'), 'utf8');
  const upstream = new URL(sandboxUrl);
  const replaced = shipped.replace(/# >>> upstream[\s\S]*?# <<< upstream/, [
    `upstream partner_portal { server ${upstream.host}; keepalive 8; }`,
    'map "" $partner_portal_scheme { default http; }',
    `map "" $partner_portal_host { default ${upstream.host}; }`,
  ].join('\n'));
  assert.notEqual(replaced, shipped, 'the upstream block was found');
  return replaced
    .replace(/listen [^;]+;(\s+# DEPLOY)/, `listen 127.0.0.1:${port};$1`)
    .replace(/root [^;]+;(\s+# DEPLOY)/, `root ${dist};$1`);
}

let sandbox;
let nginx;
let browser;
let base;
before(async () => {
  assert.ok(readdirSync(dist).some((f) => f.endsWith('.wasm')), `${dist} holds a built page (tools/dist build/dist)`);
  sandbox = await startSandbox();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renewdesk-nginx-'));
  writeFileSync(path.join(dir, 'site.conf'), siteConfig(sandbox.url, port));
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
  nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  for (let i = 0; i < 100; ++i) {
    try { await fetch(base + '/'); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  sandbox?.stop();
});

test('index.html carries a strict CSP and is revalidated', async () => {
  const reply = await fetch(base + '/');
  assert.equal(reply.status, 200);
  const csp = reply.headers.get('content-security-policy');
  console.log(`index.html headers: ${JSON.stringify(Object.fromEntries(reply.headers))}`);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /connect-src 'self';/);
  assert.doesNotMatch(csp, /https?:|unsafe-inline|'unsafe-eval'/);
  assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(reply.headers.get('referrer-policy'), 'no-referrer');
  assert.match(reply.headers.get('cache-control'), /no-cache/);
});

test('hashed wasm is served as application/wasm, precompressed, cached for a year', async () => {
  const wasm = readdirSync(dist).find((f) => /^renewdesk\.[0-9a-f]{12}\.wasm$/.test(f));
  assert.ok(wasm, 'a hashed wasm in dist/');
  const reply = await fetch(`${base}/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  console.log(`${wasm} headers: ${JSON.stringify(Object.fromEntries(reply.headers))}`);
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('content-type'), 'application/wasm');
  assert.equal(reply.headers.get('content-encoding'), 'gzip');
  assert.match(reply.headers.get('cache-control'), /max-age=31536000/);
  assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  const js = readdirSync(dist).find((f) => /^renewdesk\.[0-9a-f]{12}\.js$/.test(f));
  const script = await fetch(`${base}/${js}`);
  assert.equal(script.headers.get('content-type'), 'application/javascript; charset=utf-8');
});

test('the API is proxied with User-Agent and Authorization passed through', async () => {
  const token = await fetch(base + '/auth/openapi/v1/oauth/token', {
    method: 'POST',
    headers: { 'User-Agent': 'OpenAPI', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=pp_credentials&client_id=demo-client-id&client_secret=demo-client-secret',
  });
  assert.equal(token.status, 200);
  const text = await token.text();
  const access = /"token":"([^"]+)"/.exec(text)[1];
  const users = await fetch(base + '/user/openapi/user/v1/client/partner_list', {
    headers: { 'User-Agent': 'OpenAPI', Authorization: `Bearer ${access}` },
  });
  assert.equal(users.status, 200);
  const unauthorized = await fetch(base + '/user/openapi/user/v1/client/partner_list', { headers: { 'User-Agent': 'OpenAPI' } });
  assert.equal(unauthorized.status, 401);
});

test('a full renewal through nginx, with no request to another origin', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
  const { context, driver, requests } = await openPage(browser, base);
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  await driver.waitForScreen('done');
  await driver.shot('nginx-receipt');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.match(orders[0].body, /"billingId": 3197218168379846218,/);
  const foreign = requests.filter((url) => !url.startsWith(base + '/'));
  assert.deepEqual(foreign, [], 'every request goes to the page origin');
  await context.close();
});
