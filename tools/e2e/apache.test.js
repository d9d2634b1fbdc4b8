// Intranet hosting: a real Apache 2.4 (Debian's) with the shipped web/deploy/apache.conf serving dist/
// over TLS and proxying the API to a sandbox: the path people deploy (browser -> Apache -> API). Only
// the file's upstream block and the lines marked DEPLOY (the two VirtualHost addresses, host name,
// redirect target, dist/ folder, certificate and key: a throw-away self-signed certificate made here
// with openssl) are replaced, as an administrator would. What Debian's own apache2.conf, envvars,
// ports.conf and `a2enmod` provide is written here (httpd.conf below), with every file Apache writes in
// this test's folder: it never touches the system's instance or its ports.
// The sandbox behind Apache keeps connections alive and refuses any User-Agent but OpenAPI, like the
// real API: Apache must set it, since browsers cannot.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { control, launchBrowser, startSandbox } from './harness.js';
import {
  checkApiDate, checkFaultAfterCommit, checkFullRenewal, checkBakedAtlas, checkGlyphSlices, checkHashedWasm, checkHealthz, checkHsts,
  checkIndexHeaders,
  checkRedirect, checkServerDiesWhileOrderHeld, checkTlsNoH2, checkUserAgent, childrenOf, dist, faultsAfterCommit,
  makeCertificate, makeClient, onFreePorts, replaceMarked, shipped, startServer, stopServer,
} from './hosting_support.js';

const file = 'apache.conf';

// The shipped site with its marked lines set for this test. Apache allows no comment after a directive,
// so its DEPLOY marks are comment lines right above the line they mark.
function siteConfig(sandboxUrl, { httpPort, httpsPort, certFile, keyFile }) {
  // The Partner Portal API -> the sandbox (plain HTTP on loopback).
  let site = replaceMarked(shipped(file), /# >>> upstream[\s\S]*?# <<< upstream/,
    `Define RENEWDESK_API ${sandboxUrl}`, 'marked upstream block', file);
  const deploy = (directive, value, what, times = 1) => {
    site = replaceMarked(site, new RegExp(`(# DEPLOY[^\\n]*\\n[ \\t]*)${directive.source}`),
      (_, mark) => mark + value, `DEPLOY ${what}`, file, times);
  };
  deploy(/<VirtualHost \*:80>/, `<VirtualHost 127.0.0.1:${httpPort}>`, 'VirtualHost *:80');
  deploy(/<VirtualHost \*:443>/, `<VirtualHost 127.0.0.1:${httpsPort}>`, 'VirtualHost *:443');
  deploy(/ServerName \S+/, 'ServerName 127.0.0.1', 'ServerName', 2); // the host name: here, the address
  deploy(/Redirect permanent \/ \S+/, `Redirect permanent / https://127.0.0.1:${httpsPort}/`, 'Redirect');
  deploy(/DocumentRoot \S+/, `DocumentRoot ${dist}`, 'DocumentRoot');
  deploy(/<Directory \S+>/, `<Directory ${dist}>`, '<Directory>');
  deploy(/SSLCertificateFile \S+/, `SSLCertificateFile ${certFile}`, 'SSLCertificateFile');
  deploy(/SSLCertificateKeyFile \S+/, `SSLCertificateKeyFile ${keyFile}`, 'SSLCertificateKeyFile');
  return site;
}

// Debian's default modules (those `apache2` enables on install), the ones the site's install line
// enables (ssl with its session cache, proxy_http, headers, rewrite), and http2 with Debian's
// http2.conf, which offers h2 for every site: the site's own `Protocols http/1.1` must keep it off.
const modules = [
  'mpm_event', 'access_compat', 'alias', 'auth_basic', 'authn_core', 'authn_file', 'authz_core', 'authz_host',
  'authz_user', 'autoindex', 'deflate', 'dir', 'env', 'filter', 'mime', 'negotiation', 'reqtimeout', 'setenvif',
  'status', 'socache_shmcb', 'ssl', 'proxy', 'proxy_http', 'headers', 'rewrite', 'http2',
];
const modulesDir = '/etc/apache2/mods-available';

// Stands for Debian's apache2.conf + envvars + ports.conf + mods-enabled/, with its defaults (KeepAlive
// On among them: the site must turn it off itself), everything written in `dir`.
function serverConfig({ httpPort, httpsPort }) {
  const lines = [
    `ServerRoot ${dir}`,
    `DefaultRuntimeDir ${dir}/run`,
    `PidFile ${dir}/apache2.pid`,
    `ErrorLog ${dir}/error.log`,
    'LogLevel warn',
    'Timeout 300',
    'KeepAlive On',
    'MaxKeepAliveRequests 100',
    'KeepAliveTimeout 5',
    'HostnameLookups Off',
    // envvars: the children run as www-data (only a root parent can switch).
    ...(process.getuid?.() === 0 ? ['User www-data', 'Group www-data'] : []),
    `Listen 127.0.0.1:${httpPort}`,
    `Listen 127.0.0.1:${httpsPort}`,
    '<Directory />', '  Options FollowSymLinks', '  AllowOverride None', '  Require all denied', '</Directory>',
    '<FilesMatch "^\\.ht">', '  Require all denied', '</FilesMatch>',
  ];
  for (const name of modules) {
    lines.push(`Include ${modulesDir}/${name}.load`);
    if (existsSync(`${modulesDir}/${name}.conf`)) lines.push(`Include ${modulesDir}/${name}.conf`);
  }
  lines.push('Include /etc/apache2/conf-available/security.conf', `Include ${dir}/site.conf`);
  return lines.join('\n') + '\n';
}

