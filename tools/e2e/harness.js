// Browser end-to-end harness: a real sandbox serving the built page on one origin, Debian's
// Chromium driven by Playwright with real mouse and keyboard events on the ImGui canvas.
// Widget positions come from the page's read-only test hooks (window.renewdesk.widget(label)).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const artifacts = path.join(root, 'artifacts', 'e2e');
mkdirSync(artifacts, { recursive: true });

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
];

// The tutorial's order body for the partner itself, byte for byte (shared with the C++ tests).
export const tutorialBodyForMyself = readFileSync(path.join(root, 'tests/fixtures/tutorial_order_body.json'), 'utf8').trimEnd();

// Starts build/native/bin/renewdesk-sandbox; resolves with its base URL, a stop() and the process.
// By default it also serves the page from build/web/bin (or $RENEWDESK_WEB_BIN, another build's bin
// folder), standing in for the web server and the same-origin proxy at once. Then it closes every
// connection after one request (--one-request-per-connection): that stands for the shipped proxy's
// `keepalive_timeout 0` (web/deploy/nginx.conf), without which Chromium may re-send a POST on a
// reused connection.
// With { servePage: false } it is the API alone (behind nginx, or for the desktop app), keep-alive on.
export const webBin = process.env.RENEWDESK_WEB_BIN ? path.resolve(process.env.RENEWDESK_WEB_BIN)
  : path.join(root, 'build/web/bin');

// The native programs (sandbox, desktop app): build/native/bin, or $RENEWDESK_NATIVE_BIN (another build's).
export const nativeBin = process.env.RENEWDESK_NATIVE_BIN ? path.resolve(process.env.RENEWDESK_NATIVE_BIN)
  : path.join(root, 'build/native/bin');

export async function startSandbox(extraArgs = [], { servePage = true } = {}) {
  const binary = path.join(nativeBin, 'renewdesk-sandbox');
  const page = servePage ? ['--serve', webBin, '--one-request-per-connection'] : [];
  const child = spawn(binary, ['--port', '0', ...page, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Its request log (one line per request on stderr, nothing secret): the last lines are kept for a
  // failing test to print (recentLog), so a request that hung or never came shows in the report.
  const recent = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    recent.push(`${new Date().toISOString()} ${line}`);
    if (recent.length > 200) recent.shift();
  });
  const lines = readline.createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    lines.once('line', (line) => {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
      match ? resolve(match[1]) : reject(new Error(`unexpected first line: ${line}`));
    });
  });
  lines.on('line', () => {}); // keep draining stdout
  return { url, stop: () => child.kill('SIGTERM'), child, recentLog: (n = 40) => recent.slice(-n).join('\n') };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

