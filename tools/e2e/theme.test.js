// Light and dark themes in the page: the browser's prefers-color-scheme (Playwright's colorScheme)
// decides the theme at start, the top bar's Theme switch flips it and wins over the system from then
// on (renewdesk.theme in localStorage, kept across a reload), and a change of the system's preference
// is followed only while nothing was chosen; in Chinese the switch's words draw with real glyphs.
// Screenshots: artifacts/e2e/theme-<light|dark>-sign-in.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumArgs, drawnFrame, openPage, startSandbox } from './harness.js';

let browser;
let sandbox;

before(async () => {
  sandbox = await startSandbox();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  sandbox?.stop();
});

// The colour the page shows at a spot with no widget (the window's background), as [r, g, b]: a
// screenshot of that pixel, decoded by the browser itself.
async function backgroundAt(page) {
  const shot = await page.screenshot({ clip: { x: 640, y: 700, width: 1, height: 1 } });
  return page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }, Array.from(shot));
}

function luminance([r, g, b]) {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('the page starts dark under a dark system preference and light under a light one', async () => {
  const dark = await openPage(browser, sandbox.url, { colorScheme: 'dark' });
  assert.equal(await dark.page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches), true);
  assert.equal((await dark.driver.state()).theme, 'dark');
  await drawnFrame(dark.driver);
  await dark.driver.shot('theme-dark-sign-in');
  const darkBg = await backgroundAt(dark.page);
  await dark.context.close();

  const light = await openPage(browser, sandbox.url, { colorScheme: 'light' });
  assert.equal((await light.driver.state()).theme, 'light');
  await drawnFrame(light.driver);
  await light.driver.shot('theme-light-sign-in');
  const lightBg = await backgroundAt(light.page);
  await light.context.close();
  assert.ok(luminance(darkBg) < 60, `dark background ${darkBg}`);
  assert.ok(luminance(lightBg) > 200, `light background ${lightBg}`);
});

test('Theme in the top bar switches, wins over the system and survives a reload', async () => {
  const { context, page, driver } = await openPage(browser, sandbox.url, { colorScheme: 'light' });
  assert.equal((await driver.state()).theme, 'light');
  await driver.click('Theme');
  await driver.waitFor((s) => s.theme === 'dark', 'the dark theme after the click');
  assert.equal(await page.evaluate(() => localStorage.getItem('renewdesk.theme')), 'dark');
  await page.reload();
  const state = await driver.waitFor((s) => s.screen === 'signed_out', 'the page after the reload');
  assert.equal(state.theme, 'dark', 'the choice is kept, over the light system preference');
  await page.emulateMedia({ colorScheme: 'light' }); // the system changes: the person's choice stays
  assert.equal(await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches), false);
  await drawnFrame(driver); // media-query listeners run before the frame that follows the change
  assert.equal((await driver.state()).theme, 'dark');
  await driver.click('Theme');
  await driver.waitFor((s) => s.theme === 'light', 'the light theme after the second click');
  assert.equal(await page.evaluate(() => localStorage.getItem('renewdesk.theme')), 'light');
  await context.close();
});

test('without a choice, a change of the system preference is followed while the page runs', async () => {
  const { context, page, driver } = await openPage(browser, sandbox.url, { colorScheme: 'light' });
  assert.equal((await driver.state()).theme, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await driver.waitFor((s) => s.theme === 'dark', 'the dark theme after the system changed');
  assert.equal(await page.evaluate(() => localStorage.getItem('renewdesk.theme')), null, 'nothing chosen, nothing kept');
  await context.close();
});

test('in Chinese the switch reads 深色 / 浅色 and every glyph of it is drawn', async () => {
  const { context, page, driver } = await openPage(browser, sandbox.url, { colorScheme: 'light', locale: 'zh-CN' });
  await driver.waitFor((s) => s.language === 'zh', 'the Chinese UI');
  await driver.waitFor((s) => s.missingGlyphs === 0, 'every glyph drawn');
  for (const [word, theme] of [['深色', 'light'], ['浅色', 'dark']]) {
    await driver.waitFor((s) => s.theme === theme, `the ${theme} theme`);
    const before = (await driver.state()).drawnText;
    await page.evaluate(() => window.renewdesk.captureText());
    const state = await driver.waitFor((s) => s.drawnText && s.drawnText !== before && s.missingGlyphs === 0,
      'the drawn text');
    assert.ok(state.drawnText.includes(word), `${word} in\n${state.drawnText}`);
    if (theme === 'light') await driver.click('Theme');
  }
  await context.close();
});
