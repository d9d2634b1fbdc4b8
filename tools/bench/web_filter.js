// Issue 11's filter-as-you-type figure: the CPU time of the frames the page draws while a query is
// typed into the user search box over 10,000 subordinate users, in headless Chromium against the
// sandbox started with --users 10000 (beside the fixture users). Per run (a fresh browser context):
// sign in as the e2e tests do, then
//   idle list    move the mouse over an empty corner of the page IDLE_MOVES times (each move wakes
//                the paused loop for a few frames): frames that draw the whole list, no typing;
//   typing       click the search box ("Search users", src/ui/choose_screen.cpp) and type QUERY one
//                key at a time with page.keyboard.type(key, { delay: 80 }) (80 ms between key-down
//                and key-up); after each key, once its frames are drawn and the page is quiet for
//                80 ms, read window.renewdesk.state().frameMs (the last of them) and the slowest
//                frame the key caused (the one that filters and sorts again).
// frameMs is the last drawn frame's Frame::draw CPU time in ms (src/app/web_main.cpp: emscripten_get_now
// around Frame::draw: the UI, ImGui and the GL calls, i.e. wasm + WebGL call time). An init script
// also reads it after every animation-frame callback that drew a frame (so frames the per-key reads
// miss, e.g. the key-up's, count too) and times each whole callback (frameMs plus the main loop's
// own poll and the browser's GL glue). The default query "custom" keeps all 10,000 generated users
// matching at every key (each generated e-mail is customerNNNNN@…), the worst case for the sort.
// frameMs comes from emscripten_get_now, which Chromium coarsens to 0.1 ms on a page that is not
// cross-origin isolated. Prints max and median per run and min–max over runs; issue 11's goal:
// ≤ 8 ms per frame.
// Asserts nothing.
//   node tools/bench/web_filter.js [runs, default 3] [users, default 10000] [query, default custom]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, signIn, startSandbox, webBin } from '../e2e/harness.js';

const runs = Number(process.argv[2] ?? 3);
const users = Number(process.argv[3] ?? 10000);
const query = process.argv[4] ?? 'custom';
const IDLE_MOVES = 10;
if (!existsSync(path.join(webBin, 'index.html'))) {
  console.error(`web_filter: ${webBin} is missing; build it with: NODE_PATH=/usr/share/nodejs cmake --build --preset web`);
  process.exit(2);
}

// Runs in the page before its own scripts: after each animation-frame callback, while armed, records
// the callback's duration and, when the callback drew a frame, the page's frameMs.
function instrument() {
  const bench = { armed: false, frames: [] };
  Object.defineProperty(window, '__filter', { value: bench });
  const requestFrame = window.requestAnimationFrame;
  window.requestAnimationFrame = function (callback) {
    return requestFrame.call(window, (time) => {
      const before = bench.armed && window.renewdesk ? window.renewdesk.state().frames : null;
      const start = performance.now();
      try {
        return callback(time);
      } finally {
        const callbackMs = performance.now() - start;
        if (before !== null) {
          const s = window.renewdesk.state();
          if (s.frames !== before) bench.frames.push({ at: start, frameMs: s.frameMs, callbackMs });
        }
      }
    });
  };
}

const median = (values) => values.length ? [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] : NaN;
const max = (values) => values.length ? Math.max(...values) : NaN;

async function takeFrames(page) {
  return page.evaluate(() => {
    const frames = window.__filter.frames;
    window.__filter.frames = [];
    return frames;
  });
}

// Waits until the page has drawn a frame after `frames` and no frame for `quietMs`.
async function settle(driver, frames, quietMs = 150, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let last = frames;
  let since = Date.now();
  for (;;) {
    const s = await driver.state();
    if (s.frames !== last) { last = s.frames; since = Date.now(); }
    if ((last !== frames && Date.now() - since >= quietMs) || Date.now() > deadline) return s;
    await driver.page.waitForTimeout(10);
  }
}

