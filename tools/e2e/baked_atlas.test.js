// The baked font atlas (issue 26): the page fetches the atlas the build baked for its pixel scale
// beside the wasm and restores it instead of rasterising the fonts before its first frame. Checked
// here on the page the sandbox serves (build/web/bin), in headless Chromium:
//   - the scales with a baked atlas use it (device pixel ratio 1 and 2; 1 with the UI at 125 %);
//   - the sign-in screen drawn from the baked atlas is pixel for pixel the one drawn from a runtime
//     build (the same page with the atlas's request failed);
//   - a scale without one fetches nothing and builds; an atlas request that fails, or that a proxy
//     answers with an HTML error page, never stops the page: it builds its own atlas and says why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PageDriver, launchBrowser, pageAsleep, signIn, startSandbox } from './harness.js';

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

// Opens the page with contextOptions (e.g. deviceScaleFactor); `atlasRoute`, when given, answers the
// page's atlas requests instead of the server (Playwright's route: the stand-in for a proxy or a
// network that fails them). `uiScale` is a remembered UI scale in percent.
async function open({ contextOptions = {}, atlasRoute = null, uiScale = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  if (uiScale) await context.addInitScript((percent) => localStorage.setItem('renewdesk.uiScale', String(percent)), uiScale);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.url }); // signIn pastes
  const atlasRequests = [];
  await context.route(/\/atlas-\d+\.bin$/, async (route) => {
    atlasRequests.push(new URL(route.request().url()).pathname);
    if (atlasRoute) await atlasRoute(route);
    else await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(sandbox.url + '/');
  const driver = new PageDriver(page);
  const state = await driver.waitFor((s) => s.screen === 'signed_out' && s.frames >= 1, 'the sign-in screen', 60000);
  return { context, page, driver, state, atlasRequests, errors };
}

for (const [name, options, file] of [
  ['device pixel ratio 1', {}, '/atlas-100.bin'],
  ['device pixel ratio 2', { contextOptions: { deviceScaleFactor: 2 } }, '/atlas-200.bin'],
  ['device pixel ratio 1, the UI at 125 %', { uiScale: 125 }, '/atlas-125.bin'],
]) {
  test(`${name}: the page restores the atlas baked for its scale`, async () => {
    const { context, state, atlasRequests, errors } = await open(options);
    assert.deepEqual(atlasRequests, [file]);
    assert.equal(state.glyphs.baked, 'used');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the sign-in screen from the baked atlas is pixel for pixel the one from a runtime build', async () => {
  const baked = await open();
  const built = await open({ atlasRoute: (route) => route.abort('failed') });
  assert.equal(baked.state.glyphs.baked, 'used');
  assert.equal(built.state.glyphs.baked, 'the page offered no baked atlas');
  const pictures = [];
  for (const { driver, page } of [baked, built]) {
    await pageAsleep(driver);
    pictures.push(await page.locator('#canvas').screenshot());
  }
  assert.ok(pictures[0].length > 1000, 'a real picture');
  assert.ok(pictures[0].equals(pictures[1]), 'the two canvases differ');
  // The control: the same atlas with its texels inverted (the header and glyph table intact, so it is
  // restored) draws another picture, so the comparison above can fail.
  const damaged = await open({
    atlasRoute: async (route) => {
      const bytes = Buffer.from(await (await route.fetch()).body());
      for (let i = bytes.length - 65536; i < bytes.length; ++i) bytes[i] ^= 0xFF;
      await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: bytes });
    },
  });
  assert.equal(damaged.state.glyphs.baked, 'used');
  await pageAsleep(damaged.driver);
  assert.ok(!(await damaged.page.locator('#canvas').screenshot()).equals(pictures[1]), 'damaged texels show');
  for (const opened of [baked, built, damaged]) await opened.context.close();
});

test('a scale without a baked atlas fetches none and builds its own', async () => {
  const { context, state, atlasRequests, errors } = await open({ contextOptions: { deviceScaleFactor: 1.1 } });
  assert.deepEqual(atlasRequests, []);
  assert.equal(state.glyphs.baked, 'the page offered no baked atlas');
  assert.ok(state.glyphs.buildMs > 0, 'the atlas was built at start');
  assert.deepEqual(errors, []);
  await context.close();
});

test("a proxy's HTML error page instead of the atlas: the page starts and builds its own", async () => {
  const html = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';
  const { context, driver, state, errors } = await open({
    atlasRoute: (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  });
  assert.equal(state.glyphs.baked, 'not a baked atlas');
  assert.deepEqual(errors, []);
  await signIn(driver); // usable: a person signs in as usual
  await context.close();
});

test('an atlas request that fails (HTTP 404) never stops the page', async () => {
  const { context, state, errors } = await open({ atlasRoute: (route) => route.fulfill({ status: 404, body: 'not found' }) });
  assert.equal(state.glyphs.baked, 'the page offered no baked atlas');
  assert.deepEqual(errors, []);
  await context.close();
});
