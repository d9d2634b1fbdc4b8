// Measures what an idle web page costs the browser's main thread, in headless Chromium against the
// sandbox: renderer main-thread task time and script time per idle second (CDP
// Performance.getMetrics TaskDuration / ScriptDuration deltas), animation-frame callbacks per second
// and frames drawn, for RenewDesk's sign-in screen, RenewDesk after sign-in (the three lists shown),
// and a "floor" page that makes one WebGL2 draw and stops. Prints numbers; asserts nothing.
//   node tools/bench/web_idle.js [idle seconds, default 5] [runs, default 3]
// The page comes from build/web/bin, or from $RENEWDESK_WEB_BIN (see tools/e2e/harness.js).
import { launchBrowser, openPage, signIn, startSandbox, webBin } from '../e2e/harness.js';

const seconds = Number(process.argv[2] ?? 5);
const runs = Number(process.argv[3] ?? 3);
const settleMs = 1000; // after the page reached the state measured, before the idle window opens

// Counts the page's animation-frame callbacks (Emscripten's main loop schedules through the global).
function countAnimationFrames() {
  const request = window.requestAnimationFrame.bind(window);
  window.rdBenchFrames = 0;
  window.requestAnimationFrame = (callback) => request((time) => {
    ++window.rdBenchFrames;
    callback(time);
  });
}

const floorPage = `<!doctype html><html><body style="margin:0"><canvas id="c" width="1280" height="900"></canvas>
<script>
const gl = document.getElementById('c').getContext('webgl2');
requestAnimationFrame(() => { gl.clearColor(0.1, 0.1, 0.1, 1); gl.clear(gl.COLOR_BUFFER_BIT);
  window.floorDrawn = true; });
</script></body></html>`;

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

// Waits settleMs, then measures `seconds` of idling. Page reads happen outside the window.
async function measureIdle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.waitForTimeout(settleMs);
  const read = () => page.evaluate(() => ({
    frames: window.renewdesk ? window.renewdesk.state().frames : 0, rafs: window.rdBenchFrames,
  }));
  const before = await read();
  const a = await metrics(cdp);
  await page.waitForTimeout(seconds * 1000);
  const b = await metrics(cdp);
  const after = await read();
  await cdp.detach();
  return {
    taskMs: (b.TaskDuration - a.TaskDuration) * 1000 / seconds,
    scriptMs: (b.ScriptDuration - a.ScriptDuration) * 1000 / seconds,
    rafs: (after.rafs - before.rafs) / seconds,
    frames: after.frames - before.frames,
  };
}

const sandbox = await startSandbox();
const browser = await launchBrowser();
const results = { floor: [], 'sign-in screen': [], 'after sign-in': [] };
for (let i = 0; i < runs; ++i) {
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(countAnimationFrames);
    const page = await context.newPage();
    await page.setContent(floorPage);
    await page.waitForFunction(() => window.floorDrawn === true);
    results.floor.push(await measureIdle(page));
    await context.close();
  }
  {
    const { context, page, driver } = await openPage(browser, sandbox.url, {}, countAnimationFrames);
    results['sign-in screen'].push(await measureIdle(page));
    await signIn(driver);
    results['after sign-in'].push(await measureIdle(page));
    await context.close();
  }
}
await browser.close();
sandbox.stop();

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const fixed = (values) => values.map((v) => v.toFixed(2)).join(', ');
console.log(`web idle: ${webBin}, ${runs} runs of ${seconds} idle s each (after ${settleMs} ms to settle)`);
const floorTask = median(results.floor.map((r) => r.taskMs));
for (const [name, list] of Object.entries(results)) {
  const task = list.map((r) => r.taskMs);
  console.log(`web idle: ${name.padEnd(14)} main thread ${median(task).toFixed(2)} ms/s median (${fixed(task)}), ` +
    `script ${median(list.map((r) => r.scriptMs)).toFixed(2)} ms/s, ` +
    `animation frames ${median(list.map((r) => r.rafs)).toFixed(1)}/s, frames drawn ${list.map((r) => r.frames).join(', ')}, ` +
    `${(median(task) / floorTask).toFixed(1)} x floor`);
}
