// renewdesk-cli.exe (the windows preset: MinGW-w64, WinHTTP) under Wine against the real sandbox, a
// native Linux program on loopback: the Windows program's HTTP, files and exit codes end to end. Each
// case runs the Linux renewdesk-cli beside it where the two must agree (exit codes, what was placed).
// Wine stands in for a partner's Windows laptop: a Windows profile of this file's own (WINEPREFIX in a
// temp folder: %APPDATA%\RenewDesk starts empty, like a new user's), its WinHTTP, its file locks.
// What Wine cannot prove (the Windows certificate store, proxies, a fresh connection per POST): the
// README's Windows section.
//   cd tools/e2e && NODE_PATH=/usr/share/nodejs node --test windows_cli.test.js
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { cliEnv, makeHome, parseExact, removeHomes, runCli } from './cli_harness.js';
import { control, root, startSandbox, tutorialBodyForMyself, withoutGeneratedReference } from './harness.js';

const exe = path.join(root, 'build/windows/bin/renewdesk-cli.exe');
const wineRun = path.join(root, 'tools/wine-run');
const BILLING = '3197218168379846218';
const CLIENT_ID = 'demo-client-id';
const SECRET = 'demo-client-secret';

const sandbox = {};
const profile = mkdtempSync(path.join(os.tmpdir(), 'renewdesk-wine-'));
before(async () => { Object.assign(sandbox, await startSandbox([], { servePage: false })); });
after(() => {
  sandbox.stop?.();
  removeHomes();
  if (!process.env.RENEWDESK_KEEP_TEMP) rmSync(profile, { recursive: true, force: true });
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

const orderLog = () => control(sandbox.url, 'GET', '/__sandbox/orders');
const show = (r) => `exit ${r.code}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;

// The Windows program under Wine: nothing inherited but what Wine needs; credentials as the Linux
// program gets them (RENEWDESK_CLIENT_ID / _SECRET), unless { secret } says otherwise.
function windowsCli(args, { secret = SECRET, timeoutMs = 90000 } = {}) {
  const env = {
    PATH: process.env.PATH || '/usr/bin:/bin',
    HOME: process.env.HOME || os.tmpdir(),
    WINEPREFIX: profile,
    RENEWDESK_CLIENT_ID: CLIENT_ID,
    RENEWDESK_CLIENT_SECRET: secret,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(wineRun, [exe, '--base-url', sandbox.url, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`renewdesk-cli.exe ${args.join(' ')}: no exit in ${timeoutMs} ms`)); }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8').replace(/\r\n/g, '\n'), stderr: Buffer.concat(err).toString('utf8').replace(/\r\n/g, '\n') });
    });
  });
}

const linuxCli = (args, home, secret = SECRET) =>
  runCli(['--base-url', sandbox.url, ...args], { home, env: cliEnv(home, { extra: { RENEWDESK_CLIENT_SECRET: secret } }) });

test('the Windows program was built (tools/test builds the windows preset first)', () => {
  assert.ok(existsSync(exe), `${exe} is missing: cmake --preset windows && cmake --build --preset windows`);
});

test('--version names the version in CMakeLists.txt', async () => {
  const version = /project\(RenewDesk VERSION ([0-9.]+)/.exec(readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8'))[1];
  const r = await windowsCli(['--version']);
  assert.equal(r.code, 0, show(r));
  assert.match(r.stdout, new RegExp(`^renewdesk-cli ${version.replace(/\./g, '\\.')} `), show(r));
});

test('users --json over WinHTTP: the same document as the Linux program, 64-bit ids exact', async () => {
  const r = await windowsCli(['--json', 'users']);
  assert.equal(r.code, 0, show(r));
  const linux = await linuxCli(['--json', 'users'], makeHome('win-users'));
  assert.equal(linux.code, 0, show(linux));
  assert.equal(r.stdout, linux.stdout, 'the Windows and Linux programs print the same listing');
  assert.match(r.stdout, /"partnerId":"9223372036854775001"/, 'an id above 2^53 as text');
  assert.ok(Array.isArray(parseExact(r.stdout).users));
});

test('renew --yes: exactly one order, the tutorial body byte for byte, the receipt names it', async () => {
  const r = await windowsCli(['renew', '--for', 'myself', '--billing', BILLING, '--yes']);
  assert.equal(r.code, 0, show(r));
  const log = await orderLog();
  assert.equal(log.length, 1, `exactly one order\n${show(r)}`);
  assert.equal(withoutGeneratedReference(log[0].body), tutorialBodyForMyself);
  assert.ok(r.stdout.includes(log[0].result.orderNo), `the receipt shows the order number\n${show(r)}`);
});

test('the connection dropped after the order committed: never re-sent, found in the order list, exit 0', async () => {
  await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'save', kind: 'commit_then_drop' });
  const r = await windowsCli(['--json', 'renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1']);
  const log = await orderLog();
  assert.equal(log.length, 1, `exactly one order, never re-sent\n${show(r)}`);
  assert.equal(r.code, 0, `found -> exit 0\n${show(r)}`);
  const doc = parseExact(r.stdout);
  assert.equal(doc.outcome, 'placed', show(r));
  assert.equal(doc.orderNo, log[0].result.orderNo, 'the order found is the one committed');
});

test('the API refuses the order, and a wrong secret: the same exit codes as the Linux program, nothing placed', async () => {
  const refusal = { endpoint: 'save', kind: 'api_error', status: 400, code: 'insufficient_balance', detailMessage: 'Not enough credit' };
  await control(sandbox.url, 'POST', '/__sandbox/faults', refusal);
  const refused = await windowsCli(['renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1']);
  await control(sandbox.url, 'POST', '/__sandbox/faults', refusal);
  const refusedLinux = await linuxCli(['renew', '--for', 'myself', '--billing', BILLING, '--yes', '--settle-seconds', '1'], makeHome('win-refused'));
  assert.equal(refused.code, 2, show(refused));
  assert.equal(refused.code, refusedLinux.code);
  assert.ok(refused.stderr.includes('insufficient_balance'), show(refused));

  const wrong = await windowsCli(['users'], { secret: 'not-the-secret' });
  const wrongLinux = await linuxCli(['users'], makeHome('win-wrong'), 'not-the-secret');
  assert.equal(wrong.code, wrongLinux.code, `${show(wrong)}\n--- Linux: ${show(wrongLinux)}`);
  assert.notEqual(wrong.code, 0);
  assert.ok(!wrong.stdout.includes('not-the-secret') && !wrong.stderr.includes('not-the-secret'), 'the secret is never printed');
  assert.equal((await orderLog()).length, 0);
});
