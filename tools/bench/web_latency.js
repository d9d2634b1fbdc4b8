// Issue 11's input → visible frame figures for sign-in at an injected round-trip time, in headless
// Chromium against the sandbox started with --latency-ms RTT (every API reply held back RTT ms,
// standing in for the round trip). The credentials are pasted as the e2e tests do, then "Sign in" is
// clicked with a real mouse event at the widget's rectangle (window.renewdesk.widget). An init script
// records, in page time (performance.now()):
//   click       the 'pointerdown' of the sign-in click (a capturing window listener; 'pointerup' too:
//               an ImGui button fires on release);
//   requests    XMLHttpRequest.prototype.send (the request leaves) and each XHR's 'loadend' (its reply
//               is in; emscripten_fetch's own onload has already queued it for the next frame);
//   draws       every WebGL2 drawElements call, and the animation-frame callback each one ran in.
// Per run (a fresh browser context each) it prints:
//   (a) click → token request sent        pointerdown → send() of /auth/…/oauth/token
//   (b) last lookup reply → lists drawn    loadend of the last of the three lookups (users, plans,
//                                           contacts) → the first drawElements of the frame that shows
//                                           the three lists (after each frame from the last reply on, the
//                                           init script reads window.renewdesk.state()); a run notes it
//                                           when that was not the first frame drawn after the reply
//   (c) click → lists drawn               pointerdown → that same draw, also as a multiple of RTT
//                                           (issue 11's goal: ≤ 2.2 × RTT; 2 round trips are the floor)
// and the min–max (and median) over the runs. Prints numbers; asserts nothing.
//   node tools/bench/web_latency.js [runs, default 5] [rtt ms, default 200]
// The page comes from build/web/bin, or from $RENEWDESK_WEB_BIN (see tools/e2e/harness.js).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, pasteInto, startSandbox, webBin } from '../e2e/harness.js';

const runs = Number(process.argv[2] ?? 5);
const rtt = Number(process.argv[3] ?? 200);
if (!existsSync(path.join(webBin, 'index.html'))) {
  console.error(`web_latency: ${webBin} is missing; build it with: NODE_PATH=/usr/share/nodejs cmake --build --preset web`);
  process.exit(2);
}

// Runs in the page before its own scripts. Nothing is recorded until the bench sets __lat.armed.
function instrument() {
  const lat = { armed: false, pointerdown: null, pointerup: null, xhrs: [], draws: [], rafs: 0 };
  Object.defineProperty(window, '__lat', { value: lat });
  window.addEventListener('pointerdown', () => {
    if (lat.armed && lat.pointerdown === null) lat.pointerdown = performance.now();
  }, { capture: true });
  window.addEventListener('pointerup', () => {
    if (lat.armed && lat.pointerup === null) lat.pointerup = performance.now();
  }, { capture: true });
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__latUrl = String(url);
    return open.call(this, method, url, ...rest);
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body) {
    if (lat.armed) {
      const record = { url: this.__latUrl, sent: performance.now(), loadend: null, status: 0 };
      lat.xhrs.push(record);
      this.addEventListener('loadend', () => { record.loadend = performance.now(); record.status = this.status; });
    }
    return send.call(this, body);
  };
  // The animation-frame callback a draw happens in (Emscripten's main loop runs from rAF).
  let frame = 0;
  const requestFrame = window.requestAnimationFrame;
  window.requestAnimationFrame = function (callback) {
    return requestFrame.call(window, (time) => {
      frame = ++lat.rafs;
      try {
        return callback(time);
      } finally {
        // Once the three lookups' replies are in: which frame first shows them loaded (read after the
        // frame's callback, outside the timed draw).
        if (lat.armed && lat.listsFrame === undefined && lat.xhrs.filter((x) => x.loadend !== null && /partner_list|purchase_product_info|billing_contact_list/.test(x.url)).length >= 3) {
          const s = window.renewdesk?.state();
          if (s && s.users?.status === 'loaded' && s.plans?.status === 'loaded' && s.contacts?.status === 'loaded') {
            lat.listsFrame = frame;
          }
        }
      }
    });
  };
  const drawElements = WebGL2RenderingContext.prototype.drawElements;
  WebGL2RenderingContext.prototype.drawElements = function (...args) {
    if (lat.armed) {
      const last = lat.draws[lat.draws.length - 1];
      if (!last || last.raf !== frame) lat.draws.push({ t: performance.now(), raf: frame }); // first draw per frame
    }
    return drawElements.apply(this, args);
  };
}

const lookups = {
  users: '/user/openapi/user/v1/client/partner_list',
  plans: '/pricing/openapi/purchase/v1/purchase_product_info',
  contacts: '/user/openapi/user/v1/client/billing_contact_list',
};
const loaded = (s) => s.screen === 'choosing' && s.users?.status === 'loaded' &&
  s.plans?.status === 'loaded' && s.contacts?.status === 'loaded';