let dir;
let sandbox;
let apache; // the parent process (apache2 -DFOREGROUND); its children serve
let ports;
let browser;
let client;
let site;

// Debian's module confs name their folders through envvars' variables.
const apacheEnv = () => ({
  ...process.env, APACHE_RUN_DIR: `${dir}/run`, APACHE_LOCK_DIR: `${dir}/run`, APACHE_LOG_DIR: dir, LANG: 'C',
});

// Starts Apache on the config in `dir`; true once it answers, false when its ports were taken.
async function startApache([httpPort, httpsPort]) {
  const conf = path.join(dir, 'httpd.conf');
  const check = spawnSync('apache2', ['-t', '-f', conf], { encoding: 'utf8', env: apacheEnv() });
  assert.equal(check.status, 0, check.stderr);
  apache = await startServer({
    command: 'apache2', args: ['-f', conf, '-DFOREGROUND'], env: apacheEnv(),
    output: path.join(dir, 'apache2.out'), logs: [path.join(dir, 'error.log'), path.join(dir, 'apache2.out')],
    url: `https://127.0.0.1:${httpsPort}/`, request: client.request, portTaken: /Address already in use/,
  });
  return apache !== null;
}

before(async () => {
  assert.ok(readdirSync(dist).some((f) => f.endsWith('.wasm')), `${dist} holds a built page (tools/dist build/dist)`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'renewdesk-apache-'));
  mkdirSync(path.join(dir, 'run'));
  const { certFile, keyFile, certificate } = makeCertificate(dir);
  client = makeClient(certificate);
  sandbox = await startSandbox(['--require-user-agent', 'OpenAPI'], { servePage: false });
  // Apache cannot listen on port 0: see onFreePorts.
  ports = await onFreePorts(2, ([httpPort, httpsPort]) => {
    writeFileSync(path.join(dir, 'site.conf'), siteConfig(sandbox.url, { httpPort, httpsPort, certFile, keyFile }));
    writeFileSync(path.join(dir, 'httpd.conf'), serverConfig({ httpPort, httpsPort }));
    return startApache([httpPort, httpsPort]);
  }, `Apache (see ${dir}/error.log)`);
  site = {
    name: 'apache', base: `https://127.0.0.1:${ports[1]}`, plainBase: `http://127.0.0.1:${ports[0]}`, sandbox,
    request: client.request, certificate,
  };
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopServer(apache);
  sandbox?.stop();
  client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

// ---- headers, TLS, the redirect, the User-Agent, the API's Date ----

test('Apache: index.html carries a strict CSP, is revalidated, and its connection is closed',
  () => checkIndexHeaders(site));

test('Apache: HSTS on every HTTPS reply', () => checkHsts(site));

test('Apache: /healthz answers 200 "ok" itself, never cached, never proxied', () => checkHealthz(site));

test('Apache: hashed wasm is application/wasm, served from the .br and .gz copies, cached for a year',
  () => checkHashedWasm(site, { scriptType: 'text/javascript; charset=utf-8', brotli: true }));

test('Apache: the baked font atlas is served as application/octet-stream, precompressed, cached for a year', () => checkBakedAtlas(site));

test('Apache: glyph slices are served as font/otf, precompressed, cached for a year', () => checkGlyphSlices(site));

test('Apache: plain HTTP only redirects to HTTPS, closing the connection', () => checkRedirect(site));

test('Apache: TLS 1.2+ and HTTP/1.1 only, no h2 offered although mod_http2 is on', () => checkTlsNoH2(site));

test('Apache sets User-Agent: OpenAPI for the API and passes Authorization through', () => checkUserAgent(site));

test("API replies through Apache carry the API's Date (90 s behind), not Apache's own", () => checkApiDate(site));

// ---- the renewal in the browser ----

test('a full renewal through Apache, with no request to another origin and no kept-alive reply',
  () => checkFullRenewal(site, browser));

// The API creates the order and closes the connection without a reply: Apache answers 502 (on a
// kept-alive browser connection it would close it without a reply instead, for the browser to retry).
test('through Apache, after commit the API drops the connection: one order, outcome unknown, found',
  () => checkFaultAfterCommit(site, browser, faultsAfterCommit.find((f) => f.kind === 'commit_then_drop')));

// Apache's children die (SIGKILL: a crash, the OOM killer) while one of them waits for the order's
// reply; the parent starts new ones, as nginx's master does.
test("Apache's child processes killed while the API holds the order reply: one order, outcome unknown, found",
  () => checkServerDiesWhileOrderHeld(site, browser, {
    prepare: () => {
      const children = childrenOf(apache.pid);
      assert.ok(children.length >= 1, 'Apache has child processes');
      return children;
    },
    kill: (children) => {
      for (const pid of children) process.kill(pid, 'SIGKILL');
      console.log(`killed Apache's children ${children.join(', ')} of ${apache.pid} while the order reply was held`);
    },
    describe: () => `children now ${childrenOf(apache.pid).join(', ')}`,
    check: (children) => {
      const now = childrenOf(apache.pid);
      assert.ok(now.length >= 1 && now.every((pid) => !children.includes(pid)), 'the parent started new children');
    },
  }));