async function oneRun(browser, url) {
  const { context, page, driver } = await openPage(browser, url, {}, instrument);
  try {
    const loaded = await signIn(driver);
    if (loaded.users.count < users) throw new Error(`only ${loaded.users.count} users loaded`);
    const box = await driver.widget('Search users');
    await page.mouse.move(5, 5);
    let s = await settle(driver, (await driver.state()).frames - 1, 500);

    // Idle list: frames woken by pointer moves over nothing, the whole list shown.
    await page.evaluate(() => { window.__filter.armed = true; });
    await takeFrames(page);
    for (let i = 0; i < IDLE_MOVES; ++i) {
      await page.mouse.move(5 + (i % 2), 5);
      s = await settle(driver, s.frames, 100);
    }
    const idle = await takeFrames(page);

    // Typing: click the search box, then one key at a time.
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    s = await settle(driver, s.frames, 150);
    await takeFrames(page);
    const perKey = [];   // the slowest frame each key caused (the one that filters and sorts again)
    const lastRead = []; // state().frameMs read once the key's frames are drawn (the last of them)
    const typing = [];
    for (const key of query) {
      const before = s.frames;
      await page.keyboard.type(key, { delay: 80 });
      s = await settle(driver, before, 80);
      lastRead.push(s.frameMs);
      const frames = await takeFrames(page);
      perKey.push(max(frames.map((frame) => frame.frameMs)));
      typing.push(...frames);
    }
    return {
      idleFrameMs: idle.map((f) => f.frameMs), idleCallbackMs: idle.map((f) => f.callbackMs),
      perKey, lastRead, typingFrameMs: typing.map((f) => f.frameMs), typingCallbackMs: typing.map((f) => f.callbackMs),
    };
  } finally {
    await context.close();
  }
}

const sandbox = await startSandbox(['--users', String(users)]);
const browser = await launchBrowser();
const results = [];
const f = (v) => v.toFixed(2);
try {
  for (let i = 0; i < runs; ++i) {
    const r = await oneRun(browser, sandbox.url);
    results.push(r);
    console.log(`web filter: run ${i + 1}: typing "${query}": slowest frameMs of each key ${r.perKey.map(f).join(', ')} ` +
      `(state().frameMs once settled ${r.lastRead.map(f).join(', ')}); ` +
      `all ${r.typingFrameMs.length} typing frames max ${f(max(r.typingFrameMs))} median ${f(median(r.typingFrameMs))} ms ` +
      `(rAF callback max ${f(max(r.typingCallbackMs))} median ${f(median(r.typingCallbackMs))}); ` +
      `idle list ${r.idleFrameMs.length} frames max ${f(max(r.idleFrameMs))} median ${f(median(r.idleFrameMs))} ms ` +
      `(rAF callback max ${f(max(r.idleCallbackMs))} median ${f(median(r.idleCallbackMs))})`);
  }
} finally {
  await browser.close();
  sandbox.stop();
}

const span = (values) => `${f(Math.min(...values))}–${f(Math.max(...values))}`;
const over = (key, stat) => span(results.map((r) => stat(r[key])));
console.log(`web filter: ${webBin}, sandbox --users ${users}, query "${query}" typed with 80 ms delay, ${runs} runs; ` +
  'min–max over runs of each run\'s figure, ms of Frame::draw CPU time (frameMs) per frame');
console.log(`web filter: typing, slowest frame of each key     max ${over('perKey', max)}, median ${over('perKey', median)}`);
console.log(`web filter: typing, every frame drawn (frameMs)   max ${over('typingFrameMs', max)}, median ${over('typingFrameMs', median)}`);
console.log(`web filter: typing, whole rAF callback            max ${over('typingCallbackMs', max)}, median ${over('typingCallbackMs', median)}`);
console.log(`web filter: idle list, every frame (frameMs)      max ${over('idleFrameMs', max)}, median ${over('idleFrameMs', median)}`);
console.log(`web filter: idle list, whole rAF callback         max ${over('idleCallbackMs', max)}, median ${over('idleCallbackMs', median)}`);
console.log('web filter: goal ≤ 8 ms per frame while typing');
