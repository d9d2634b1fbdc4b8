// The systemd unit's command line (tools/deploy/renewdesk-renew.service, issue 23) run for real against
// the sandbox: ExecStart is read from the unit, systemd's %S, %d and ${RENEWDESK_BILLING} are put in
// by hand (a temporary state folder and credentials folder), and the run must place the batch's
// orders, write the result CSV into the state folder, and show the secret nowhere. systemd-analyze
// verify checks the file's syntax (tools/deploy/verify); this checks that the CLI does what the unit says.
//
//   cd tools/e2e && NODE_PATH=/usr/share/nodejs node --test --test-concurrency=1 cli_deploy.test.js
// runs build/native/bin/renewdesk-cli and renewdesk-sandbox (or those in $RENEWDESK_NATIVE_BIN).
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { control, root } from './harness.js';
import { CLIENT_ID, cliEnv, cliSandbox, makeHome, runCli, SECRET } from './cli_harness.js';

const BILLING = '3197218168379846218';
const unitFile = path.join(root, 'tools/deploy/renewdesk-renew.service');

const sandbox = cliSandbox();

const show = (r) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;

// The unit's ExecStart as argv (after the program), with systemd's specifiers and variables replaced.
function unitArgs({ stateRoot, credentials, csv }) {
  const unit = readFileSync(unitFile, 'utf8');
  const line = unit.split('\n').find((l) => l.startsWith('ExecStart='));
  assert.ok(line, 'the unit has an ExecStart');
  const words = line.slice('ExecStart='.length).trim().split(/\s+/);
  assert.equal(words[0], '/usr/bin/renewdesk-cli');
  return words.slice(1).map((word) => word
    .replaceAll('%S', stateRoot)
    .replaceAll('%d', credentials)
    .replaceAll('${RENEWDESK_BILLING}', BILLING)
    .replace('/etc/renewdesk/renewals.csv', csv));
}

test("the unit's ExecStart places the batch, with the secret from the credentials folder", async () => {
  const unit = readFileSync(unitFile, 'utf8');
  assert.match(unit, /^LoadCredential=renewdesk-client-secret:/m);
  assert.match(unit, /^Environment=XDG_CONFIG_HOME=%S$/m);
  assert.match(unit, /^StateDirectory=renewdesk$/m);

  const home = makeHome('deploy');
  const stateRoot = path.join(home.dir, 'var-lib'); // %S
  const state = path.join(stateRoot, 'renewdesk'); // StateDirectory=renewdesk
  const credentials = path.join(home.dir, 'credentials'); // %d, $CREDENTIALS_DIRECTORY
  mkdirSync(state, { recursive: true });
  mkdirSync(credentials);
  writeFileSync(path.join(credentials, 'renewdesk-client-secret'), SECRET); // as LoadCredential= copies it
  chmodSync(path.join(credentials, 'renewdesk-client-secret'), 0o400);
  const csv = path.join(home.dir, 'renewals.csv');
  writeFileSync(csv, 'partnerId\n9223372036854775001\nmyself\n');

  // The service's environment: no secret in it, XDG_CONFIG_HOME=%S, the Client ID from renew.env.
  const env = {
    ...cliEnv(home, { credentials: false }),
    XDG_CONFIG_HOME: stateRoot,
    RENEWDESK_CLIENT_ID: CLIENT_ID,
    CREDENTIALS_DIRECTORY: credentials,
  };
  delete env.HOME; // DynamicUser= has no home of its own
  const args = ['--base-url', sandbox.url, ...unitArgs({ stateRoot, credentials, csv })];
  const r = await runCli(args, { home, env, cwd: state });
  assert.equal(r.code, 0, show(r));
  assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), show(r));
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 2, `two orders placed: ${JSON.stringify(orders)}`);
  const result = path.join(state, 'renewals.result.csv');
  assert.ok(existsSync(result), `the result CSV in the state folder\n${show(r)}`);
  assert.equal(readFileSync(result, 'utf8').trim().split('\n').length, 3, readFileSync(result, 'utf8'));
  assert.ok(!existsSync(path.join(home.dir, 'renewals.result.csv')), 'nothing written beside the input (/etc is read-only)');
  assert.ok(existsSync(path.join(state, 'recent-orders.json')), 'the state (XDG_CONFIG_HOME/renewdesk) in the state folder');
});