async function oneRun(browser, url) {
  const { context, page, driver } = await openPage(browser, url, {}, instrument);
  try {
    await pasteInto(driver, 'Client ID', 'demo-client-id');
    await pasteInto(driver, 'Client Secret', 'demo-client-secret');
    const button = await driver.widget('Sign in');
    await page.waitForTimeout(300); // let the paste's frames settle before arming
    await page.evaluate(() => { window.__lat.armed = true; });
    await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
    await driver.waitFor(loaded, 'the three lookups', 20000);
    await page.waitForTimeout(300); // any frames right after, so the draw list is complete around the reply
    const lat = await page.evaluate(() => JSON.parse(JSON.stringify(window.__lat)));

    const token = lat.xhrs.find((x) => x.url.includes('/oauth/token'));
    const replies = Object.entries(lookups).map(([name, part]) => {
      const xhr = lat.xhrs.find((x) => x.url.includes(part) && x.loadend !== null);
      if (!xhr) throw new Error(`no ${name} reply seen; xhrs ${JSON.stringify(lat.xhrs)}`);
      return xhr;
    });
    const lastReply = Math.max(...replies.map((x) => x.loadend));
    const firstLookupSent = Math.min(...replies.map((x) => x.sent));
    // The first frame drawn whose state shows the three lists (normally the first draw after the reply).
    const draw = lat.draws.find((d) => d.t >= lastReply && d.raf >= (lat.listsFrame ?? Infinity));
    if (lat.pointerdown === null || !token || !draw || lat.listsFrame === undefined) {
      throw new Error(`incomplete record: ${JSON.stringify({ pointerdown: lat.pointerdown, token, draw })}`);
    }
    return {
      clickToToken: token.sent - lat.pointerdown,
      releaseToToken: token.sent - (lat.pointerup ?? lat.pointerdown),
      tokenRoundTrip: token.loadend - token.sent,
      tokenReplyToLookups: firstLookupSent - token.loadend,
      lookupsSpread: Math.max(...replies.map((x) => x.sent)) - firstLookupSent,
      lookupsWait: lastReply - firstLookupSent,
      replyToDraw: draw.t - lastReply,
      clickToLists: draw.t - lat.pointerdown,
      // what is not waiting on the network: the click → lists time less the two waits for replies
      pageShare: (draw.t - lat.pointerdown) - (token.loadend - token.sent) - (lastReply - firstLookupSent),
      otherRequests: lat.xhrs.length - 4,
      // frames drawn after the last reply up to and including the one whose state shows the lists
      framesToLists: lat.draws.filter((d) => d.t >= lastReply && d.raf <= lat.listsFrame).length,
    };
  } finally {
    await context.close();
  }
}

const sandbox = await startSandbox(['--latency-ms', String(rtt)]);
const browser = await launchBrowser();
const results = [];
try {
  for (let i = 0; i < runs; ++i) {
    const r = await oneRun(browser, sandbox.url);
    results.push(r);
    console.log(`web latency: run ${i + 1}: click→token sent ${r.clickToToken.toFixed(1)} ms ` +
      `(release→sent ${r.releaseToToken.toFixed(1)}), token round trip ${r.tokenRoundTrip.toFixed(1)}, ` +
      `token reply→lookups sent ${r.tokenReplyToLookups.toFixed(1)} (spread ${r.lookupsSpread.toFixed(1)}), ` +
      `first lookup sent→last reply ${r.lookupsWait.toFixed(1)}, ` +
      `last reply→lists drawn ${r.replyToDraw.toFixed(1)}, click→lists drawn ${r.clickToLists.toFixed(1)} ms ` +
      `= ${(r.clickToLists / rtt).toFixed(2)} × RTT` +
      (r.framesToLists !== 1 ? `, NOTE: ${r.framesToLists} frames drawn before the lists showed` : '') +
      (r.otherRequests ? `, ${r.otherRequests} other requests` : ''));
  }
} finally {
  await browser.close();
  sandbox.stop();
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const span = (values, digits = 1) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)} ` +
  `(median ${median(values).toFixed(digits)})`;
const pick = (key) => results.map((r) => r[key]);
console.log(`web latency: ${webBin}, sandbox --latency-ms ${rtt}, ${runs} runs, fresh context each; min–max (median)`);
console.log(`web latency: (a) sign-in click → token request sent   ${span(pick('clickToToken'))} ms ` +
  `(button release → sent ${span(pick('releaseToToken'))} ms)`);
console.log(`web latency:     token request round trip            ${span(pick('tokenRoundTrip'))} ms`);
console.log(`web latency:     token reply → first lookup sent     ${span(pick('tokenReplyToLookups'))} ms`);
console.log(`web latency:     first lookup sent → last reply      ${span(pick('lookupsWait'))} ms`);
console.log(`web latency: (b) last lookup reply → lists drawn     ${span(pick('replyToDraw'))} ms`);
console.log(`web latency: (c) sign-in click → three lists drawn   ${span(pick('clickToLists'))} ms = ` +
  `${span(pick('clickToLists').map((v) => v / rtt), 2)} × RTT (goal ≤ 2.2 × RTT, floor 2)`);
console.log(`web latency:     of which not waiting for replies    ${span(pick('pageShare'))} ms ` +
  '(click → lists less the token round trip and first lookup sent → last reply)');
