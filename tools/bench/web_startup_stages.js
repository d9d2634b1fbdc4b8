// Where the web page's start-up time goes: for each load, ms after navigation start of each
// downloaded file (start-end), the WebGL2 check's context, the wasm instantiation (start-end), main()'s
// own marks ("rd main" at its start; "rd window", "rd imgui", "rd font", "rd gl", "rd app", "rd first
// frame" at the end of each step) and the first draw call. Headless Chromium against the sandbox serving build/web/bin (or
// $RENEWDESK_WEB_BIN). Prints numbers; asserts nothing.
//   node tools/bench/web_startup_stages.js [LOADS]
import { launchBrowser, startSandbox } from '../e2e/harness.js';

const loads = Number(process.argv[2] ?? 3);
const sandbox = await startSandbox();
const browser = await launchBrowser();
for (let i = 0; i < loads; ++i) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, screen: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const marks = (window.__stages = {});
    const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
    for (const name of ['drawElements', 'drawArrays']) {
      const draw = WebGL2RenderingContext.prototype[name];
      WebGL2RenderingContext.prototype[name] = function (...args) { mark('first draw'); return draw.apply(this, args); };
    }
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (...args) { mark(`${args[0]} context`); return getContext.apply(this, args); };
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...args) {
      mark('instantiate start');
      return instantiate.apply(this, args).then((result) => { mark('instantiate end'); return result; });
    };
  });
  await page.goto(sandbox.url + '/');
  await page.waitForFunction(() => window.__stages['first draw'], null, { polling: 5 });
  const stages = await page.evaluate(() => {
    const rows = [];
    const nav = performance.getEntriesByType('navigation')[0];
    rows.push(['DOMContentLoaded', nav.domContentLoadedEventEnd]);
    for (const entry of performance.getEntriesByType('resource'))
      rows.push([entry.name.split('/').pop(), entry.startTime, entry.responseEnd]);
    for (const [name, at] of Object.entries(window.__stages)) rows.push([name, at]);
    // main()'s own marks (src/app/web_main.cpp): each names the step that ends there.
    for (const entry of performance.getEntriesByType('mark')) rows.push([entry.name, entry.startTime]);
    return rows.sort((a, b) => a[1] - b[1]);
  });
  console.log(`load ${i + 1}: ` + stages.map(([name, a, b]) =>
    `${name} ${Math.round(a)}${b === undefined ? '' : '-' + Math.round(b)}`).join(', '));
  await context.close();
}
await browser.close();
sandbox.stop();
