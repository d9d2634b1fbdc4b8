// renewdesk-cli --verbose and RENEWDESK_LOG=debug (issue 23) against a real sandbox: one line per API
// call on stderr (method, path, HTTP status or the failure, requestId, milliseconds), UTC time first
// when stderr is not a terminal; never the secret, a token or a body; nothing without them. Also
// --secret-file, the way the systemd unit (tools/deploy) hands the CLI its secret.
//
//   cd tools/e2e && NODE_PATH=/usr/share/nodejs node --test --test-concurrency=1 cli_verbose.test.js
// runs build/native/bin/renewdesk-cli and renewdesk-sandbox (or those in $RENEWDESK_NATIVE_BIN).
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cliCommandLine, CLIENT_ID, cliEnv, cliSandbox, makeHome, runCli, SECRET, startOnPty } from './cli_harness.js';

const sandbox = cliSandbox();

const show = (r) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;
const TIME = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z `;
// The whole of a call line: nothing else can hide in it.
const CALL = String.raw`renewdesk-cli: api: (GET|POST) (/[A-Za-z0-9/_.%-]*(\?[A-Za-z0-9=&*_.-]*)?) ` +
  String.raw`(\d{3}( requestId [A-Za-z0-9_.:-]+)?|could not send( \([^)]*\))?|timed out( \([^)]*\))?|connection lost( \([^)]*\))?) (\d+) ms`;
const callLines = (stderr) => stderr.split('\n').filter((line) => line.includes('renewdesk-cli: api: '));

// What must never be on stderr: the secret, anything token-like, an Authorization header, a body.
function assertNothingSecret(stderr) {
  assert.ok(!stderr.includes(SECRET), `the secret is on stderr:\n${stderr}`);
  for (const word of ['Bearer', 'Authorization', 'accessToken', 'access_token', 'refreshToken', 'password', '{']) {
    assert.ok(!stderr.includes(word), `"${word}" is on stderr:\n${stderr}`);
  }
}

test('--verbose: one line per API call, UTC time first on a pipe, the token call without its body', async () => {
  const home = makeHome('verbose');
  const r = await runCli(['--base-url', sandbox.url, '--verbose', 'users'], { home });
  assert.equal(r.code, 0, show(r));
  const lines = callLines(r.stderr);
  assert.equal(lines.length, 2, `the token call and the user list:\n${r.stderr}`);
  for (const line of lines) assert.match(line, new RegExp(`^${TIME}${CALL}$`), r.stderr);
  assert.match(lines[0], /api: POST \/auth\/openapi\/v1\/oauth\/token 200 requestId \S+ \d+ ms$/, r.stderr);
  assert.match(lines[1], /api: GET \/user\/openapi\/user\/v1\/client\/partner_list 200 requestId \S+ \d+ ms$/, r.stderr);
  const stamp = Date.parse(lines[0].slice(0, 24));
  assert.ok(Math.abs(stamp - Date.now()) < 10 * 60 * 1000, `a UTC time near now: ${lines[0]}`);
  assertNothingSecret(r.stderr);
  assert.ok(r.stdout.includes('9223372036854775001'), `the users still listed on stdout\n${show(r)}`);
  assert.equal(callLines(r.stdout).length, 0, 'no call line on stdout');
});

test('RENEWDESK_LOG=debug logs the same; without either nothing is printed', async () => {
  const home = makeHome('log-debug');
  const debug = await runCli(['--base-url', sandbox.url, 'plans'],
    { home, env: cliEnv(home, { extra: { RENEWDESK_LOG: 'debug' } }) });
  assert.equal(debug.code, 0, show(debug));
  const lines = callLines(debug.stderr);
  assert.equal(lines.length, 2, debug.stderr);
  assert.match(lines[1], new RegExp(`^${TIME}renewdesk-cli: api: GET /pricing/openapi/purchase/v1/purchase_product_info\\?productId=15 200 requestId \\S+ \\d+ ms$`), debug.stderr);
  assertNothingSecret(debug.stderr);

  const quiet = await runCli(['--base-url', sandbox.url, 'plans'], { home });
  assert.equal(quiet.code, 0, show(quiet));
  assert.equal(callLines(quiet.stderr).length, 0, `no call line without --verbose:\n${quiet.stderr}`);
  const withoutCalls = debug.stderr.split('\n').filter((line) => !line.includes('renewdesk-cli: api: ')).join('\n');
  assert.equal(quiet.stderr, withoutCalls, 'stderr holds nothing else either way');
  assert.equal(quiet.stdout, debug.stdout, 'the same listing either way');

  const unknown = await runCli(['--base-url', sandbox.url, 'plans'],
    { home, env: cliEnv(home, { extra: { RENEWDESK_LOG: 'chatty' } }) });
  assert.equal(unknown.code, 0, show(unknown));
  assert.equal(callLines(unknown.stderr).length, 0, unknown.stderr);
  assert.match(unknown.stderr, /RENEWDESK_LOG=chatty is not a log level/, unknown.stderr);
});

test('--verbose names a transport failure, and a refused sign-in with its requestId', async () => {
  const home = makeHome('verbose-fail');
  const unreachable = await runCli(['--base-url', 'http://127.0.0.1:9', '--verbose', 'users'], { home });
  assert.equal(unreachable.code, 4, show(unreachable));
  const lines = callLines(unreachable.stderr);
  assert.equal(lines.length, 1, unreachable.stderr);
  assert.match(lines[0], new RegExp(`^${TIME}renewdesk-cli: api: POST /auth/openapi/v1/oauth/token could not send`), unreachable.stderr);

  const wrong = 'wrong-secret-7fd1';
  const refused = await runCli(['--base-url', sandbox.url, '--verbose', 'users'],
    { home, env: { ...cliEnv(home), RENEWDESK_CLIENT_SECRET: wrong } });
  assert.equal(refused.code, 4, show(refused));
  const refusedLines = callLines(refused.stderr);
  assert.equal(refusedLines.length, 1, refused.stderr);
  assert.match(refusedLines[0], new RegExp(`^${TIME}${CALL}$`), refused.stderr);
  assert.ok(!refused.stderr.includes(wrong), `the typed secret is on stderr:\n${refused.stderr}`);
});

test('--verbose on a terminal: the same lines without the time', async () => {
  const home = makeHome('verbose-pty');
  const term = startOnPty(cliCommandLine(['--base-url', sandbox.url, '--verbose', 'contacts']), { home });
  try {
    const { code, output } = await term.done;
    assert.equal(code, 0, output);
    const lines = callLines(output);
    assert.equal(lines.length, 2, output);
    for (const line of lines) assert.match(line, new RegExp(`^${CALL}$`), output);
    assert.ok(!output.includes(SECRET), output);
    assert.ok(!output.includes('\x1b'), `no escape sequence:\n${JSON.stringify(output)}`);
  } finally {
    term.kill();
  }
});

test('--secret-file: the secret from a file (a systemd credential), never shown', async () => {
  const home = makeHome('secret-file');
  const file = path.join(home.dir, 'renewdesk-client-secret');
  writeFileSync(file, SECRET); // as systemd's LoadCredential= writes it: no newline
  chmodSync(file, 0o400);
  const env = { ...cliEnv(home, { credentials: false }), RENEWDESK_CLIENT_ID: CLIENT_ID };
  const r = await runCli(['--base-url', sandbox.url, 'users', '--secret-file', file, '--verbose'], { home, env });
  assert.equal(r.code, 0, show(r));
  assert.ok(r.stdout.includes('9223372036854775001'), show(r));
  assertNothingSecret(r.stderr + r.stdout);

  const missing = await runCli(['--base-url', sandbox.url, 'users', '--secret-file', `${file}.missing`], { home, env });
  assert.equal(missing.code, 4, show(missing));
  assert.match(missing.stderr, /--secret-file \S+\.missing: No such file or directory/, missing.stderr);
});
