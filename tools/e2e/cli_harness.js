// Helpers for the renewdesk-cli end-to-end tests (cli.test.js): runs the program with its own
// temporary XDG_CONFIG_HOME / HOME and working directory, on pipes (no controlling terminal) or on a
// pseudo-terminal (util-linux `script`), reads /proc of it and of its children, parses its JSON
// without losing 64-bit ids, and parses the RFC 4180 CSV it writes.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { control, nativeBin, startSandbox } from './harness.js';

export const cliBinary = path.join(nativeBin, 'renewdesk-cli');
export const CLIENT_ID = 'demo-client-id';
export const SECRET = 'demo-client-secret';

const homes = [];

// A fresh HOME holding XDG_CONFIG_HOME (config/) and the working directory (work/).
export function makeHome(name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `renewdesk-cli-${name}-`));
  homes.push(dir);
  const config = path.join(dir, 'config');
  const work = path.join(dir, 'work');
  mkdirSync(config);
  mkdirSync(work);
  return { dir, config, work, journal: path.join(config, 'renewdesk', 'batch-journal.json') };
}

// Removes every HOME made by makeHome (kept when RENEWDESK_KEEP_TEMP is set, to look at after a failure).
// The sandbox (API only) a CLI test file talks to: started before the file's tests, reset before each,
// stopped after them with the test homes removed. Its `url` (and the rest of startSandbox's handle)
// is there once the file's `before` has run.
export function cliSandbox() {
  const sandbox = {};
  before(async () => { Object.assign(sandbox, await startSandbox([], { servePage: false })); });
  after(() => {
    sandbox.stop?.();
    removeHomes();
  });
  beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });
  return sandbox;
}

export function removeHomes() {
  if (process.env.RENEWDESK_KEEP_TEMP) return;
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// The CLI's environment: nothing inherited but PATH; the demo credentials unless credentials: false.
export function cliEnv(home, { credentials = true, extra = {} } = {}) {
  const env = {
    PATH: process.env.PATH || '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home.dir,
    XDG_CONFIG_HOME: home.config,
    SHELL: '/bin/sh',
    TERM: 'xterm',
  };
  if (credentials) Object.assign(env, { RENEWDESK_CLIENT_ID: CLIENT_ID, RENEWDESK_CLIENT_SECRET: SECRET });
  return { ...env, ...extra };
}

// Starts the CLI on pipes in a session of its own (setsid: no controlling terminal, so /dev/tty cannot
// be opened). stdin gets `input` and is closed. Returns { child, done } where done resolves with
// { code, signal, stdout, stderr, stdoutBytes }.
export function startCli(args, { home, env, input = '', cwd, timeoutMs = 60000 } = {}) {
  const child = spawn(cliBinary, args, {
    cwd: cwd || home.work, env: env || cliEnv(home), detached: true, stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out = [];
  const err = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => err.push(d));
  child.stdin.on('error', () => {});
  if (input !== null) child.stdin.end(input);
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
    }, timeoutMs);
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, signal, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'),
        stdoutBytes, pid: child.pid });
    });
  });
  // Resolves once stderr so far matches `regex` (rejects when the program ends first or on timeout).
  const waitForStderr = (regex, timeoutMs = 15000) => new Promise((resolve, reject) => {
    const text = () => Buffer.concat(err).toString('utf8');
    if (regex.test(text())) { resolve(text()); return; }
    const timer = setTimeout(() => { finish(); reject(new Error(`stderr never showed ${regex}:\n${text()}`)); }, timeoutMs);
    const onData = () => { if (regex.test(text())) { finish(); resolve(text()); } };
    const onClose = () => { finish(); reject(new Error(`the program ended before stderr showed ${regex}:\n${text()}`)); };
    const finish = () => { clearTimeout(timer); child.stderr.off('data', onData); child.off('close', onClose); };
    child.stderr.on('data', onData);
    child.once('close', onClose);
  });
  return { child, done, waitForStderr };
}

export async function runCli(args, options = {}) {
  return startCli(args, options).done;
}

// Counts how often `file` is written while the watch lives. The CLI replaces a file atomically
// (atomic_file.h: a temporary renamed onto it), and each rename is one inotify event naming the file;
// reads make none. Its folder is created if missing. count() waits a moment first, so the events of
// a program that has just exited have arrived; stop() ends the watch.
export function watchWrites(file) {
  mkdirSync(path.dirname(file), { recursive: true });
  let writes = 0;
  const watcher = watch(path.dirname(file), (event, name) => {
    if (event === 'rename' && name === path.basename(file)) writes += 1;
  });
  return {
    count: async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return writes;
    },
    stop: () => watcher.close(),
  };
}

