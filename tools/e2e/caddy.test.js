// Intranet hosting: a real Caddy 2 (Debian's 2.6) with the shipped web/deploy/Caddyfile serving dist/
// over TLS and proxying the API to a sandbox: the path people deploy (browser -> Caddy -> API). Only
// the file's upstream block and the lines marked DEPLOY (ports, listen address, admin endpoint, host
// name, certificate and key: a throw-away self-signed certificate made here with openssl, dist/ folder)
// are replaced, as an administrator would. Caddy keeps its state (certificates, autosaved config) in
// this test's folder (HOME and XDG_* stand for the caddy user's /var/lib/caddy), and its admin endpoint
// is a socket there: it never touches the system's instance, its ports or its localhost:2019.
// The sandbox behind Caddy keeps connections alive and refuses any User-Agent but OpenAPI, like the
// real API: Caddy must set it, since browsers cannot.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { control, launchBrowser, startSandbox } from './harness.js';
import {
  checkApiDate, checkFaultAfterCommit, checkFullRenewal, checkBakedAtlas, checkGlyphSlices, checkHashedWasm, checkHealthz, checkHsts,
  checkIndexHeaders,
  checkRedirect, checkServerDiesWhileOrderHeld, checkTlsNoH2, checkUserAgent, dist, faultsAfterCommit,
  makeCertificate, makeClient, onFreePorts, replaceMarked, shipped, startServer, stopServer,
} from './hosting_support.js';

const file = 'Caddyfile';

