// The page's start-up runs in three tasks (src/app/web_main.cpp: main, start_drawing, start_app), so
// the browser hands the page input between them, before the App or even the font exists. A person
// can move the mouse, press keys, scroll and paste while the loading screen shows; none of it may break
// the start, and the page must be usable afterwards (what was typed early stays typed: the sign-in
// below replaces it). An init script sends such events (mouse moves,
// key presses, wheel turns, pastes) every few milliseconds from the first moment until the first
// frame is drawn.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PageDriver, launchBrowser, pasteInto, startSandbox, waitForSignInFields } from './harness.js';

let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  sandbox?.stop();
});

// Runs in the page before its own scripts: events at the window, the canvas and the document until
// the page says its first frame is drawn; counts what it sent while main()'s tasks were running.
function inputDuringStartUp() {
  const sent = { total: 0, afterRun: 0 };
  Object.defineProperty(window, '__startupInput', { value: sent });
  const started = () => (window.renewdesk?.state?.()?.frames ?? 0) >= 1;
  const timer = setInterval(() => {
    if (started()) { clearInterval(timer); return; }
    const target = document.getElementById('canvas');
    if (!target) return; // not parsed yet
    const x = 100 + (sent.total % 50);
    target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: 120, bubbles: true }));
    target.dispatchEvent(new WheelEvent('wheel', { deltaY: 40, clientX: x, clientY: 120, bubbles: true }));
    // Where a browser sends keys: the element with the keyboard, else the body (never the window itself).
    const focused = document.activeElement ?? document.body;
    for (const type of ['keydown', 'keypress', 'keyup']) {
      focused?.dispatchEvent(new KeyboardEvent(type, { key: 'a', code: 'KeyA', charCode: 97, keyCode: 65, bubbles: true }));
    }
    const paste = new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true });
    paste.clipboardData.setData('text/plain', 'early');
    document.dispatchEvent(paste);
    sent.total += 1;
    if (window.Module?.calledRun) sent.afterRun += 1;
  }, 2);
}

test('input between the start-up tasks never breaks the start, and the page is usable after it', async () => {
  for (let load = 1; load <= 3; ++load) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(inputDuringStartUp);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.url }); // signIn pastes
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(sandbox.url + '/');
    const driver = new PageDriver(page);
    await driver.waitFor((s) => s.screen === 'signed_out' && s.frames >= 1, 'the sign-in screen', 60000);
    const sent = await page.evaluate(() => window.__startupInput);
    console.log(`load ${load}: ${sent.total} rounds of input during start-up, ${sent.afterRun} of them after main() returned (between its tasks)`);
    assert.ok(sent.total > 0, 'input was sent while the page started');
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => document.getElementById('problem').hidden), true, 'no problem shown');
    assert.equal(await page.evaluate(() => document.getElementById('loading').hidden), true, 'the loading screen is down');
    if (load === 3) { // usable: a person signs in, replacing what the early keys and pastes typed
      await pasteInto(driver, 'Client ID', 'demo-client-id', { replace: true });
      await pasteInto(driver, 'Client Secret', 'demo-client-secret', { replace: true });
      await waitForSignInFields(driver);
      await driver.click('Sign in');
      await driver.waitFor((s) => s.screen === 'choosing' && s.users.status === 'loaded', 'the signed-in lists');
    }
    await context.close();
  }
});
