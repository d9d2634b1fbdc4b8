// Measures the web page in headless Chromium against the sandbox: time from navigation to the
// first drawn frame and to a usable sign-in screen, frames drawn while idle, and the gzip size of
// what the browser downloads. Prints numbers; asserts nothing.
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, startSandbox, webBin } from '../e2e/harness.js';

const runs = Number(process.argv[2] ?? 5);
const sandbox = await startSandbox();
const browser = await launchBrowser();
const firstFrame = [];
const ready = [];
let idleFrames = 0;
for (let i = 0; i < runs; ++i) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(sandbox.url + '/');
  await page.waitForFunction(() => window.renewdesk?.state()?.frames >= 1, null, { polling: 5 });
  firstFrame.push(Date.now() - start);
  await page.waitForFunction(() => window.renewdesk.state()?.focused === 'Client ID', null, { polling: 5 });
  ready.push(Date.now() - start);
  if (i === 0) {
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => window.renewdesk.state().frames);
    await page.waitForTimeout(2000);
    idleFrames = (await page.evaluate(() => window.renewdesk.state().frames)) - before;
  }
  await context.close();
}
await browser.close();
sandbox.stop();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`web: first frame ${median(firstFrame)} ms median of ${runs} (${firstFrame.join(', ')})`);
console.log(`web: sign-in ready ${median(ready)} ms median (${ready.join(', ')})`);
console.log(`web: frames drawn while idle for 2 s: ${idleFrames}`);
let total = 0;
// The page as served from the build's bin/ (or $RENEWDESK_WEB_BIN): index.html, shell.css, every .js
// the page loads (shell.js, mirror.js, journal_owner.js, renewdesk.js: bin/ holds no other),
// renewdesk.wasm and the baked atlas a screen at ratio 1 fetches (atlas-100.bin; issue 26).
const scripts = readdirSync(webBin).filter((file) => file.endsWith('.js')).sort();
for (const file of ['index.html', 'shell.css', ...scripts, 'renewdesk.wasm', 'atlas-100.bin']) {
  const bytes = readFileSync(path.join(webBin, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`web: ${file.padEnd(16)} ${String(bytes.length).padStart(8)} bytes, ${String(gz).padStart(7)} gzip`);
}
console.log(`web: page total ${total} bytes gzip at ratio 1 (with atlas-100.bin, the atlas baked for that ratio; the UI font, glyphs/ui-*.otf, is fetched only when the page must rasterise)`);
