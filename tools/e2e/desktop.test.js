// The desktop app end to end: build/native/bin/renewdesk in Xvfb (Mesa llvmpipe, OpenGL 3.3 core)
// against the real sandbox, driven by real X input events from xdotool. Widget positions come from
// the app's read-only --test-hooks file, in screen pixels of the X display.
// Needs Xvfb, xdotool and ImageMagick's import (tools/bootstrap installs them) and a native build:
//   cmake --build --preset native --target renewdesk_desktop renewdesk-sandbox
// The Xvfb, sandbox and app helpers are in desktop_harness.js (shared with desktop_unicode.test.js).
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import {
  appBinary, closedPort, DesktopApp, focusField, sandboxBinary, secret, signIn, startDesktop, stop, stopDesktop,
  submitSignIn, tempDir, track,
} from './desktop_harness.js';
import { control, freePort, tutorialBodyForMyself, waitForOrders, withoutGeneratedReference } from './harness.js';

let display; // ":N"
let sandbox; // { url }

// Every file under dir whose text contains needle.
function filesContaining(dir, needle) {
  const found = [];
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, entry);
    if (statSync(file).isFile() && readFileSync(file, 'utf8').includes(needle)) found.push(file);
  }
  return found;
}

before(async () => {
  ({ display, sandbox } = await startDesktop());
});

after(stopDesktop);

test('renewal for myself with real X input sends the tutorial body once and keeps no secret', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
  const app = new DesktopApp({ args: ['--base-url', sandbox.url] });
  await app.waitForScreen('signed_out');
  console.log(`first hooks file ${Date.now() - app.startedAt} ms after spawn; ${app.stderr.trim()}`);
  await app.widget('Sign in');
  await app.shot('1-signed_out');

  await signIn(app);
  await app.shot('2-choosing');
  await app.click('Renew for myself');
  await app.click('contact:3197218168379846218');
  await app.click('Review order');
  await app.waitForScreen('reviewing');
  await app.widget('Confirm order');
  await app.shot('3-reviewing');

  await app.click('Confirm order');
  const done = await app.waitForScreen('done');
  assert.equal(done.receiptStatus, 'succeed');
  assert.equal(done.ordersSent, 1);
  await app.click('Download receipt');
  const saved = await app.waitFor((s) => s.notice.startsWith('Saved to '), 'the receipt to be saved');
  await app.shot('4-done');

  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.equal(withoutGeneratedReference(orders[0].body), tutorialBodyForMyself);

  const receipt = saved.notice.slice('Saved to '.length);
  assert.equal(path.dirname(receipt), path.join(app.configDir, 'receipts'));
  JSON.parse(readFileSync(receipt, 'utf8'));

  // Rendering on demand: an idle window costs (almost) no CPU. A deliberate pause first: after the
  // last change the app draws a few settle frames (src/app/frame.h), then sleeps, and nothing in the
  // hooks says it sleeps (an app asleep writes nothing); 500 ms is ten times those frames.
  await app.idle();
  await sleep(500);
  const ticks = await app.cpuTicksOver(3000);
  console.log(`CPU while idle for 3 s: ${ticks * 10} ms`);
  assert.ok(ticks <= 3, `idle app used ${ticks * 10} ms of CPU in 3 s`);

  const exit = await app.quit(); // SIGTERM: an orderly exit that saves the window size
  assert.deepEqual(exit, { code: 0, signal: null });
  const settings = JSON.parse(readFileSync(app.settingsFile, 'utf8'));
  assert.equal(settings.baseUrl, sandbox.url);
  assert.equal(settings.clientId, 'demo-client-id');
  assert.deepEqual(settings.window, { width: 1200, height: 760 });
  assert.ok(!readFileSync(app.settingsFile, 'utf8').includes(secret), 'the settings hold the secret');
  assert.deepEqual(filesContaining(app.home, secret), [], 'a file under HOME holds the secret');
  assert.deepEqual(filesContaining(path.dirname(app.hooksFile), secret), [], 'the hooks file holds the secret');
});

test('network down: the error is shown, nothing crashes, and the Base URL field recovers (UI scale 1.5)', async () => {
  // --scale stands in for a HiDPI monitor's content scale: clicks land only if the hooks map right.
  const app = new DesktopApp({ args: ['--base-url', `http://127.0.0.1:${await closedPort()}`, '--scale', '1.5'] });
  await app.waitForScreen('signed_out');
  assert.equal(app.hooks().window.uiScale, 1.5);
  await app.click('Client ID');
  await app.type('demo-client-id');
  await app.click('Client Secret');
  await app.type(secret);
  await app.click('Sign in');
  const failed = await app.waitFor((s) => s.screen === 'signed_out' && s.error !== '', 'the connection error');
  console.log(`shown: ${failed.error}`);
  await app.shot('5-network-down');

  await app.click('Base URL');
  await app.key('ctrl+a');
  await app.type(sandbox.url);
  await app.click('Client Secret'); // the secret field was emptied when the first attempt took it
  await app.type(secret);
  await app.click('Sign in');
  await app.waitFor((s) => s.screen === 'choosing' && s.error === '', 'sign-in on the typed Base URL');
  assert.equal((await app.quit()).code, 0);
  assert.equal(JSON.parse(readFileSync(app.settingsFile, 'utf8')).baseUrl, sandbox.url);
});

