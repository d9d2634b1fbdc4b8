// Issue 11's side-by-side web benchmark: the RenewDesk page against two reference pages built by
// tools/bench/reference/build (stock Dear ImGui 1.90.1 at Emscripten's -O2 defaults over WebGL2, and
// a "floor" page that makes one WebGL2 draw and loads no wasm), in headless Chromium + SwiftShader
// at 1280×800. Each page is loaded RUNS times (default 3), the pages taking turns, each load in a
// fresh browser context (empty cache). Per load:
//   first draw call   performance.now() (ms after navigation start) of the first
//                     WebGL2RenderingContext drawElements/drawArrays, wrapped by an init script;
//   idle main thread  CDP Performance.getMetrics TaskDuration delta over IDLE_MS once the page has
//                     settled (RenewDesk: window.renewdesk.state().frames unchanged for SETTLE_MS;
//                     the others: 1 s after their first draw), in ms per second;
//   idle draw calls   wrapped draw calls in the same window, per second;
//   idle rAF          requestAnimationFrame callbacks run in the same window, per second (a page
//                     that wakes every frame to draw nothing shows here, not in draw calls), and
//                     the ms per second spent inside them (the page's own JS + wasm + GL calls; the
//                     rest of the main-thread time is the browser's: compositing, presenting, GC).
// Every context reports a 1920×1080 screen, as a desktop browser whose window is smaller than the
// screen would: with Playwright's default (screen = viewport) the stock example's resize callback
// asks Emscripten's GLFW for a window of exactly the screen's size, which 3.1.6 takes as a request
// for fullscreen (refused without a gesture), leaving its canvas at 1280×720.
// Prints a table (min–max of the runs), the RenewDesk/stock and RenewDesk/floor ratios, and the gzip
// size of every file each page downloaded. Asserts nothing.
//
// Usage: node tools/bench/web_compare.js [RUNS]   (the RenewDesk page must be built in build/web/bin)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as harness from '../e2e/harness.js';
import { launchBrowser, root, startSandbox } from '../e2e/harness.js';

const RUNS = Number(process.argv[2] ?? 3);
const IDLE_MS = 5000;
const SETTLE_MS = 1000; // RenewDesk: frames counter unchanged this long = settled
const AFTER_FIRST_DRAW_MS = 1000; // the reference pages: settled this long after their first draw
const VIEWPORT = { width: 1280, height: 800 };
const SCREEN = { width: 1920, height: 1080 };

