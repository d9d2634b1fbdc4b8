// Typing any script in the page: a simulated input method (CDP Input.imeSetComposition, then
// Input.insertText to commit) composes in the shell's hidden <input> at ImGui's caret (web/shell.js,
// "input methods"; src/app/web/ime_bridge.cpp), and plain keys, pastes and Backspace still arrive
// exactly once. Rows are read through the test hooks (widget rectangles), not pixels.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { control, drawnFrame, launchBrowser, openPage, selectAll, signIn, startSandbox } from './harness.js';

// A fixture user of tools/sandbox/fixtures/users.json: "海港通信有限公司 Harbour PBX".
const harbourId = '5764607523034234881';

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
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

const ime = (driver) => driver.page.evaluate(() => window.renewdesk.ime());

async function waitForIme(driver, predicate, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await ime(driver);
    if (last && predicate(last)) return last;
    await driver.page.waitForTimeout(25);
  }
  throw new Error(`timed out waiting for ${what}; last ime() ${JSON.stringify(last)}`);
}

// Waits until the page has drawn the frames for the input so far and gone to sleep (no new frame for
// 300 ms), so the rows read next are the final ones, not those of a frame half-way through the input.
async function settle(driver) {
  let frames = (await driver.state()).frames;
  let since = Date.now();
  const deadline = Date.now() + 10000;
  while (Date.now() - since < 300) {
    assert.ok(Date.now() < deadline, 'the page kept drawing frames for 10 s');
    await driver.page.waitForTimeout(50);
    const now = await driver.state();
    if (now.frames !== frames || now.busy) {
      frames = now.frames;
      since = Date.now();
    }
  }
}

// The user table's first two rows and the Harbour user's row, as the last frame drew them.
async function rows(driver) {
  await settle(driver);
  return driver.page.evaluate((id) => ({
    first: window.renewdesk.widget('user row 0'),
    second: window.renewdesk.widget('user row 1'),
    harbour: window.renewdesk.widget(`user:${id}`),
    myself: window.renewdesk.widget('Renew for myself'),
  }), harbourId);
}

async function assertOnlyHarbour(driver, what) {
  const r = await rows(driver);
  assert.ok(r.myself, `${what}: the table is drawn`);
  assert.ok(r.harbour, `${what}: the Harbour user is listed (${JSON.stringify(r)})`);
  assert.deepEqual(r.first, r.harbour, `${what}: the Harbour user is the first row`);
  assert.equal(r.second, null, `${what}: no second row`);
}

async function assertNoUser(driver, what) {
  const r = await rows(driver);
  assert.ok(r.myself, `${what}: the table is drawn`);
  assert.equal(r.first, null, `${what}: no user row (${JSON.stringify(r)})`);
}

