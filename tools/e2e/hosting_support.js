// Shared pieces of the intranet hosting tests (nginx.test.js, apache.test.js, caddy.test.js): each runs
// a real web server (Debian's) with the file shipped in web/deploy/, serving dist/ over TLS and
// proxying the API to a sandbox that refuses any User-Agent but OpenAPI. Only the file's marked
// upstream block and its DEPLOY lines are replaced, as an administrator would; the checks below are
// the same for every server.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import tls from 'node:tls';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { control, freePort, openPage, reachReviewForMyself, root, waitForOrders } from './harness.js';

// The page as tools/dist builds it: build/dist, or $RENEWDESK_DIST (another dist folder, e.g. a release
// bundle's).
export const dist = process.env.RENEWDESK_DIST ? path.resolve(process.env.RENEWDESK_DIST)
  : path.join(root, 'build/dist');
export const browserUserAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
export const tlsContext = { ignoreHTTPSErrors: true }; // the throw-away certificate is self-signed

// The text of a file shipped in web/deploy/.
// The shipped server files: web/deploy/, or $RENEWDESK_DEPLOY (the deploy/ folder of an unpacked web
// bundle, so a release is tested with the files it carries).
const deployDir = process.env.RENEWDESK_DEPLOY ? path.resolve(process.env.RENEWDESK_DEPLOY)
  : path.join(root, 'web/deploy');
export function shipped(file) {
  return readFileSync(path.join(deployDir, file), 'utf8');
}

// Replaces the match of pattern in text, which must occur exactly `times` times (each replaced); a
// shipped file that lost a marked line fails here. replacement: a string ($1 etc.) or a function.
export function replaceMarked(text, pattern, replacement, what, file, times = 1) {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  assert.equal((text.match(global) || []).length, times, `exactly ${times} ${what} in web/deploy/${file}`);
  return text.replace(global, replacement);
}

// A throw-away self-signed certificate for 127.0.0.1 in dir: the stand-in for the host's own.
export function makeCertificate(dir) {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { certFile, keyFile, certificate: readFileSync(certFile, 'utf8') };
}

// Requests from node, over keep-alive agents (so a reply's Connection header is the server's choice,
// not an echo of ours); https trusts the given certificate and nothing else. Never follows redirects,
// never decompresses.
// A kept-alive connection can be closed by the server (its keep-alive timeout) just as the next
// request goes out on it: node then says "socket hang up" (ECONNRESET). Seen once on a loaded machine
// (apache.test.js, run 3 of 5); the client's race, not the server's. So a request other than GET or
// HEAD never goes on an idle kept-alive connection (the idle ones are closed first: it gets a new one,
// still asking for keep-alive), and a GET or HEAD that met the race on a reused connection is sent
// again once, as node's documentation advises for idempotent requests.
export function makeClient(certificate) {
  const agents = {};
  function request(url, { method = 'GET', headers = {}, body } = {}, retried = false) {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const agent = agents[target.protocol] ??= secure
      ? new https.Agent({ keepAlive: true, ca: certificate }) : new http.Agent({ keepAlive: true });
    const idempotent = method === 'GET' || method === 'HEAD';
    if (!idempotent) for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets) socket.destroy();
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
      outgoing.on('error', (error) => {
        if (idempotent && !retried && outgoing.reusedSocket && error.code === 'ECONNRESET') {
          resolve(request(url, { method, headers, body }, true));
        } else {
          reject(error);
        }
      });
      outgoing.end(body);
    });
  }
  return { request, close: () => { for (const agent of Object.values(agents)) agent.destroy(); } };
}

// `count` distinct loopback ports, free a moment ago, handed to start(ports) for a server that cannot
// listen on port 0. When another test file running beside this one took one of them in between (its
// sandbox on port 0), start() says so by returning false, and other ports are tried.
export async function onFreePorts(count, start, what) {
  for (let attempt = 1; ; ++attempt) {
    const ports = [];
    while (ports.length < count) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    if (await start(ports)) return ports;
    assert.ok(attempt < 5, `${what} found its ports taken 5 times`);
  }
}

