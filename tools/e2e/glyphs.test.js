// Glyphs on demand in real Chromium: names in Chinese, Japanese, Korean, Greek, Cyrillic and
// Vietnamese from the sandbox's fixtures draw with their real glyphs once the slices they need have
// come from glyphs/ beside the page; the first load carries none of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { control, launchBrowser, openPage, root, signIn, startSandbox, waitForOrders } from './harness.js';

// The fixture user with the issue's own example name; its id is read as text, never as a number.
const usersJson = readFileSync(path.join(root, 'tools/sandbox/fixtures/users.json'), 'utf8');
const hangzhouId = /"partnerId": "(\d+)",[^}]*"company": "杭州云联通信有限公司"/.exec(usersJson)[1];

let sandbox;
let browser;
before(async () => {
  sandbox = await startSandbox(); // the fixture users only: every script on the first screen
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  sandbox?.stop();
});
beforeEach(async () => { await control(sandbox.url, 'POST', '/__sandbox/reset'); });

const glyphRequests = (requests) => requests.filter((url) => url.includes('/glyphs/'));

async function waitForAllGlyphs(driver, where) {
  return driver.waitFor((s) => s.missingGlyphs === 0 && !s.busy, `every glyph drawn on ${where}`);
}

test('names in every script draw with real glyphs on the choose, review and receipt screens', async (t) => {
  const { context, driver, requests } = await openPage(browser, sandbox.url);
  assert.deepEqual(glyphRequests(requests), [], 'the English sign-in screen needs no glyph slice');
  await signIn(driver);
  // The table shows 8 of the 21 users: scroll through all of them, a few rows at a time.
  const row = await driver.widget('user row 0');
  let choosing;
  for (let step = 0; step < 9; step += 1) {
    choosing = await waitForAllGlyphs(driver, `the choose screen, scrolled ${step} times`);
    await driver.shot(`glyphs-1-choose-${step}`); // every script of the fixtures, a few rows at a time
    await driver.page.mouse.move(row.x + 20, row.y + row.h / 2);
    await driver.page.mouse.wheel(0, 60);
  }
  const fetched = glyphRequests(requests);
  t.diagnostic(`fetched: ${fetched.map((u) => u.replace(/.*\//, '')).join(' ')}`);
  for (const slice of ['cjk-[0-9a-f]{4}', 'greek', 'cyrillic', 'latin-ext-additional']) {
    const pattern = new RegExp(`/glyphs/[0-9a-f]{12}/${slice}\\.otf$`);
    assert.ok(fetched.some((url) => pattern.test(url)), `the ${slice} slice was fetched`);
  }
  assert.equal(new Set(fetched).size, fetched.length, 'no slice fetched twice');
  t.diagnostic(`choose screen: ${choosing.glyphs.slices} slices, ${choosing.glyphs.bytes} bytes, ` +
    `first request -> drawn ${choosing.glyphs.waitMs} ms, last atlas build ${choosing.glyphs.buildMs} ms`);

  await driver.click(`user:${hangzhouId}`);
  await driver.click('contact:9223372036854775807');
  await driver.click('Review order');
  await driver.waitForScreen('reviewing');
  await waitForAllGlyphs(driver, 'the review screen');
  await driver.shot('glyphs-2-review');
  await driver.click('Confirm order');
  await driver.waitForScreen('done');
  await waitForAllGlyphs(driver, 'the receipt');
  await driver.shot('glyphs-3-receipt');
  await driver.page.evaluate(() => window.renewdesk.captureText());
  const receipt = await driver.waitFor((s) => s.drawnText.includes('Order no'), 'the receipt\'s text');
  assert.ok(receipt.drawnText.includes('杭州云联通信有限公司'), 'the receipt names the customer');
  const orders = await waitForOrders(sandbox.url, 1);
  assert.equal(orders.length, 1);
  assert.match(orders[0].body, new RegExp(`"partnerId": "${hangzhouId}"`));
  await context.close();
});

test('a glyph slice the server will not give stays a box, and the app stays usable', async () => {
  const { context, page, driver } = await openPage(browser, sandbox.url);
  // Stands for a web server that lacks glyphs/ or a proxy that answers with its own error page.
  let refused = 0;
  await page.route('**/glyphs/**', (route) => {
    refused += 1;
    return route.fulfill({ status: refused % 2 ? 404 : 200, contentType: 'text/html',
      body: '<html><body>Not here</body></html>' });
  });
  await signIn(driver);
  await driver.waitFor(() => refused > 0, 'the slices to be asked for');
  await page.mouse.move(5, 5);
  const state = await driver.waitFor((s) => !s.busy, 'the page to settle');
  assert.ok(state.missingGlyphs > 0, 'placeholders are counted while slices are missing');
  await driver.click('Renew for myself'); // still usable
  await driver.click('contact:9223372036854775807');
  await driver.click('Review order');
  await driver.waitForScreen('reviewing');
  await context.close();
});