test('a corrupt settings file is reported, kept aside and replaced', async () => {
  const home = tempDir('home');
  const configDir = path.join(home, 'config', 'renewdesk');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(path.join(configDir, 'settings.json'), '{"baseUrl": "http://x", ');
  const app = new DesktopApp({ home });
  await app.waitForScreen('signed_out');
  await app.widget('Sign in');
  await app.shot('6-corrupt-settings');
  assert.match(app.stderr, /could not be read \(it is not valid JSON\)/);
  // The same words in the UI's one notice line, with the place the old file was kept.
  assert.match(app.hooks().state.notice, /could not be read \(it is not valid JSON\)\. .*kept as .*settings\.json\.corrupt/);
  assert.equal(readFileSync(path.join(configDir, 'settings.json.corrupt'), 'utf8'), '{"baseUrl": "http://x", ');
  JSON.parse(readFileSync(path.join(configDir, 'settings.json'), 'utf8'));
  assert.equal((await app.quit()).code, 0);
});

test('--sandbox starts the sibling sandbox, uses it, and stops it on exit', async () => {
  const app = new DesktopApp({ args: ['--sandbox'] });
  await app.waitForScreen('signed_out');
  const [sandboxPid] = readFileSync(`/proc/${app.pid}/task/${app.pid}/children`, 'utf8').trim().split(/\s+/);
  assert.deepEqual(readFileSync(`/proc/${sandboxPid}/cmdline`, 'utf8').split('\0').slice(0, 3),
    [sandboxBinary, '--port', '0']);
  await signIn(app);
  assert.equal((await app.quit()).code, 0);
  assert.ok(!existsSync(`/proc/${sandboxPid}`), 'the sandbox still runs (or was not reaped) after the app quit');
  // A demo session's port and credentials are not worth remembering.
  const settings = JSON.parse(readFileSync(app.settingsFile, 'utf8'));
  assert.equal(settings.baseUrl, '');
  assert.equal(settings.clientId, '');
});

test('without OpenGL 3.3 or without a display: a sentence on stderr and exit code 2', () => {
  const home = tempDir('home');
  const noGl = spawnSync(appBinary, [], {
    env: { PATH: process.env.PATH, HOME: home, DISPLAY: display, MESA_GL_VERSION_OVERRIDE: '3.0' }, encoding: 'utf8',
  });
  assert.equal(noGl.status, 2, noGl.stderr);
  assert.match(noGl.stderr, /cannot open a window with an OpenGL 3\.3 core context/);
  const noDisplay = spawnSync(appBinary, [], { env: { PATH: process.env.PATH, HOME: home }, encoding: 'utf8' });
  assert.equal(noDisplay.status, 2, noDisplay.stderr);
  assert.match(noDisplay.stderr, /cannot start the window system .*DISPLAY/);
});

