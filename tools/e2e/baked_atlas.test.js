// The baked font atlas (issue 26): the page fetches the atlas the build baked for its pixel scale
// beside the wasm and restores it instead of rasterising the fonts before its first frame. Checked
// here on the page the sandbox serves (build/web/bin), in headless Chromium:
//   - the scales with a baked atlas use it (device pixel ratio 1 and 2; 1 with the UI at 125 %);
//   - the sign-in screen drawn from the baked atlas is pixel for pixel the one drawn from a runtime
//     build (the same page with the atlas's request failed);
//   - a scale without one fetches nothing and builds; an atlas request that fails, or that a proxy
//     answers with an HTML error page, never stops the page: it builds its own atlas and says why;
//   - the page embeds no UI font: it fetches glyphs/ui-<fingerprint>.otf only when it must rasterise
//     (no baked atlas fitted, a glyph slice arrived); with the atlas and no slice it never does; a
//     font that cannot be fetched leaves a page with an atlas usable, and one without an atlas says
//     so in words.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PageDriver, launchBrowser, pageAsleep, pasteInto, signIn, startSandbox, waitForSignInFields } from './harness.js';

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

// Opens the page with contextOptions (e.g. deviceScaleFactor); `atlasRoute` and `fontRoute`, when
// given, answer the page's atlas and UI font requests instead of the server (Playwright's route: the
// stand-in for a proxy or a network that fails them). `uiScale` is a remembered UI scale in percent.
// `until`: what the page must show before this returns (default: the sign-in screen, drawn).
async function open({ contextOptions = {}, atlasRoute = null, fontRoute = null, uiScale = null, until = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  if (uiScale) await context.addInitScript((percent) => localStorage.setItem('renewdesk.uiScale', String(percent)), uiScale);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.url }); // signIn pastes
  const atlasRequests = [];
  await context.route(/\/atlas-\d+\.bin$/, async (route) => {
    atlasRequests.push(new URL(route.request().url()).pathname);
    if (atlasRoute) await atlasRoute(route);
    else await route.continue();
  });
  const fontRequests = [];
  await context.route(/\/glyphs\/ui-[0-9a-f]{16}\.otf$/, async (route) => {
    fontRequests.push(new URL(route.request().url()).pathname);
    if (fontRoute) await fontRoute(route);
    else await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(sandbox.url + '/');
  const driver = new PageDriver(page);
  if (until) return { context, page, driver, atlasRequests, fontRequests, errors, ...(await until(page)) };
  const state = await driver.waitFor((s) => s.screen === 'signed_out' && s.frames >= 1, 'the sign-in screen', 60000);
  return { context, page, driver, state, atlasRequests, fontRequests, errors };
}

for (const [name, options, file] of [
  ['device pixel ratio 1', {}, '/atlas-100.bin'],
  ['device pixel ratio 2', { contextOptions: { deviceScaleFactor: 2 } }, '/atlas-200.bin'],
  ['device pixel ratio 1, the UI at 125 %', { uiScale: 125 }, '/atlas-125.bin'],
]) {
  test(`${name}: the page restores the atlas baked for its scale`, async () => {
    const { context, state, atlasRequests, fontRequests, errors } = await open(options);
    assert.deepEqual(atlasRequests, [file]);
    assert.equal(state.glyphs.baked, 'used');
    assert.deepEqual(fontRequests, [], 'the atlas is all the sign-in screen needs: no UI font fetched');
    assert.equal(state.glyphs.uiFont, '');
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

test('a scale without a baked atlas fetches none and builds its own from the fetched UI font', async () => {
  const { context, state, atlasRequests, fontRequests, errors } = await open({ contextOptions: { deviceScaleFactor: 1.1 } });
  assert.deepEqual(atlasRequests, []);
  assert.equal(state.glyphs.baked, 'the page offered no baked atlas');
  assert.equal(fontRequests.length, 1);
  assert.equal(state.glyphs.uiFont, 'loaded');
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
  assert.equal(state.glyphs.uiFont, 'loaded');
  assert.deepEqual(errors, []);
  await signIn(driver); // usable: a person signs in as usual
  await context.close();
});

test('an atlas request that fails (HTTP 404) never stops the page', async () => {
  const { context, state, errors } = await open({ atlasRoute: (route) => route.fulfill({ status: 404, body: 'not found' }) });
  assert.equal(state.glyphs.baked, 'the page offered no baked atlas');
  assert.equal(state.glyphs.uiFont, 'loaded');
  assert.deepEqual(errors, []);
  await context.close();
});

// Text in a script the atlas lacks: the slice arrives, and the rebuild needs the UI font, fetched
// then, once; the name draws in real glyphs.
const cyrillic = 'Сергей Иванов';
const allDrawn = (s) => s.missingGlyphs === 0 && !s.busy && s.glyphs.slices >= 1;

test('with the baked atlas, a glyph slice brings the UI font along, once', async () => {
  const { context, driver, state, fontRequests, errors } = await open();
  assert.equal(state.glyphs.baked, 'used');
  await pasteInto(driver, 'Client ID', cyrillic);
  const drawn = await driver.waitFor(allDrawn, 'the Cyrillic name in real glyphs', 30000);
  assert.equal(drawn.glyphs.uiFont, 'loaded');
  assert.equal(fontRequests.length, 1);
  await pasteInto(driver, 'Client ID', 'Ωμέγα', { replace: true }); // another slice: the font is here already
  await driver.waitFor((s) => s.missingGlyphs === 0 && !s.busy && s.glyphs.slices >= 2, 'the Greek slice too', 30000);
  assert.equal(fontRequests.length, 1, 'the UI font is fetched once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a UI font that cannot be fetched leaves the page with its atlas usable', async () => {
  const { context, driver, fontRequests, errors } = await open({ fontRoute: (route) => route.fulfill({ status: 404, body: 'not found' }) });
  await pasteInto(driver, 'Client ID', cyrillic);
  // The slice arrived, the font did not: the name stays in placeholders, and the page says why.
  const waiting = await driver.waitFor((s) => /^HTTP 404 for glyphs\/ui-/.test(s.glyphs.uiFont) && s.missingGlyphs > 0 && !s.busy,
    'the font refused, placeholders kept', 30000);
  assert.equal(waiting.glyphs.baked, 'used');
  assert.equal(fontRequests.length, 1, 'asked once, not again at every frame');
  // Still usable: the sign-in goes on in the atlas there is.
  await pasteInto(driver, 'Client ID', 'demo-client-id', { replace: true });
  await pasteInto(driver, 'Client Secret', 'demo-client-secret');
  await waitForSignInFields(driver);
  await driver.click('Sign in');
  await driver.waitForScreen('choosing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no atlas and no UI font: the page says in words what is missing', async () => {
  const { context, errors, problem } = await open({
    atlasRoute: (route) => route.fulfill({ status: 404, body: 'not found' }),
    fontRoute: (route) => route.fulfill({ status: 404, body: 'not found' }),
    until: async (page) => {
      await page.locator('#problem').waitFor({ state: 'visible', timeout: 60000 });
      return { problem: await page.locator('#problem-text').textContent() };
    },
  });
  assert.match(problem, /could not load its font \(HTTP 404 for glyphs\/ui-[0-9a-f]{16}\.otf\)/);
  assert.deepEqual(errors, []);
  await context.close();
});