// A shell word, single-quoted.
export function shellQuote(word) {
  return `'${String(word).replace(/'/g, `'\\''`)}'`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Runs `command` (a shell command line) on a pseudo-terminal through util-linux `script`: its stdin,
// stdout and stderr are the terminal and it is the terminal's session. Returns a driver:
//   expect(regex, timeoutMs) waits until the terminal output (CR LF normalised to LF) matches;
//   type(text) writes keystrokes (after a short pause, as a person would);
//   done resolves with { code, signal, output }; output is everything the terminal showed.
export function startOnPty(command, { home, env, cwd } = {}) {
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: cwd || home.work, env: env || cliEnv(home), detached: true, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { raw += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { raw += d; });
  child.stdin.on('error', () => {});
  const output = () => raw.replace(/\r\n/g, '\n');
  const done = new Promise((resolve) => {
    child.once('close', (code, signal) => {
      child.stdin.destroy();
      resolve({ code, signal, output: output() });
    });
  });
  let exited = false;
  done.then(() => { exited = true; });
  return {
    child,
    done,
    output,
    async expect(regex, timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      while (!regex.test(output())) {
        if (exited || Date.now() > deadline) {
          throw new Error(`the terminal never showed ${regex}; it showed:\n${output()}`);
        }
        await sleep(20);
      }
    },
    async type(text, pauseMs = 300) {
      await sleep(pauseMs);
      child.stdin.write(text);
    },
    kill() { try { process.kill(-child.pid, 'SIGKILL'); } catch {} },
  };
}

// The command line of `renewdesk-cli args...` for a shell.
export function cliCommandLine(args) {
  return [cliBinary, ...args].map(shellQuote).join(' ');
}

// Every process below `pid` (children, grandchildren, ...), from /proc/*/stat.
export function descendants(pid) {
  const parentOf = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(fields[1]));
    } catch {}
  }
  const out = [];
  const walk = (p) => {
    for (const [child, parent] of parentOf) {
      if (parent === p) { out.push(child); walk(child); }
    }
  };
  walk(pid);
  return out;
}

// The executable's base name of a process ('' when it is gone).
export function exeName(pid) {
  try { return path.basename(readlinkSync(`/proc/${pid}/exe`)); } catch { return ''; }
}

// /proc/<pid>/<file> as text (NULs as spaces), or null when the process is gone.
export function procText(pid, file) {
  try { return readFileSync(`/proc/${pid}/${file}`).toString('latin1').replace(/\0/g, ' '); } catch { return null; }
}

export function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

// Every regular file under dir (recursively): [{ file, text }].
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const st = statSync(full, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) out.push({ file: full, text: readFileSync(full).toString('latin1') });
    }
  };
  walk(dir);
  return out;
}

// A JSON number kept as its source text (a 64-bit id survives; JSON.parse would round it).
export class JsonNumber {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

// Strict JSON parse of one document (surrounding whitespace allowed) with every number as a
// JsonNumber: ids are compared as the text the program wrote.
export function parseExact(text) {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const fail = (what) => { throw new SyntaxError(`${what} at offset ${i} of ${JSON.stringify(text.slice(0, 400))}`); };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj = {};
      ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a member name expected');
        const key = string();
        ws();
        if (text[i] !== ':') fail('":" expected');
        i++;
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate member ${key}`);
        obj[key] = value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return obj; }
        fail('"," or "}" expected');
      }
    }
    if (c === '[') {
      i++;
      const arr = [];
      ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return arr; }
        fail('"," or "]" expected');
      }
    }
    if (c === '"') return string();
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num) { i += num[0].length; return new JsonNumber(num[0]); }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(word, i)) { i += word.length; return v; }
    }
    return fail('a value expected');
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('a control character in a string');
      i++;
    }
    if (i >= text.length) fail('an unterminated string');
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const out = value();
  ws();
  if (i !== text.length) fail('text after the JSON document');
  return out;
}

// RFC 4180 CSV: rows of fields (quoted fields may hold commas, quotes doubled, line breaks).
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let any = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; any = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; any = true; i++; continue; }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      row.push(field);
      rows.push(row);
      row = []; field = ''; any = false;
      continue;
    }
    field += c; any = true; i++;
  }
  if (any || field !== '') { row.push(field); rows.push(row); }
  return rows;
}

// A Partner Portal access token from the sandbox, for reading the API directly.
export async function apiToken(base) {
  const reply = await fetch(`${base}/auth/openapi/v1/oauth/token`, {
    method: 'POST',
    headers: { 'User-Agent': 'OpenAPI', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `grant_type=pp_credentials&client_id=${CLIENT_ID}&client_secret=${SECRET}`,
  });
  return /"token"\s*:\s*"([^"]+)"/.exec(await reply.text())[1];
}

// An API GET's reply text, as the sandbox sent it.
export async function apiGetText(base, route) {
  const token = await apiToken(base);
  const reply = await fetch(base + route, { headers: { 'User-Agent': 'OpenAPI', Authorization: `Bearer ${token}` } });
  return reply.text();
}

// A test CA and a server certificate for IP:127.0.0.1 signed by it (openssl CLI), as desktop.test.js
// makes them for its intranet proxy.
export function makeTestPki(dir) {
  const file = (name) => path.join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2',
    '-subj', '/CN=RenewDesk cli e2e proxy CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
    '-set_serial', '2', '-days', '2', '-extfile', file('server.ext'), '-out', file('server.pem'));
  return { caFile: file('ca.pem'), certFile: file('server.pem'), keyFile: file('server.key') };
}

// https://127.0.0.1:PORT with pki's server certificate, passing every request on to upstreamUrl (http).
// requests lists the paths that got through the TLS handshake.
export async function startTlsProxy(upstreamUrl, pki) {
  const upstream = new URL(upstreamUrl);
  const requests = [];
  const server = https.createServer({ cert: readFileSync(pki.certFile), key: readFileSync(pki.keyFile) }, (req, res) => {
    requests.push(req.url);
    const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method,
      headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode, reply.headers);
      reply.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${server.address().port}`, requests, close: () => server.close() };
}