// The folder the harness's sandbox serves (build/web/bin unless the harness is told otherwise).
const webBin = harness.webBin ?? path.join(root, 'build/web/bin');
if (!existsSync(path.join(webBin, 'index.html'))) {
  console.error(`web_compare: ${webBin} is missing; build it with: NODE_PATH=/usr/share/nodejs cmake --build --preset web`);
  process.exit(2);
}
const stockDir = path.join(root, 'build/bench/stock/web');
const floorDir = path.join(root, 'build/bench/floor');
if (!existsSync(path.join(stockDir, 'index.wasm')) || !existsSync(path.join(floorDir, 'index.html'))) {
  execFileSync(path.join(root, 'tools/bench/reference/build'), { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Runs in every page before its own scripts.
function instrument() {
  const bench = { firstDraw: null, draws: 0, webgl1Draws: 0, contexts: [], frames: 0, frameMs: 0 };
  Object.defineProperty(window, '__bench', { value: bench });
  const requestFrame = window.requestAnimationFrame;
  window.requestAnimationFrame = function (callback) {
    return requestFrame.call(window, (time) => {
      bench.frames += 1;
      const start = performance.now();
      try {
        return callback(time);
      } finally {
        bench.frameMs += performance.now() - start;
      }
    });
  };
  for (const name of ['drawElements', 'drawArrays']) {
    const original = WebGL2RenderingContext.prototype[name];
    WebGL2RenderingContext.prototype[name] = function (...args) {
      if (bench.firstDraw === null) bench.firstDraw = performance.now();
      bench.draws += 1;
      return original.apply(this, args);
    };
    // Not part of the figures: only shows whether a page fell back to WebGL 1.
    const original1 = WebGLRenderingContext.prototype[name];
    WebGLRenderingContext.prototype[name] = function (...args) {
      bench.webgl1Draws += 1;
      return original1.apply(this, args);
    };
  }
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const context = getContext.call(this, type, ...rest);
    bench.contexts.push(`${type}→${context ? context.constructor.name : 'null'}`);
    return context;
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function measure(browser, page, collectSizes) {
  const context = await browser.newContext({ viewport: VIEWPORT, screen: SCREEN });
  await context.addInitScript(instrument);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const responses = [];
  // Each body is read as it arrives: read after the idle window, Chromium had let go of the atlas's
  // bytes and Playwright handed back a text-decoded copy (44 KB gzip instead of 38.8).
  tab.on('response', (response) => responses.push({ response, body: response.body().catch(() => null) }));
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  const result = {
    firstDraw: null, idleMs: null, idleDraws: null, idleRaf: null, idleRafMs: null, idleFrames: null, contexts: [], webgl1Draws: 0,
  };
  try {
    await tab.goto(page.url + '/');
    await tab.waitForFunction(() => window.__bench.firstDraw !== null, null, { polling: 20, timeout: 30000 });
    result.firstDraw = await tab.evaluate(() => window.__bench.firstDraw);
    if (page.renewdesk) {
      let last = -1;
      let since = Date.now();
      const deadline = Date.now() + 30000;
      while (Date.now() < deadline) {
        const frames = await tab.evaluate(() => window.renewdesk?.state()?.frames ?? -1);
        if (frames !== last) { last = frames; since = Date.now(); }
        else if (Date.now() - since >= SETTLE_MS) break;
        await sleep(100);
      }
    } else {
      const now = await tab.evaluate(() => performance.now());
      await sleep(Math.max(0, result.firstDraw + AFTER_FIRST_DRAW_MS - now));
    }
    const framesBefore = page.renewdesk ? await tab.evaluate(() => window.renewdesk.state().frames) : null;
    const countsBefore = await tab.evaluate(() => ({ draws: window.__bench.draws, frames: window.__bench.frames, frameMs: window.__bench.frameMs }));
    const before = await metrics(cdp);
    await sleep(IDLE_MS);
    const after = await metrics(cdp);
    const countsAfter = await tab.evaluate(() => ({ draws: window.__bench.draws, frames: window.__bench.frames, frameMs: window.__bench.frameMs }));
    const seconds = after.Timestamp - before.Timestamp;
    result.idleMs = ((after.TaskDuration - before.TaskDuration) * 1000) / seconds;
    result.idleDraws = (countsAfter.draws - countsBefore.draws) / seconds;
    result.idleRaf = (countsAfter.frames - countsBefore.frames) / seconds;
    result.idleRafMs = (countsAfter.frameMs - countsBefore.frameMs) / seconds;
    if (page.renewdesk) result.idleFrames = (await tab.evaluate(() => window.renewdesk.state().frames)) - framesBefore;
    Object.assign(result, await tab.evaluate(() => ({ contexts: window.__bench.contexts, webgl1Draws: window.__bench.webgl1Draws })));
    if (collectSizes) {
      result.files = [];
      for (const { response, body: pending } of responses) {
        if (response.status() !== 200) continue;
        const body = await pending;
        if (!body) continue;
        result.files.push({
          name: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length,
        });
      }
    }
  } catch (error) {
    result.error = String(error).split('\n')[0];
  }
  result.errors = errors;
  await context.close();
  return result;
}

const renewdeskServer = await startSandbox();
// The reference pages come from the same server program, also closing every connection after one
// request as the RenewDesk page's server does, so only the pages differ.
const stockServer = await startSandbox(['--serve', stockDir, '--one-request-per-connection'], { servePage: false });
const floorServer = await startSandbox(['--serve', floorDir, '--one-request-per-connection'], { servePage: false });
const pages = [
  { name: 'floor', url: floorServer.url, runs: [] },
  { name: 'stock ImGui', url: stockServer.url, runs: [] },
  { name: 'RenewDesk', url: renewdeskServer.url, renewdesk: true, runs: [] },
];
const browser = await launchBrowser();
try {
  for (let run = 0; run < RUNS; ++run) {
    for (const page of pages) page.runs.push(await measure(browser, page, run === 0));
  }
} finally {
  await browser.close();
  for (const server of [renewdeskServer, stockServer, floorServer]) server.stop();
}

// --- report ---------------------------------------------------------------------------------------
const values = (page, key) => page.runs.map((r) => r[key]).filter((v) => typeof v === 'number');
const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const fmt = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits) : '?');
const range = (list, digits) => {
  if (!list.length) return '?';
  const lo = fmt(Math.min(...list), digits);
  const hi = fmt(Math.max(...list), digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`web compare: headless Chromium + SwiftShader, ${VIEWPORT.width}×${VIEWPORT.height} (screen ${SCREEN.width}×${SCREEN.height}), ${RUNS} loads per page (min–max), idle window ${IDLE_MS / 1000} s`);
console.log('');
console.log('| page | first draw call (ms) | main-thread ms per idle second | draw calls per idle second | rAF callbacks per idle second | ms in rAF callbacks per idle second | downloaded, gzip |');
console.log('|---|---|---|---|---|---|---|');
for (const page of pages) {
  const files = page.runs[0].files ?? [];
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  console.log(`| ${page.name} | ${range(values(page, 'firstDraw'), 0)} | ${range(values(page, 'idleMs'), 1)} | ` +
    `${range(values(page, 'idleDraws'), 1)} | ${range(values(page, 'idleRaf'), 1)} | ${range(values(page, 'idleRafMs'), 1)} | ${kb(gzip)} |`);
}
console.log('');
const [floor, stock, renewdesk] = pages;
const ratio = (key, other, digits = 2) => {
  const r = values(renewdesk, key);
  const o = values(other, key);
  if (!r.length || !o.length) return '?';
  const mid = median(r) / median(o);
  const lo = Math.min(...r) / Math.max(...o);
  const hi = Math.max(...r) / Math.min(...o);
  return `${fmt(mid, digits)} (medians; extremes ${fmt(lo, digits)}–${fmt(hi, digits)})`;
};
console.log(`ratio RenewDesk/stock  first draw: ${ratio('firstDraw', stock)}   [goal ≤ 0.5]`);
console.log(`ratio RenewDesk/floor  first draw: ${ratio('firstDraw', floor)}   [goal ≤ 1.6]`);
console.log(`ratio RenewDesk/stock  idle main thread: ${ratio('idleMs', stock, 3)}`);
console.log(`ratio RenewDesk/floor  idle main thread: ${ratio('idleMs', floor)}   [goal ≤ 2]`);
console.log('');
for (const page of pages) {
  const files = page.runs[0].files ?? [];
  const total = files.reduce((s, f) => s + f.gzip, 0);
  const list = files.map((f) => `${f.name} ${f.bytes} B → ${f.gzip} B`).join(', ');
  console.log(`${page.name}: downloaded ${files.length} files, ${total} B gzip -9 (${list})`);
}
console.log('');
for (const page of pages) {
  const contexts = [...new Set(page.runs.flatMap((r) => r.contexts ?? []))].join(', ');
  const extra = page.renewdesk ? `; frames drawn in the idle windows: ${page.runs.map((r) => r.idleFrames).join(', ')}` : '';
  console.log(`${page.name}: contexts ${contexts || 'none'}; WebGL1 draws ${page.runs.map((r) => r.webgl1Draws).join(', ')}${extra}`);
  for (const [i, r] of page.runs.entries()) {
    if (r.error) console.log(`${page.name}: run ${i + 1} failed: ${r.error}`);
    for (const e of r.errors ?? []) console.log(`${page.name}: run ${i + 1} page error: ${e}`);
  }
}
console.log('');
console.log('per run (first draw ms / idle main-thread ms per s / idle draws per s / idle rAF per s / ms in rAF per s):');
for (const page of pages) {
  console.log(`  ${page.name}: ` + page.runs.map((r) => `${fmt(r.firstDraw, 0)} / ${fmt(r.idleMs, 1)} / ${fmt(r.idleDraws, 1)} / ${fmt(r.idleRaf, 1)} / ${fmt(r.idleRafMs, 1)}`).join('   '));
}