// Starts a server process and waits until `url` answers (through `request`): resolves with the process,
// or with null when it exited saying its port was taken (`portTaken` found in one of `logs`). Its
// stdout and stderr go to the file `output` (one of the logs, as a rule).
export async function startServer({ command, args, env = process.env, output, logs, url, request, portTaken }) {
  for (const log of logs) writeFileSync(log, ''); // this start's words alone
  const fd = openSync(output, 'a');
  const child = spawn(command, args, { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise((resolve) => child.once('exit', () => resolve(true)));
  const words = () => logs.map((log) => readFileSync(log, 'utf8')).join('\n');
  for (let i = 0; i < 200; ++i) {
    if (await request(url).then(() => true, () => false)) return child;
    if (await Promise.race([exited, sleep(50).then(() => false)])) {
      if (portTaken.test(words())) return null;
      assert.fail(`${command} exited: ${words()}`);
    }
  }
  child.kill('SIGKILL');
  assert.fail(`${command} answers on ${url} within 10 s: ${words()}`);
}

// The shipped nginx.conf as a test deploys it, as an administrator would: its upstream block (the
// kept-alive pool and the orders' pool) pointed at the sandbox over plain HTTP, and the DEPLOY lines
// (listen ports on loopback, root: the dist folder, the throw-away certificate and key).
export function nginxSite(sandboxUrl, { httpPort, httpsPort, certFile, keyFile }) {
  const file = 'nginx.conf';
  const upstream = new URL(sandboxUrl);
  let site = replaceMarked(shipped(file), /# >>> upstream[\s\S]*?# <<< upstream/, [
    `upstream partner_portal { server ${upstream.host}; keepalive 8; }`,
    `upstream partner_portal_orders { server ${upstream.host}; }`,
    'map "" $partner_portal_scheme { default http; }',
    `map "" $partner_portal_host { default ${upstream.host}; }`,
  ].join('\n'), 'marked upstream block', file);
  const deploy = (pattern, replacement, what) => { site = replaceMarked(site, pattern, replacement, what, file); };
  deploy(/listen 80;(\s+# DEPLOY)/, `listen 127.0.0.1:${httpPort};$1`, 'DEPLOY listen 80');
  deploy(/listen 443 ssl;(\s+# DEPLOY)/, `listen 127.0.0.1:${httpsPort} ssl;$1`, 'DEPLOY listen 443 ssl');
  deploy(/root [^;]+;(\s+# DEPLOY)/, `root ${dist};$1`, 'DEPLOY root');
  deploy(/ssl_certificate [^;]+;(\s+# DEPLOY)/, `ssl_certificate ${certFile};$1`, 'DEPLOY ssl_certificate');
  deploy(/ssl_certificate_key [^;]+;(\s+# DEPLOY)/, `ssl_certificate_key ${keyFile};$1`, 'DEPLOY ssl_certificate_key');
  return site;
}

// Starts Debian's nginx on `dir`/site.conf (the shipped file, as a test set it up), with its pid, logs
// and temp folders in `dir`, once `nginx -t` accepts it; resolves as startServer does (null: a port of
// site.conf was taken meanwhile).
export async function startNginx(dir, base, request) {
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
  return startServer({
    command: 'nginx', args: ['-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    output: path.join(dir, 'nginx.out'), logs: [path.join(dir, 'error.log'), path.join(dir, 'nginx.out')],
    url: base + '/', request, portTaken: /Address already in use/,
  });
}

// Stops a server started by startServer and waits until it has gone.
export async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
}

// The direct children of a process (a server's workers).
export function childrenOf(pid) {
  const found = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  return found.stdout.split(/\s+/).filter(Boolean).map(Number);
}

export async function addFault(sandboxUrl, fault) {
  const reply = await fetch(sandboxUrl + '/__sandbox/faults', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault),
  });
  assert.equal(reply.status, 200, `the sandbox takes the fault ${JSON.stringify(fault)}: ${await reply.text()}`);
}

async function setSandboxClock(sandboxUrl, clockOffsetMs) {
  const reply = await fetch(sandboxUrl + '/__sandbox/config', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ clockOffsetMs }),
  });
  assert.equal(reply.status, 200, `the sandbox takes clockOffsetMs ${clockOffsetMs}: ${await reply.text()}`);
}

function token(request, baseUrl, userAgent) {
  return request(baseUrl + '/auth/openapi/v1/oauth/token', {
    method: 'POST',
    headers: { 'User-Agent': userAgent, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=pp_credentials&client_id=demo-client-id&client_secret=demo-client-secret',
  });
}

// Waits for the first of outcome_unknown / failed / done: a failed or done screen must not slip by.
export async function waitForOutcome(driver) {
  return driver.waitFor((s) => ['outcome_unknown', 'failed', 'done'].includes(s.screen), 'the order outcome', 30000);
}

// Waits for the order-list check to end in one of `statuses` (the app reads the list again by itself
// after an error: leave 'error' out to wait for that).
export async function waitForReconciliation(driver, statuses = ['found', 'none', 'error']) {
  return driver.waitFor((s) => s.reconciliation && statuses.includes(s.reconciliation.status),
    `the reconciliation to end in ${statuses.join(' or ')}`, 30000);
}

// ---- the checks; `site` is { name, base (https://127.0.0.1:PORT, the page's origin), plainBase
// (http://127.0.0.1:PORT, the redirect), sandbox, request (makeClient's), certificate } ----

export async function checkIndexHeaders(site) {
  const reply = await site.request(site.base + '/');
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
}

// HSTS on the TLS listener, on every kind of reply: the page, a hashed asset, an API reply (proxied) and
// a 404; the plain-HTTP redirect needs none (browsers ignore it over http).
export async function checkHsts(site) {
  const wasm = readdirSync(dist).find((f) => /^renewdesk\.[0-9a-f]{12}\.wasm$/.test(f));
  const replies = {
    '/': await site.request(site.base + '/'),
    [`/${wasm}`]: await site.request(`${site.base}/${wasm}`),
    'token': await token(site.request, site.base, browserUserAgent),
    '/no-such-file': await site.request(site.base + '/no-such-file'),
  };
  for (const [what, reply] of Object.entries(replies)) {
    assert.equal(reply.headers['strict-transport-security'], 'max-age=31536000', `${what} (${reply.status})`);
  }
  assert.equal(replies.token.status, 200, replies.token.text);
}

// /healthz: answered by the server itself (200, a small body "ok", never cached, its connection closed,
// the security headers on it). Never proxied: the sandbox standing for the API has no /healthz (it
// answers 404), so an "ok" is the server's own.
export async function checkHealthz(site) {
  const direct = await site.request(site.sandbox.url + '/healthz');
  assert.notEqual(direct.status, 200, 'the API has no /healthz');
  const reply = await site.request(site.base + '/healthz', { headers: { 'Accept-Encoding': 'gzip, br' } });
  console.log(`/healthz: ${reply.status} ${JSON.stringify(reply.text)} ${JSON.stringify(reply.headers)}`);
  assert.equal(reply.status, 200);
  assert.ok(reply.bytes.length > 0 && reply.bytes.length <= 64, `a small body: ${reply.bytes.length} bytes`);
  assert.match(decoded(reply).toString('utf8'), /^ok\s*$/);
  assert.match(reply.headers['cache-control'] || '', /no-cache|no-store/);
  assert.equal(reply.headers.connection, 'close');
  assert.equal(reply.headers['strict-transport-security'], 'max-age=31536000');
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  // Over plain HTTP it only redirects, like everything else.
  const plain = await site.request(site.plainBase + '/healthz');
  assert.ok([301, 308].includes(plain.status), `plain /healthz: ${plain.status}`);
}

// A reply's body as the browser reads it: decoded by its Content-Encoding (none, gzip or br).
function decoded(reply) {
  const encoding = reply.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(reply.bytes);
  if (encoding === 'br') return brotliDecompressSync(reply.bytes);
  assert.equal(encoding, undefined, `an encoding this test knows: ${encoding}`);
  return reply.bytes;
}

// The hashed wasm: application/wasm (the browser compiles it while it streams only with that type),
// served precompressed as dist/ holds it (gzip; with `brotli`, br too and the file as it is to a
// client that accepts neither), cached for a year. `scriptType` is the server's type for .js.
export async function checkHashedWasm(site, { scriptType, brotli = false }) {
  const wasm = readdirSync(dist).find((f) => /^renewdesk\.[0-9a-f]{12}\.wasm$/.test(f));
  assert.ok(wasm, 'a hashed wasm in dist/');
  const file = readFileSync(path.join(dist, wasm));
  const encodings = [['gzip', 'gzip']];
  if (brotli) encodings.push(['gzip, deflate, br', 'br'], ['identity', undefined]);
  for (const [accepted, expected] of encodings) {
    const reply = await site.request(`${site.base}/${wasm}`, { headers: { 'Accept-Encoding': accepted } });
    console.log(`${wasm} (Accept-Encoding: ${accepted}) headers: ${JSON.stringify(reply.headers)}`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-type'], 'application/wasm');
    assert.equal(reply.headers['content-encoding'], expected);
    assert.equal(reply.headers['content-language'], undefined, 'no language: .br names an encoding');
    assert.ok(decoded(reply).equals(file), `${accepted}: the wasm's own bytes`);
    if (expected) {
      const copy = readFileSync(path.join(dist, `${wasm}.${expected === 'gzip' ? 'gz' : 'br'}`));
      assert.ok(reply.bytes.equals(copy), `${accepted}: dist/'s precompressed copy as it is`);
    }
    assert.match(reply.headers['cache-control'], /max-age=31536000/);
    assert.equal(reply.headers['x-content-type-options'], 'nosniff');
    assert.equal(reply.headers.connection, 'close');
  }
  const js = readdirSync(dist).find((f) => /^renewdesk\.[0-9a-f]{12}\.js$/.test(f));
  const script = await site.request(`${site.base}/${js}`);
  assert.equal(script.headers['content-type'], scriptType);
}

// The baked font atlas (issue 26): dist's hashed atlas-100.<hash>.bin, named in the hashed shell.js,
// served as application/octet-stream, precompressed, cached for a year.
export async function checkBakedAtlas(site) {
  const atlas = readdirSync(dist).find((f) => /^atlas-100\.[0-9a-f]{12}\.bin$/.test(f));
  assert.ok(atlas, 'a hashed atlas-100 in dist/');
  const shell = readdirSync(dist).find((f) => /^shell\.[0-9a-f]{12}\.js$/.test(f));
  assert.ok(readFileSync(path.join(dist, shell), 'utf8').includes(atlas), 'the hashed shell.js names the hashed atlas');
  const reply = await site.request(`${site.base}/${atlas}`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(reply.status, 200);
  assert.equal(reply.headers['content-type'], 'application/octet-stream');
  assert.equal(reply.headers['content-encoding'], 'gzip');
  assert.ok(decoded(reply).equals(readFileSync(path.join(dist, atlas))), "the atlas's own bytes");
  assert.match(reply.headers['cache-control'], /max-age=31536000/);
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
}

// The glyph slices, and the UI font beside their folder (the page fetches it when it must rasterise).
export async function checkGlyphSlices(site) {
  const entries = readdirSync(path.join(dist, 'glyphs'));
  const versions = entries.filter((name) => /^[0-9a-f]{12}$/.test(name));
  assert.equal(versions.length, 1, 'one folder of slices, named by their contents');
  const [version] = versions;
  assert.ok(readdirSync(path.join(dist, 'glyphs', version)).includes('cjk-4e00.otf'), 'the slice of U+4E00..');
  const uiFont = entries.filter((name) => /^ui-[0-9a-f]{16}\.otf$/.test(name));
  assert.equal(uiFont.length, 1, 'one UI font, named by its fingerprint');
  for (const file of [`${version}/cjk-4e00.otf`, uiFont[0]]) {
    const reply = await site.request(`${site.base}/glyphs/${file}`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(reply.status, 200, file);
    assert.equal(reply.headers['content-type'], 'font/otf', file);
    assert.equal(reply.headers['content-encoding'], 'gzip', file);
    assert.ok(decoded(reply).equals(readFileSync(path.join(dist, 'glyphs', file))), `${file}: its own bytes`);
    assert.match(reply.headers['cache-control'], /max-age=31536000/, file);
    assert.equal(reply.headers['x-content-type-options'], 'nosniff', file);
  }
}

export async function checkRedirect(site) {
  for (const route of ['/', '/index.html?x=1', '/order/openapi/order/v1/save']) {
    const reply = await site.request(site.plainBase + route);
    assert.ok([301, 308].includes(reply.status), `${route}: ${reply.status}`);
    const location = new URL(reply.headers.location);
    assert.equal(location.protocol, 'https:');
    assert.equal(location.hostname, '127.0.0.1');
    assert.equal(location.pathname + location.search, route);
    assert.equal(reply.headers.connection, 'close');
  }
  const post = await site.request(site.plainBase + '/order/openapi/order/v1/save', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
  });
  assert.ok([301, 308].includes(post.status));
  assert.equal((await control(site.sandbox.url, 'GET', '/__sandbox/orders')).length, 0, 'plain HTTP reaches no API');
}

export async function checkTlsNoH2(site) {
  const port = Number(new URL(site.base).port);
  const socket = tls.connect({ host: '127.0.0.1', port, ca: site.certificate, ALPNProtocols: ['h2', 'http/1.1'] });
  await new Promise((resolve, reject) => { socket.once('secureConnect', resolve); socket.once('error', reject); });
  console.log(`TLS: ${socket.getProtocol()}, ALPN: ${socket.alpnProtocol}`);
  assert.notEqual(socket.alpnProtocol, 'h2');
  assert.match(socket.getProtocol(), /^TLSv1\.[23]$/);
  socket.destroy();
}

export async function checkUserAgent(site) {
  // A browser's User-Agent through the server: replaced, so the API takes it.
  const viaServer = await token(site.request, site.base, browserUserAgent);
  assert.equal(viaServer.status, 200, viaServer.text);
  assert.equal(viaServer.headers.connection, 'close');
  const access = /"token":"([^"]+)"/.exec(viaServer.text)[1];
  const users = await site.request(site.base + '/user/openapi/user/v1/client/partner_list', {
    headers: { 'User-Agent': browserUserAgent, Authorization: `Bearer ${access}` },
  });
  assert.equal(users.status, 200, users.text);
  assert.equal(users.headers.connection, 'close');
  const unauthorized = await site.request(site.base + '/user/openapi/user/v1/client/partner_list', {
    headers: { 'User-Agent': browserUserAgent },
  });
  assert.equal(unauthorized.status, 401);
  // The same request straight to the API: refused for its User-Agent.
  const direct = await token(site.request, site.sandbox.url, browserUserAgent);
  console.log(`direct with a browser User-Agent: ${direct.status} ${direct.text}`);
  assert.equal(direct.status, 400);
  assert.equal(JSON.parse(direct.text).code, 'invalid_user_agent');
  assert.equal((await token(site.request, site.sandbox.url, 'OpenAPI')).status, 200);
}

// The API's Date, not the server's: RenewDesk reads the API's clock from it (the order-list check
// after an unknown outcome is placed on that clock). With the sandbox's clock 90 s behind, a reply
// through the server must say the sandbox's time, once, while the server's own files say its own.
export async function checkApiDate(site) {
  const offsetMs = -90000;
  // Every Date header of a reply (node's headers object would keep only one of several).
  const dates = (reply) => reply.rawHeaders.filter((_, i) => i % 2 === 1 && /^date$/i.test(reply.rawHeaders[i - 1]));
  await setSandboxClock(site.sandbox.url, offsetMs);
  try {
    const direct = await token(site.request, site.sandbox.url, 'OpenAPI');
    const viaServer = await token(site.request, site.base, browserUserAgent);
    const page = await site.request(site.base + '/');
    const now = Date.now();
    console.log(`Date: direct ${direct.headers.date}, via ${site.name} ${viaServer.headers.date}, ` +
      `${site.name}'s own ${page.headers.date}, now ${new Date(now).toUTCString()}`);
    assert.equal(viaServer.status, 200, viaServer.text);
    assert.ok(direct.headers.date, 'the sandbox sends a Date');
    assert.ok(Math.abs(Date.parse(direct.headers.date) - (now + offsetMs)) <= 5000, 'the sandbox runs 90 s behind');
    assert.equal(dates(viaServer).length, 1, `exactly one Date header through ${site.name}: ${dates(viaServer)}`);
    assert.ok(Math.abs(Date.parse(viaServer.headers.date) - (now + offsetMs)) <= 5000,
      `the API's Date through ${site.name}: ${viaServer.headers.date}`);
    assert.ok(Math.abs(Date.parse(page.headers.date) - now) <= 5000,
      `${site.name}'s own Date on its files: ${page.headers.date}`);
  } finally {
    await setSandboxClock(site.sandbox.url, 0);
  }
}

// ---- the renewal in the browser ----

export async function checkFullRenewal(site, browser) {
  const { context, page, driver, requests } = await openPage(browser, site.base, tlsContext);
  const connectionHeaders = [];
  page.on('response', (response) => {
    connectionHeaders.push(response.allHeaders().then((h) => `${h.connection} ${response.url()}`));
  });
  assert.equal((await driver.state()).glyphs.baked, 'used', 'the page restored the atlas baked for its scale, through the server');
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  await driver.waitForScreen('done');
  await driver.shot(`${site.name}-receipt`);
  const orders = await control(site.sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.match(orders[0].body, /"billingId": 3197218168379846218,/);
  // Toward the API the order goes on a connection of its own, after the lookups' kept-alive ones.
  assert.equal(orders[0].connectionRequest, 1, "the order was the first request on the server's connection to the API");
  const foreign = requests.filter((url) => !url.startsWith(site.base + '/'));
  assert.deepEqual(foreign, [], 'every request goes to the page origin');
  const seen = await Promise.all(connectionHeaders);
  assert.ok(seen.some((line) => line.includes('/order/openapi/')), 'the order reply was seen');
  assert.deepEqual(seen.filter((line) => !line.startsWith('close ')), [], 'every reply closes its connection');
  await context.close();
}

// The server dies while the API holds the order's reply (3 s): one order, "outcome unknown", then found
// in the order list. `server` does the dying: prepare() before the order is confirmed (its result goes
// to the others), kill(prepared) once the order has reached the API and its reply is held; at the end
// describe(prepared) gives words for the log and check(prepared) asserts about the server. `shot`
// names the screenshot; `statuses` are those the order-list check may end in (waitForReconciliation).
export async function checkServerDiesWhileOrderHeld(site, browser, server,
  { shot = `${site.name}-server-died`, statuses = ['found', 'none', 'error'] } = {}) {
  const { context, driver } = await openPage(browser, site.base, tlsContext);
  await addFault(site.sandbox.url, { endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true });
  await reachReviewForMyself(driver);
  const prepared = await server.prepare();
  await driver.click('Confirm order');
  const placed = await waitForOrders(site.sandbox.url, 1);
  assert.equal(placed.length, 1, 'the order reached the API');
  assert.equal((await driver.state()).screen, 'submitting', 'the reply is still held');
  await server.kill(prepared);
  const killedAt = Date.now();

  const outcome = await waitForOutcome(driver);
  await driver.shot(shot);
  if (outcome.screen !== 'outcome_unknown') { // e.g. a receipt: the browser sent the order again by itself
    const orders = await control(site.sandbox.url, 'GET', '/__sandbox/orders');
    assert.fail(`${site.name} died mid-order: screen ${outcome.screen}, orders in the log ${orders.length}`);
  }
  const reconciled = await waitForReconciliation(driver, statuses);
  // A re-send would come within moments of the dropped connection; the held reply ends 3 s after the
  // order. Look again once both are well past.
  const settleUntil = killedAt + 5000;
  while (Date.now() < settleUntil) await sleep(Math.min(250, settleUntil - Date.now()));
  const orders = await control(site.sandbox.url, 'GET', '/__sandbox/orders');
  const serverWords = await server.describe(prepared);
  console.log(`${site.name} died mid-order: orders in the log ${orders.length}, screen ${outcome.screen}, ` +
    `reconciliation ${reconciled.reconciliation.status} ${reconciled.reconciliation.orderNo} ` +
    `(log ${orders[0]?.result?.orderNo}, pages ${reconciled.reconciliation.pages}), ` +
    `ordersSent ${reconciled.ordersSent}, ${serverWords}`);
  assert.equal(orders.length, 1, 'exactly one order');
  assert.equal(reconciled.screen, 'outcome_unknown');
  assert.equal(reconciled.reconciliation.status, 'found');
  assert.equal(reconciled.reconciliation.orderNo, orders[0].result.orderNo);
  assert.equal(reconciled.ordersSent, 1);
  await server.check(prepared);
  await context.close();
}

// Replies that fail after the API created the order: never "failed", always "outcome unknown", and the
// order found. commit_then_drop (the API closes the connection without a reply) is the proxy's own
// case: nginx answers 502; Apache, on a kept-alive browser connection, would close that connection
// without a reply so that the browser retries (mod_proxy_http's AH01104), which KeepAlive Off prevents.
export const faultsAfterCommit = [
  { endpoint: 'save', kind: 'api_error', status: 500, code: 'internal_error', commit: true },
  {
    endpoint: 'save', kind: 'http_status', status: 504, content_type: 'application/json',
    body: '{"code":504,"message":"Gateway Timeout"}', commit: true,
  },
  { endpoint: 'save', kind: 'api_error', status: 200, code: 'system_busy', commit: true },
  { endpoint: 'save', kind: 'html', status: 502, commit: true },
  { endpoint: 'save', kind: 'commit_then_drop' },
];

export function faultName(fault) {
  return `${fault.kind}${fault.status ? ' ' + fault.status : ''}${fault.code ? ' ' + fault.code : ''}`;
}

export async function checkFaultAfterCommit(site, browser, fault) {
  const name = faultName(fault);
  const { context, driver } = await openPage(browser, site.base, tlsContext);
  await addFault(site.sandbox.url, fault);
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  const outcome = await waitForOutcome(driver);
  if (outcome.screen !== 'outcome_unknown') { // a receipt may mean the browser sent the order again
    const orders = await control(site.sandbox.url, 'GET', '/__sandbox/orders');
    assert.fail(`${name}: screen ${outcome.screen} (never failed: ${outcome.error}), ` +
      `orders in the log ${orders.length}`);
  }
  const reconciled = await waitForReconciliation(driver).catch((error) => {
    // A check that never answers (seen once): what the sandbox saw of its requests, with their times.
    console.log(`${name}: the sandbox's last requests:\n${site.sandbox.recentLog?.() ?? '(no log)'}`);
    throw error;
  });
  const orders = await control(site.sandbox.url, 'GET', '/__sandbox/orders');
  console.log(`${name}: orders in the log ${orders.length}, screen ${outcome.screen}` +
    `${outcome.failure ? ' (' + outcome.failure + ')' : ''}, reconciliation ${reconciled.reconciliation.status}`);
  assert.equal(orders.length, 1);
  assert.equal(orders[0].connectionRequest, 1, "the order came on a connection of its own toward the API");
  assert.equal(reconciled.screen, 'outcome_unknown');
  assert.equal(reconciled.reconciliation.status, 'found');
  assert.equal(reconciled.reconciliation.orderNo, orders[0].result.orderNo);
  assert.equal(reconciled.ordersSent, 1);
  await context.close();
}
