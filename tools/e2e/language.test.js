// The page in Simplified Chinese: Chromium started with --lang=zh-CN and a zh-CN context, so the page
// starts in Chinese by itself; every screen of a renewal (sign-in, choosing, review, receipt, failed,
// outcome unknown) is walked, screenshot to artifacts/e2e/zh-<screen>.png, and the text ImGui drew
// (window.renewdesk.captureText() -> state().drawnText) holds no English catalog string. Then English
// is chosen in the top bar and a reload keeps it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, control, drawnFrame, openPage, reachReviewForMyself, root, signIn, startSandbox } from './harness.js';

// The catalogs' entries, read from the sources: {key: text}.
function catalog(language) {
  const source = readFileSync(path.join(root, `src/ui/words/catalog_${language}.cpp`), 'utf8');
  const entries = {};
  for (const match of source.matchAll(/^\s*\{T::(\w+), ("(?:[^"\\]|\\.)*")\},\s*$/gm)) entries[match[1]] = JSON.parse(match[2]);
  return entries;
}

// The English pieces that must not show in the Chinese page: each English entry's literal parts
// (between its %s / %d) with a word of 3+ letters, unless the Chinese entry is the same text
// (the brand, "Yeastar ID") or carries that piece too, and the English button's own name. Single words that are also sandbox data are left out.
const sandboxDataWords = new Set(['Plan']);
const english = catalog('en');
const chinese = catalog('zh');
const englishPieces = [];
for (const [key, text] of Object.entries(english)) {
  if (chinese[key] === text || key === 'language_name') continue; // each language's button names itself
  for (const piece of text.split(/%[sd]/).map((p) => p.trim())) {
    // A piece the Chinese entry carries too is a name kept on purpose ("RenewDesk %s（提交 %s…）").
    if (/[A-Za-z]{3,}/.test(piece) && !sandboxDataWords.has(piece) && !(chinese[key] ?? '').includes(piece)) {
      englishPieces.push({ key, piece });
    }
  }
}

function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
// A piece of several words is English left wherever it shows. A single word ("Company", "Name")
// may be part of the sandbox's own data ("A Very Long Company Name ..."), so it counts only as a
// whole item: a line, a table cell ("| Name |") or a button ("[ Back ]").
function englishLeft(drawn) {
  return englishPieces.filter(({ piece }) => {
    if (/\s/.test(piece)) {
      const start = /^[A-Za-z]/.test(piece) ? '(?<![A-Za-z])' : '';
      const end = /[A-Za-z]$/.test(piece) ? '(?![A-Za-z])' : '';
      return new RegExp(start + escape(piece) + end).test(drawn);
    }
    return new RegExp(`(^|[|\\[(]) ?${escape(piece)} ?($|[|\\])])`, 'm').test(drawn);
  });
}

let browser;
let sandbox;

before(async () => {
  assert.ok(englishPieces.length > 100, `the English catalog was read (${englishPieces.length} pieces)`);
  sandbox = await startSandbox();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, '--lang=zh-CN'] });
});

after(async () => {
  await browser?.close();
  sandbox?.stop();
});

// Screenshot, then the text the next frame draws, checked for English.
async function checkScreen(driver, name) {
  await driver.waitFor((s) => !s.busy, 'spinners and requests to finish');
  await drawnFrame(driver); // and the layout of that last state on the canvas
  await driver.shot(`zh-${name}`);
  // The frame after the call records the text: a state of a later frame holds this capture (two screens
  // in a row may draw the same text, so the text alone cannot tell a new capture from the last one).
  const asked = await driver.page.evaluate(() => { window.renewdesk.captureText(); return window.renewdesk.state().frames; });
  const state = await driver.waitFor((s) => s.frames > asked && typeof s.drawnText === 'string' && s.drawnText.length > 0,
    `the drawn text of ${name}`, 5000);
  assert.ok(state.drawnText, `${name}: captureText() gave no drawnText`);
  // The header's UI scale button ("缩放 100%") is on every screen, in Chinese only in the Chinese UI.
  assert.match(state.drawnText, /缩放/, `${name}: the top bar is in Chinese`);
  assert.deepEqual(englishLeft(state.drawnText), [], `${name}: English left in\n${state.drawnText}`);
  assert.equal(state.language, 'zh');
  return state;
}

async function openChinese() {
  return openPage(browser, sandbox.url, { locale: 'zh-CN' });
}

test('the page starts in Chinese and a whole renewal reads in Chinese', async () => {
  const { context, driver } = await openChinese();
  assert.equal(await driver.page.evaluate(() => navigator.language), 'zh-CN');
  assert.equal((await driver.state()).language, 'zh');
  await checkScreen(driver, 'sign-in');
  await signIn(driver);
  await checkScreen(driver, 'choosing');
  await driver.click('Renew for myself');
  await driver.click('contact:3197218168379846218');
  await driver.click('Review order');
  await driver.waitForScreen('reviewing');
  await checkScreen(driver, 'review');
  await driver.click('Confirm order');
  await driver.waitForScreen('done');
  await checkScreen(driver, 'receipt');
  await driver.click('Copy receipt');
  await driver.waitFor((s) => s.notice !== '', 'the notice line');
  await checkScreen(driver, 'receipt-notice');
  await context.close();
});

test('a refused order and an order of unknown outcome read in Chinese', async () => {
  const { context, driver } = await openChinese();
  await control(sandbox.url, 'POST', '/__sandbox/faults',
    { endpoint: 'save', kind: 'api_error', status: 400, code: 'insufficient_balance', detailMessage: '余额不足' });
  await reachReviewForMyself(driver);
  await driver.click('Confirm order');
  await driver.waitForScreen('failed');
  const failed = await checkScreen(driver, 'failed');
  assert.match(failed.drawnText, /余额不足/, 'the server\'s own words are shown as they are');

  await control(sandbox.url, 'POST', '/__sandbox/faults', { endpoint: 'save', kind: 'commit_then_drop' });
  await driver.click('Back to choices');
  await driver.waitForScreen('choosing');
  await driver.click('Review order');
  await driver.waitForScreen('reviewing');
  await driver.click('Confirm order');
  await driver.waitForScreen('outcome_unknown');
  await checkScreen(driver, 'outcome-unknown');
  await driver.waitFor((s) => s.reconciliation.status === 'found', 'the order found in the order list');
  await checkScreen(driver, 'outcome-unknown-found');
  await context.close();
});

test('English chosen in the top bar is kept across a reload', async () => {
  const { context, page, driver } = await openChinese();
  assert.equal((await driver.state()).language, 'zh');
  await driver.click('language:en');
  await driver.waitFor((s) => s.language === 'en', 'English');
  assert.equal(await page.evaluate(() => localStorage.getItem('renewdesk.language')), 'en');
  await page.reload();
  const state = await driver.waitFor((s) => s.screen === 'signed_out', 'the page after the reload');
  assert.equal(state.language, 'en');
  await driver.shot('zh-then-english');
  await context.close();
});