// Sandbox control calls. The order log's `body` members are raw request text: ids are compared as
// text, never through JSON.parse of an order body.
export async function control(base, method, route, body) {
  const reply = await fetch(base + route, {
    method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await reply.text();
  return text ? JSON.parse(text) : null;
}

// A reply held with {kind: 'delay', until_released: true} waits for releaseHeldReplies, at most this
// long: under the order POST's timeout (60 s), so a forgotten release still reads as a slow API.
export const HOLD_CAP_MS = 45000;
export async function releaseHeldReplies(base) {
  return control(base, 'POST', '/__sandbox/release');
}

// The sandbox's order log once it holds at least `count` orders.
export async function waitForOrders(base, count = 1, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const orders = await control(base, 'GET', '/__sandbox/orders');
    if (orders.length >= count || Date.now() > deadline) return orders;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export class PageDriver {
  constructor(page) { this.page = page; }

  async state() { return this.page.evaluate(() => window.renewdesk.state()); }

  async waitFor(predicate, what, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      last = await this.state().catch(() => null);
      if (last && predicate(last)) return last;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`timed out waiting for ${what}; last state ${JSON.stringify(last)}`);
  }

  async waitForScreen(screen) { return this.waitFor((s) => s.screen === screen, `screen ${screen}`); }

  async widget(label, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const rect = await this.page.evaluate((l) => window.renewdesk.widget(l), label);
      // Only where it stood in the frame before too (`still`): a new screen's second frame can move it.
      if (rect && rect.w > 0 && rect.still >= 1) return rect;
      await this.page.mouse.move(1, 1); // input wakes the on-demand renderer so rectangles refresh
      await this.page.waitForTimeout(50);
    }
    throw new Error(`widget not found: ${label}`);
  }

  // The widget's rectangle once it is wholly in view: a widget scrolled out of its region (the choices
  // above the action bar, a long list) is brought in with the mouse wheel over the region, as a person
  // scrolls before clicking.
  async reveal(label) {
    let r = await this.widget(label);
    const scrolled = r.visible === false;
    for (let step = 0; step < 60 && r.visible === false; ++step) {
      // The wheel at the region's edge nearest the widget, above its column: the middle of the region may
      // be over a list with a scroll of its own (the users' table), which would take the wheel instead.
      const c = r.clip;
      const below = r.y + r.h > c.y + c.h;
      await this.page.mouse.move(Math.max(c.x + 4, Math.min(r.x + 8, c.x + c.w - 4)), below ? c.y + c.h - 4 : c.y + 4);
      await this.page.mouse.wheel(0, below ? 80 : -80);
      // The rectangle the next drawn frame reports (the wheel wakes the page), not the one before it.
      const before = r.y;
      const deadline = Date.now() + 2000;
      do {
        await this.page.waitForTimeout(20);
        r = await this.widget(label);
      } while (r.y === before && Date.now() < deadline);
    }
    if (r.visible === false) throw new Error(`could not scroll ${label} into view: ${JSON.stringify(r)}`);
    if (scrolled) { // the eye finds the widget, the hand moves there: ImGui ends its wheel lock on the move
      await this.page.mouse.move(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);
      await this.page.waitForTimeout(150);
    }
    return r;
  }

  async click(label, options = {}) {
    const r = await this.reveal(label);
    await this.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2, options);
  }

  async shot(name) { await this.page.screenshot({ path: path.join(artifacts, `${name}.png`) }); }
}