test('the app killed (SIGKILL) while submitting: after a restart and sign-in, reconciliation finds the order', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/reset');
  const home = tempDir('home');
  const app = new DesktopApp({ args: ['--base-url', sandbox.url], home });
  await app.waitForScreen('signed_out');
  await signIn(app);
  await app.click('Renew for myself');
  await app.click('contact:3197218168379846218');
  await app.click('Review order');
  await app.waitForScreen('reviewing');
  // The API commits the order at once and holds its reply for 3 s.
  const fault = await fetch(sandbox.url + '/__sandbox/faults', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ endpoint: 'save', kind: 'delay', delay_ms: 3000, commit: true }),
  });
  assert.equal(fault.status, 200, await fault.text());
  await app.click('Confirm order');
  const placed = await waitForOrders(sandbox.url, 1);
  assert.equal(placed.length, 1, 'the order reached the API');
  const inFlight = await app.waitFor((s) => s.screen === 'submitting' && s.journal.pending, 'the journal of the order in flight');
  assert.equal(inFlight.ordersSent, 1);
  app.child.kill('SIGKILL');
  assert.deepEqual(await app.child.exited, { code: null, signal: 'SIGKILL' });

  const again = new DesktopApp({ args: ['--base-url', sandbox.url], home });
  const signedOut = await again.waitForScreen('signed_out');
  await again.widget('Sign in');
  await again.shot('7-journal-after-kill');
  assert.equal(signedOut.journal.pending, true, 'the sign-in screen knows of the order in flight');
  // The Client ID is remembered from the first run (replacing it with Ctrl+A raced the click once):
  // only the secret is typed, as a user would.
  await focusField(again, 'Client Secret');
  await again.type(secret);
  await again.click('Sign in');
  const outcome = await again.waitFor((s) => ['outcome_unknown', 'failed', 'done', 'choosing'].includes(s.screen),
    'the screen after sign-in').catch(async (error) => {
    await again.shot('7b-sign-in-after-kill-failed');
    throw error;
  });
  assert.equal(outcome.screen, 'outcome_unknown');
  const reconciled = await again.waitFor((s) => ['found', 'none', 'error'].includes(s.reconciliation.status),
    'the reconciliation', 30000);
  await again.shot('8-reconciled-after-kill');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  console.log(`desktop killed mid-order: orders in the log ${orders.length}, screen ${outcome.screen}, ` +
    `reconciliation ${reconciled.reconciliation.status} ${reconciled.reconciliation.orderNo} (log ${orders[0]?.result?.orderNo})`);
  assert.equal(orders.length, 1);
  assert.equal(reconciled.reconciliation.status, 'found');
  assert.equal(reconciled.reconciliation.orderNo, orders[0].result.orderNo);
  assert.equal(reconciled.ordersSent, 0, 'the restarted app sent nothing');
  await again.waitFor((s) => s.journal.pending === false, 'the journal to be cleared');
  assert.equal((await again.quit()).code, 0);
});

// ---- an intranet's TLS-inspecting proxy with its own CA ----

// A real nginx (Debian's) terminating TLS with a server certificate signed by a CA made here, and
// proxying to the sandbox on loopback: it stands for an intranet's TLS-inspecting proxy, whose CA
// no system trusts. The app never turns verification off: it trusts that CA only when told to, by
// caBundle in its settings file or by --ca-bundle (which wins).
test('CA bundle: a proxy signed by an unknown CA is refused; caBundle in the settings or --ca-bundle (which wins) trusts it', async () => {
  const pki = makeTestPki(tempDir('pki'));
  const proxy = await startTlsProxy(sandbox.url, pki, tempDir('tls-proxy'));
  try {
    // No CA bundle: curl's verification refuses the certificate; no request reaches the sandbox.
    const plain = new DesktopApp({ args: ['--base-url', proxy.url] });
    await plain.waitForScreen('signed_out');
    const before = proxy.accessLines().length;
    await submitSignIn(plain);
    const refused = await plain.waitFor((s) => s.screen === 'signed_out' && s.error !== '' && !s.busy,
      'the certificate error');
    await plain.shot('9-ca-unknown');
    console.log(`without a CA bundle: ${refused.error}`);
    assert.match(refused.error, /certificate is not trusted, so nothing was sent.*--ca-bundle/);
    assert.equal(refused.users.status, 'idle', 'no lookup started');
    assert.deepEqual(proxy.accessLines().slice(before), [], 'a request got through nginx to the sandbox');
    // The handshake was refused by the app (its TLS alert), not dropped on the way.
    assert.ok(proxy.errorLines().some((l) => /alert unknown ca/.test(l)), `nginx logged no "unknown ca" alert`);
    assert.equal((await plain.quit()).code, 0);

    // caBundle in the settings file (no command-line flag): the lookups load through the proxy.
    const home = writeSettings(tempDir('home'), { caBundle: pki.caFile });
    const trusted = new DesktopApp({ args: ['--base-url', proxy.url], home });
    await trusted.waitForScreen('signed_out');
    await signIn(trusted);
    assert.ok(proxy.accessLines().some((l) => l.includes('/oauth/token')), 'the token request went through nginx');
    assert.equal((await trusted.quit()).code, 0);
    assert.equal(JSON.parse(readFileSync(trusted.settingsFile, 'utf8')).caBundle, pki.caFile, 'caBundle kept');

    // --ca-bundle wins over a caBundle that names an existing but wrong certificate.
    const wrongHome = writeSettings(tempDir('home'), { caBundle: pki.unrelatedFile });
    const flagged = new DesktopApp({ args: ['--base-url', proxy.url, '--ca-bundle', pki.caFile], home: wrongHome });
    await flagged.waitForScreen('signed_out');
    await signIn(flagged);
    assert.equal((await flagged.quit()).code, 0);
    assert.equal(JSON.parse(readFileSync(flagged.settingsFile, 'utf8')).caBundle, pki.unrelatedFile,
      'the command line is not written into the settings');

    // The control case for the above: that wrong caBundle alone is refused.
    const wrong = new DesktopApp({ args: ['--base-url', proxy.url], home: wrongHome });
    await wrong.waitForScreen('signed_out');
    await submitSignIn(wrong);
    const wrongRefused = await wrong.waitFor((s) => s.screen === 'signed_out' && s.error !== '' && !s.busy,
      'the certificate error with the wrong caBundle');
    console.log(`with the wrong caBundle alone: ${wrongRefused.error}`);
    assert.match(wrongRefused.error, /certificate/i);
    assert.equal((await wrong.quit()).code, 0);
  } finally {
    await stop(proxy.child);
  }
});