// The shipped Caddyfile with its marked lines set for this test.
function siteConfig(sandboxUrl, { httpPort, httpsPort, certFile, keyFile }) {
  // The Partner Portal API -> the sandbox (plain HTTP on loopback).
  let site = replaceMarked(shipped(file), /# >>> upstream[\s\S]*?# <<< upstream/, `to ${sandboxUrl}`,
    'marked upstream block', file);
  const deploy = (pattern, value, what) => {
    site = replaceMarked(site, pattern, (_, mark) => value + mark, `DEPLOY ${what}`, file);
  };
  deploy(/http_port \d+( # DEPLOY)/, `http_port ${httpPort}`, 'http_port');
  deploy(/https_port \d+( # DEPLOY)/, `https_port ${httpsPort}`, 'https_port');
  deploy(/default_bind [^#\n]+?( # DEPLOY)/, 'default_bind 127.0.0.1', 'default_bind');
  deploy(/admin \S+( # DEPLOY)/, `admin unix/${dir}/admin.sock`, 'admin');
  deploy(/tls \S+ \S+( # DEPLOY)/, `tls ${certFile} ${keyFile}`, 'tls');
  deploy(/root \* \S+( # DEPLOY)/, `root * ${dist}`, 'root');
  // The site's address has its DEPLOY mark on the line above (Caddy's format allows no comment there).
  site = replaceMarked(site, /(# DEPLOY[^\n]*\n)\S+ \{/, (_, mark) => `${mark}127.0.0.1 {`,
    'DEPLOY site address', file);
  return site;
}

let dir;
let sandbox;
let caddy;
let ports;
let browser;
let client;
let site;

// HOME and XDG_* stand for the caddy user's home, /var/lib/caddy (Debian's caddy.service).
const caddyEnv = () => ({
  ...process.env, HOME: dir, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CONFIG_HOME: path.join(dir, 'config'),
});

// Starts Caddy on the Caddyfile in `dir` (as Debian's caddy.service does: `caddy run --config`); true
// once it answers, false when its ports were taken.
async function startCaddy([, httpsPort]) {
  const config = path.join(dir, 'Caddyfile');
  const check = spawnSync('caddy', ['validate', '--config', config, '--adapter', 'caddyfile'],
    { encoding: 'utf8', env: caddyEnv() });
  assert.equal(check.status, 0, check.stderr);
  caddy = await startServer({
    command: 'caddy', args: ['run', '--config', config, '--adapter', 'caddyfile'], env: caddyEnv(),
    output: path.join(dir, 'caddy.log'), logs: [path.join(dir, 'caddy.log')],
    url: `https://127.0.0.1:${httpsPort}/`, request: client.request, portTaken: /address already in use/,
  });
  return caddy !== null;
}

before(async () => {
  assert.ok(readdirSync(dist).some((f) => f.endsWith('.wasm')), `${dist} holds a built page (tools/dist build/dist)`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'renewdesk-caddy-'));
  const { certFile, keyFile, certificate } = makeCertificate(dir);
  client = makeClient(certificate);
  sandbox = await startSandbox(['--require-user-agent', 'OpenAPI'], { servePage: false });
  // Caddy is given two ports found free (see onFreePorts), not port 0: the redirect names the port.
  ports = await onFreePorts(2, ([httpPort, httpsPort]) => {
    writeFileSync(path.join(dir, 'Caddyfile'), siteConfig(sandbox.url, { httpPort, httpsPort, certFile, keyFile }));
    return startCaddy([httpPort, httpsPort]);
  }, `Caddy (see ${dir}/caddy.log)`);
  site = {
    name: 'caddy', base: `https://127.0.0.1:${ports[1]}`, plainBase: `http://127.0.0.1:${ports[0]}`, sandbox,
    request: client.request, certificate,
  };
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopServer(caddy);
  sandbox?.stop();
  client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

// ---- headers, TLS, the redirect, the User-Agent, the API's Date ----

test('Caddy: index.html carries a strict CSP, is revalidated, and its connection is closed',
  () => checkIndexHeaders(site));

test('Caddy: HSTS on every HTTPS reply', () => checkHsts(site));

test('Caddy: /healthz answers 200 "ok" itself, never cached, never proxied', () => checkHealthz(site));

test('Caddy: hashed wasm is application/wasm, served from the .br and .gz copies, cached for a year',
  () => checkHashedWasm(site, { scriptType: 'text/javascript; charset=utf-8', brotli: true }));

test('Caddy: the baked font atlas is served as application/octet-stream, precompressed, cached for a year', () => checkBakedAtlas(site));

test('Caddy: glyph slices are served as font/otf, precompressed, cached for a year', () => checkGlyphSlices(site));

test('Caddy: plain HTTP only redirects to HTTPS, closing the connection', () => checkRedirect(site));

test('Caddy: TLS 1.2+ and HTTP/1.1 only, no h2 offered', () => checkTlsNoH2(site));

test('Caddy sets User-Agent: OpenAPI for the API and passes Authorization through', () => checkUserAgent(site));

test("API replies through Caddy carry the API's Date (90 s behind), not Caddy's own", () => checkApiDate(site));

// ---- the renewal in the browser ----

test('a full renewal through Caddy, with no request to another origin and no kept-alive reply',
  () => checkFullRenewal(site, browser));

// The API creates the order and closes the connection without a reply: Caddy answers 502.
test('through Caddy, after commit the API drops the connection: one order, outcome unknown, found',
  () => checkFaultAfterCommit(site, browser, faultsAfterCommit.find((f) => f.kind === 'commit_then_drop')));

// Caddy is one process: it dies (SIGKILL: a crash, the OOM killer) while it waits for the order's reply,
// and is started again on the same ports (stands for systemd's Restart= or the administrator). Until it
// is back the page's order-list check may fail; the page reads the list again by itself, so the check
// is awaited until it has an answer (found, none or ambiguous).
test('Caddy killed while the API holds the order reply, then started again: one order, outcome unknown, found',
  () => checkServerDiesWhileOrderHeld(site, browser, {
    prepare: () => caddy.pid,
    kill: async (pid) => {
      const gone = new Promise((resolve) => caddy.once('exit', resolve));
      process.kill(pid, 'SIGKILL');
      await gone;
      console.log(`killed Caddy ${pid} while the order reply was held`);
      assert.ok(await startCaddy(ports), `Caddy starts again on its ports ${ports.join(', ')}`);
    },
    describe: () => `Caddy now ${caddy.pid}`,
    check: (pid) => assert.notEqual(caddy.pid, pid, 'a new Caddy answers'),
  }, { statuses: ['found', 'none', 'ambiguous'] }));