// Opens the page at url in a new browser context (contextOptions: e.g. { ignoreHTTPSErrors: true });
// initScript, when given, runs in the page before its own scripts (Playwright's addInitScript).
export async function openPage(browser, url, contextOptions = {}, initScript = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  if (initScript) await context.addInitScript(initScript);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  // What the page went through, for a page that does not start (seen: one of eight pages starting at
  // once, beside the builds, not even in 60 s): console, script errors, requests and their ends.
  const story = [];
  const note = (line) => { story.push(`${new Date().toISOString()} ${line}`); };
  page.on('console', (message) => note(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('request', (request) => note(`request: ${request.url()}`));
  page.on('requestfinished', (request) => note(`finished: ${request.url()}`));
  page.on('requestfailed', (request) => note(`failed: ${request.url()} ${request.failure()?.errorText}`));
  await page.goto(url + '/');
  const driver = new PageDriver(page);
  // Loading and compiling the page's wasm is the heaviest thing a page does: with eight pages starting
  // at once beside the builds it took over 15 s (four plural-world pages, once), so it gets 60 s.
  await driver.waitFor((s) => s.screen === 'signed_out', 'the page to start', 60000).catch(async (error) => {
    const shown = await page.evaluate(() => document.body?.innerText ?? '').catch((e) => `(${e.message})`);
    throw new Error(`${error.message}\npage text: ${shown.slice(0, 500)}\n${story.slice(-40).join('\n')}`);
  });
  return { context, page, driver, requests };
}

// Puts text on the OS clipboard and pastes it into the labelled field with Ctrl+V; with replace,
// selects the field's text first (Ctrl+A) so the paste replaces it.
// Clicks a text field and waits until it has the keyboard, as a person sees the caret before typing.
// Keys sent in the same instant as the click were seen to arrive before the click's focus (a Ctrl+A
// lost, the text appended: 1 run in 6); whether a person can ever be that fast is still open.
export async function clickIntoField(driver, label) {
  await driver.click(label);
  await driver.waitFor((s) => s.focused === label, `the keyboard in ${label}`);
}

// Resolves once a frame was drawn after the call: the canvas shows what the page holds now (for
// pixels and screenshots), instead of a sleep that hopes a frame came.
export async function drawnFrame(driver) {
  const before = (await driver.state()).frames;
  await driver.page.evaluate(() => window.renewdesk.redraw());
  return driver.waitFor((s) => s.frames > before, 'a frame drawn after the call');
}

// Resolves once the page has paused its frame loop (nothing due: no input, no request, no animation).
export async function pageAsleep(driver) {
  return driver.waitFor((s) => s.asleep && !s.busy, 'the page to pause its frame loop');
}

// Ctrl+A as a person presses it: Ctrl held until the app has seen it down (state().ctrlHeld), then A,
// then Ctrl released once a frame has had A. (Playwright's press('Control+A') sends the four key
// events back to back; the batch test's select-all was lost in 2 full runs of about 10 and the search
// text appended.)
export async function pressWithCtrl(driver, key) {
  await driver.page.keyboard.down('Control');
  try {
    await driver.waitFor((s) => s.ctrlHeld, 'the app to see Ctrl held');
    const before = (await driver.state()).frames;
    await driver.page.keyboard.press(key);
    // A frame drawn after `before` (the key wakes the page); one drawn between the read and the key would
    // let Ctrl go a frame early, which ImGui's event queue still orders after A.
    await driver.waitFor((s) => s.frames > before, `a frame after Ctrl+${key}`);
  } finally {
    await driver.page.keyboard.up('Control');
  }
}

// Selects all the text of the field that has the keyboard (Ctrl+A, held as a person holds it).
export async function selectAll(driver) { await pressWithCtrl(driver, 'a'); }

// The clipboard is the browser's, shared by every context (page) of it: tests running side by side in
// one file (plural_world.test.js) take turns from writing it to the paste that reads it, or one test
// pastes the other's text.
let clipboardTurn = Promise.resolve();
export async function pasteInto(driver, label, text, { replace = false } = {}) {
  const previous = clipboardTurn;
  let done;
  clipboardTurn = new Promise((resolve) => { done = resolve; });
  await previous;
  try {
    await driver.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await clickIntoField(driver, label);
    if (replace) await selectAll(driver);
    await driver.page.keyboard.press('Control+V');
  } finally {
    done();
  }
}

// A person clicks Sign in once both fields show their text; a paste reaches ImGui a frame or two
// after Ctrl+V. (state().signInReady says both fields hold text, never the text.)
export async function waitForSignInFields(driver) {
  return driver.waitFor((s) => s.signInReady, 'both sign-in fields to hold text');
}

export async function signIn(driver) {
  await pasteInto(driver, 'Client ID', 'demo-client-id');
  await pasteInto(driver, 'Client Secret', 'demo-client-secret');
  await waitForSignInFields(driver);
  await driver.click('Sign in');
  return driver.waitFor((s) => s.screen === 'choosing' && s.users.status === 'loaded' &&
    s.plans.status === 'loaded' && s.contacts.status === 'loaded', 'the three lookups');
}

// Signs in and reaches the review of a renewal for the partner itself, billed to the tutorial's contact.
export async function reachReviewForMyself(driver) {
  await signIn(driver);
  await driver.click('Renew for myself');
  await driver.click('contact:3197218168379846218');
  await driver.click('Review order');
  await driver.waitForScreen('reviewing');
}

// Every order RenewDesk sends carries a reference in poNumber (src/core/order_reference.h): without a
// PO number typed, a generated "RD-" and 8 symbols. `text` (a body, or a screen showing one) with that
// one line removed; a body must hold exactly one.
const generatedReferenceLine = /^[ \t]*"poNumber": "RD-[2-9A-HJKMNP-Z]{8}",\n/gm;
export function withoutGeneratedReference(text) {
  const found = text.match(generatedReferenceLine) || [];
  assert.equal(found.length, 1, `one generated reference line in ${text}`);
  return text.replace(generatedReferenceLine, '');
}

// The tutorial body with one more top-level member, as the client writes it (two-space indent): the
// member's line removed (and a comma it made necessary) must give the tutorial body back, byte for byte.
export function withoutTopLevelMember(body, memberLine) {
  const lines = body.split('\n');
  const at = lines.findIndex((line) => line === `  ${memberLine}` || line === `  ${memberLine},`);
  assert.notEqual(at, -1, `a top-level line ${memberLine} in ${body}`);
  const last = !lines[at].endsWith(',');
  lines.splice(at, 1);
  if (last) lines[at - 1] = lines[at - 1].replace(/,$/, '');
  return lines.join('\n');
}

// A loopback port free a moment ago, for a server that cannot take port 0 (nginx). Another test file
// running beside may be given it in between: the caller retries when its server says so.
export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
