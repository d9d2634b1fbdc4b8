// Glyphs on demand in headless Chromium against the sandbox (its 21 fixture users, named in every
// script): how long the first correct frame takes once names need slices, what the slices weigh,
// and the Chinese page's start (its UI slice). Prints numbers; asserts nothing.
//   node tools/bench/web_glyphs.js [runs]
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, root, signIn, startSandbox } from '../e2e/harness.js';

const runs = Number(process.argv[2] ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values) => `min ${Math.min(...values)}, median ${median(values)}, max ${Math.max(...values)}`;

// The slices as built: bytes per slice, by kind.
const glyphs = path.join(root, 'build/web/bin/glyphs');
const [version] = readdirSync(glyphs);
const sizes = {};
for (const file of readdirSync(path.join(glyphs, version))) {
  const kind = file.startsWith('cjk-') ? 'cjk' : file.replace(/\.otf$/, '');
  (sizes[kind] ??= []).push(statSync(path.join(glyphs, version, file)).size);
}
const cjk = sizes.cjk;
console.log(`glyphs: ${cjk.length} CJK slices of 128 codepoints: ${range(cjk)} bytes, ` +
  `mean ${Math.round(cjk.reduce((a, b) => a + b, 0) / cjk.length)}`);
for (const [kind, [bytes]] of Object.entries(sizes)) if (kind !== 'cjk') console.log(`glyphs: ${kind.padEnd(22)} ${bytes} bytes`);

const sandbox = await startSandbox();
const browser = await launchBrowser();
const toCorrect = [];
const waits = [];
const builds = [];
let loaded;
for (let i = 0; i < runs; ++i) {
  const { context, driver, requests } = await openPage(browser, sandbox.url);
  await signIn(driver); // resolves on the frame that shows the three lists
  const listed = Date.now();
  const state = await driver.waitFor((s) => s.missingGlyphs === 0, 'every glyph drawn');
  toCorrect.push(Date.now() - listed);
  waits.push(state.glyphs.waitMs);
  builds.push(state.glyphs.buildMs);
  loaded = { slices: state.glyphs.slices, bytes: state.glyphs.bytes, requests: requests.filter((u) => u.includes('/glyphs/')).length };
  await context.close();
}
console.log(`glyphs: the choose screen's first 8 rows (Latin, Vietnamese, Turkish): ${loaded.slices} slices, ${loaded.bytes} bytes`);
console.log(`glyphs: lists drawn -> no placeholder left: ${range(toCorrect)} ms (polled every 50 ms)`);
console.log(`glyphs: first request -> frame drawn with it (in the page): ${range(waits)} ms`);
console.log(`glyphs: atlas rebuild with the slices merged: ${range(builds)} ms`);

const zhFirst = [];
const zhCorrect = [];
for (let i = 0; i < runs; ++i) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(sandbox.url + '/');
  await page.waitForFunction(() => window.renewdesk?.state()?.frames >= 1, null, { polling: 5 });
  zhFirst.push(Date.now() - start);
  await page.waitForFunction(() => window.renewdesk.state().missingGlyphs === 0 &&
    window.renewdesk.state().language === 'zh', null, { polling: 5 });
  zhCorrect.push(Date.now() - start);
  await context.close();
}
console.log(`glyphs: Chinese page, navigation -> first frame ${range(zhFirst)} ms, -> every glyph drawn ${range(zhCorrect)} ms`);
await browser.close();
sandbox.stop();