test('a CA bundle that does not exist: exit code 1 and a sentence naming the file', () => {
  const home = tempDir('home');
  const env = { PATH: process.env.PATH, HOME: home, DISPLAY: display, XDG_CONFIG_HOME: path.join(home, 'config') };
  const flag = spawnSync(appBinary, ['--ca-bundle', '/no/such/file'], { env, encoding: 'utf8', timeout: 10000 });
  console.log(`--ca-bundle /no/such/file: exit ${flag.status}, stderr ${JSON.stringify(flag.stderr)}`);
  assert.equal(flag.status, 1, flag.stderr);
  assert.match(flag.stderr, /\/no\/such\/file/);
  assert.match(flag.stderr, /--ca-bundle/);

  writeSettings(home, { caBundle: '/no/such/settings-file.pem' });
  const setting = spawnSync(appBinary, [], { env, encoding: 'utf8', timeout: 10000 });
  console.log(`caBundle /no/such/settings-file.pem: exit ${setting.status}, stderr ${JSON.stringify(setting.stderr)}`);
  assert.equal(setting.status, 1, setting.stderr);
  assert.match(setting.stderr, /\/no\/such\/settings-file\.pem/);
  assert.match(setting.stderr, /caBundle/);
});
// Writes home/config/renewdesk/settings.json (XDG_CONFIG_HOME is home/config); returns home.
function writeSettings(home, settings) {
  const configDir = path.join(home, 'config', 'renewdesk');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(path.join(configDir, 'settings.json'), JSON.stringify(settings));
  return home;
}

// A test CA, a server certificate for IP:127.0.0.1 signed by it, and an unrelated self-signed
// certificate (a wrong but readable CA bundle), made with the openssl CLI.
function makeTestPki(dir) {
  const file = (name) => path.join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2',
    '-subj', '/CN=RenewDesk e2e intranet proxy CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
    '-set_serial', '2', '-days', '2', '-extfile', file('server.ext'), '-out', file('server.pem'));
  openssl('req', '-x509', ...ec, '-keyout', file('unrelated.key'), '-out', file('unrelated.pem'), '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1');
  execFileSync('openssl', ['verify', '-CAfile', file('ca.pem'), file('server.pem')], { stdio: 'ignore' });
  return { caFile: file('ca.pem'), certFile: file('server.pem'), keyFile: file('server.key'), unrelatedFile: file('unrelated.pem') };
}

// nginx on https://127.0.0.1:PORT with pki's server certificate, proxying everything to upstreamUrl.
// The sandbox here does not demand a User-Agent (no --require-user-agent), and the desktop app sends
// User-Agent: OpenAPI itself: nginx passes requests through unchanged.
// nginx cannot listen on port 0: a port found free is given to it, and when a test file running beside
// this one took it in between, nginx says so ("Address already in use") and another port is tried.
async function startTlsProxy(upstreamUrl, pki, dir) {
  for (let attempt = 1; ; ++attempt) {
    const proxy = await startTlsProxyOn(await freePort(), upstreamUrl, pki, dir);
    if (proxy) return proxy;
    assert.ok(attempt < 5, `nginx found its port taken 5 times; see ${dir}/error.log`);
  }
}

async function startTlsProxyOn(port, upstreamUrl, pki, dir) {
  writeFileSync(path.join(dir, 'nginx.conf'), `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events {}
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${pki.certFile};
    ssl_certificate_key ${pki.keyFile};
    location / {
      proxy_pass ${upstreamUrl};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`);
  const check = spawnSync('nginx', ['-t', '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  writeFileSync(path.join(dir, 'error.log'), ''); // this start's words alone
  const child = track(spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' }));
  const lines = (name) => {
    try { return readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean); } catch { return []; }
  };
  // Up once it accepts a TCP connection (no TLS handshake, no request: nothing for the logs).
  let up = false;
  for (let i = 0; i < 200 && !up; ++i) {
    up = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (!up) await sleep(50);
    if (!up && child.exitCode !== null) {
      if (lines('error.log').some((line) => /Address already in use/.test(line))) return null;
      assert.fail(`nginx exited: ${lines('error.log').join('\n')}`);
    }
  }
  assert.ok(up, `nginx listens on 127.0.0.1:${port}; see ${dir}/error.log`);
  return { url: `https://127.0.0.1:${port}`, child, accessLines: () => lines('access.log'), errorLines: () => lines('error.log') };
}