async function assertSeveralUsers(driver, what) {
  const r = await rows(driver);
  assert.ok(r.first && r.second, `${what}: several rows (${JSON.stringify(r)})`);
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// Signs in and puts the keyboard in the search box (the input-method element then has the focus).
async function searchBox(driver) {
  await signIn(driver);
  await driver.click('Search users');
  await driver.waitFor((s) => s.focused === 'Search users', 'the keyboard in the search box');
  await waitForIme(driver, (i) => i.wanted && i.focused, 'the input-method element focused at the caret');
}

async function clearSearch(driver) {
  await selectAll(driver);
  await driver.page.keyboard.press('Backspace');
  await assertSeveralUsers(driver, 'the search box emptied');
}

test('a Chinese name typed through an input method finds the user, renewed with the right partnerId', async () => {
  const { context, page, driver } = await openPage(browser, sandbox.url);
  await searchBox(driver);
  const cdp = await context.newCDPSession(page);

  // A partial composition: shown at the search box, not yet typed into it.
  await cdp.send('Input.imeSetComposition', { text: '海港', selectionStart: 2, selectionEnd: 2 });
  const composing = await waitForIme(driver, (i) => i.composing && i.text === '海港', 'the composition shown');
  const field = await driver.widget('Search users');
  assert.ok(composing.rect.w > 0 && composing.rect.h > 0, `a visible composition ${JSON.stringify(composing.rect)}`);
  assert.ok(overlaps(composing.rect, field), `composition ${JSON.stringify(composing.rect)} at the search box ${JSON.stringify(field)}`);
  await driver.shot('ime-1-composing');
  await assertSeveralUsers(driver, 'while composing');

  // Enter belongs to the composition (it would pick a candidate): it must not reach ImGui, where it
  // would end the search box's editing.
  await page.keyboard.press('Enter');
  await settle(driver);
  const afterEnter = await ime(driver);
  assert.ok(afterEnter.wanted && afterEnter.composing, `still composing in the search box: ${JSON.stringify(afterEnter)}`);

  // Committed: typed into the search box once; the table shows only that user.
  await cdp.send('Input.insertText', { text: '海港通信' });
  await waitForIme(driver, (i) => !i.composing && i.focused, 'the composition committed');
  await assertOnlyHarbour(driver, 'after the commit');
  await driver.shot('ime-2-committed');

  await driver.click(`user:${harbourId}`);
  await driver.click('contact:3197218168379846218');
  await driver.click('Review order');
  await driver.waitForScreen('reviewing');
  await waitForIme(driver, (i) => !i.wanted && !i.focused, 'the element blurred once no field has the keyboard');
  await driver.click('Confirm order');
  const done = await driver.waitForScreen('done');
  assert.equal(done.receiptStatus, 'succeed');
  const orders = await control(sandbox.url, 'GET', '/__sandbox/orders');
  assert.equal(orders.length, 1);
  assert.match(orders[0].body, new RegExp(`"partnerId": "${harbourId}"`)); // compared as text
  await context.close();
});

test('typed ASCII and a paste arrive once; keys after a composition edit it one character at a time', async () => {
  const { context, page, driver } = await openPage(browser, sandbox.url);
  await searchBox(driver);

  // Keyboard typing reaches ImGui through GLFW while the element has the focus; a doubled character
  // ("HHaarr…") would match no one.
  await page.keyboard.type('Harbour PBX');
  await assertOnlyHarbour(driver, 'typed "Harbour PBX"');
  const after = await ime(driver);
  assert.equal(after.focused, true);
  await clearSearch(driver);

  // A paste (the document's paste event) is typed once, not also by the element.
  await page.evaluate(() => navigator.clipboard.writeText('Harbour PBX'));
  await page.keyboard.press('Control+V');
  await assertOnlyHarbour(driver, 'pasted "Harbour PBX"');
  await clearSearch(driver);

  // Committed text without a composition (an emoji picker, dictation): forwarded once each.
  await page.keyboard.insertText('海');
  await page.keyboard.insertText('港');
  await assertOnlyHarbour(driver, 'inserted "海", then "港"');
  await clearSearch(driver);

  // After a composition, Backspace deletes exactly one character per press.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: '海港', selectionStart: 2, selectionEnd: 2 });
  await waitForIme(driver, (i) => i.composing, 'the composition shown');
  await cdp.send('Input.insertText', { text: '海港通信XY' });
  await waitForIme(driver, (i) => !i.composing, 'the composition committed');
  await assertNoUser(driver, 'committed "海港通信XY"');
  await page.keyboard.press('Backspace');
  await assertNoUser(driver, 'one Backspace: "海港通信X"');
  await page.keyboard.press('Backspace');
  await assertOnlyHarbour(driver, 'two Backspaces: "海港通信"');

  // Arrows, Home and typing in the middle still work with the element focused: "海港" + "通" → "海港通信".
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('Z');
  await assertNoUser(driver, '"海港Z通信"');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await assertNoUser(driver, '"海港通信 " (no user has that space)');
  await page.keyboard.press('Backspace');
  await assertOnlyHarbour(driver, 'back to "海港通信"');

  // Tab leaves the search box: the element gives up the focus and hides.
  await page.keyboard.press('Tab');
  await driver.waitFor((s) => s.focused !== 'Search users', 'Tab to move the keyboard on');
  await settle(driver);
  const moved = await ime(driver);
  console.log(`after Tab: focused widget ${(await driver.state()).focused}, ime ${JSON.stringify(moved)}`);
  assert.equal(moved.wanted, false, `after Tab the page wants no input method: ${JSON.stringify(moved)}`);
  assert.equal(moved.focused, false, `after Tab the input-method element has given up the focus: ${JSON.stringify(moved)}`);
  await context.close();
});

// Emscripten's GLFW lets go of every held key on any blur it hears, and the keyboard moves from the
// canvas to the input-method element when an ImGui field takes it: a Ctrl held across a click into a
// field was dropped, and Ctrl+A typed an "a" (seen once in batch.test.js). Here Ctrl is held down
// before the click, so the focus moves while it is held, every time.
test('a Ctrl held while the keyboard moves into a field is still held: Ctrl+A selects all', async () => {
  const { context, page, driver } = await openPage(browser, sandbox.url);
  await searchBox(driver);
  await page.keyboard.type('Harbour PBX');
  await assertOnlyHarbour(driver, 'typed "Harbour PBX"');
  // The keyboard back on the canvas: a click on the page's background, on the heading's line above
  // the search field (no widget there).
  const box = await driver.widget('Search users');
  await page.mouse.click(box.x + box.w / 2, box.y - 25);
  await waitForIme(driver, (i) => !i.focused, 'the keyboard back on the canvas');

  await page.keyboard.down('Control');
  try {
    await driver.waitFor((s) => s.ctrlHeld, 'the app to see Ctrl held');
    await page.mouse.click(box.x + 20, box.y + box.h / 2);
    await waitForIme(driver, (i) => i.focused, 'the input-method element has the keyboard');
    const held = await driver.waitFor((s) => s.focused === 'Search users', 'the search field has the keyboard');
    await drawnFrame(driver); // a frame after the focus moved: GLFW would have let go by now
    assert.equal((await driver.state()).ctrlHeld, true, `Ctrl is still held after the focus moved (${held.frames})`);
    const before = (await driver.state()).frames;
    await page.keyboard.press('a');
    await driver.waitFor((s) => s.frames > before, 'a frame after Ctrl+A');
  } finally {
    await page.keyboard.up('Control');
  }
  await page.keyboard.type('zz-no-such-user');
  await driver.waitFor((s) => s.searchBytes === 'zz-no-such-user'.length, 'the search replaced, not appended to');
  await context.close();
});
