// What the plural-world tests (plural_world, desktop_plural, cli_plural) share: the sandbox's logs and
// controls that stand for the other people on the account, and the wait for the check's final answer.
import assert from 'node:assert/strict';
import { control } from './harness.js';

export const ANOTHER_CUSTOMER = '8070450532247928833'; // a subordinate user of the fixtures (Kiwi Voice)
export const SETTLE_MS = 30000; // the apps' settle time (RenewalFlow::default_settle_ms); no option shortens it
export const FINAL = ['found', 'none', 'ambiguous', 'error'];

// `url` is the sandbox's. postedOrders: what RenewDesk posted; otherOrders: what the others placed.
export function sandboxWorld(url) {
  return {
    postedOrders: () => control(url, 'GET', '/__sandbox/orders'),
    otherOrders: () => control(url, 'GET', '/__sandbox/other_orders'),
    async addFault(spec) {
      const reply = await control(url, 'POST', '/__sandbox/faults', spec);
      assert.ok(reply && reply.faults, `the sandbox took the fault ${JSON.stringify(spec)}: ${JSON.stringify(reply)}`);
    },
    async setConfig(config) {
      const reply = await control(url, 'POST', '/__sandbox/config', config);
      for (const [key, value] of Object.entries(config)) assert.equal(reply[key], value, `config ${key}: ${JSON.stringify(reply)}`);
    },
  };
}

// Waits for the check's final answer on a page driver or a desktop app (both have waitFor), recording
// every status seen on the way (a "found" that shows for a moment is a wrong answer too). "waiting" = a
// "none"/"ambiguous" reading before the settle time, to be read again: not final.
export async function finalAnswer(driver, timeoutMs = SETTLE_MS + 25000) {
  const seen = [];
  const final = await driver.waitFor((s) => {
    const status = s.reconciliation.status;
    if (seen[seen.length - 1] !== status) seen.push(status);
    return FINAL.includes(status);
  }, 'the reconciliation\'s final answer', timeoutMs);
  return { final, seen };
}

// The settle rule, on the app's own clock (the page's or the desktop app's): the answer comes from a reading of the order list that
// started at or after the settle time (30 s after the outcome became unknown). Timed from the test's
// own sighting instead, a loaded machine saw the unknown outcome 1-2 s late and measured 28.8 s while
// the page had waited its 30 s (its reading started 30.2 s after the order was sent).
export function assertSettled(final, unknownAt, what) {
  const r = final.reconciliation;
  assert.ok(r.unknownSinceMs > 0 && r.unknownSinceMs <= unknownAt,
    `the page's unknown moment (${r.unknownSinceMs}) precedes the test's sighting (${unknownAt})`);
  assert.ok(r.settlesAtMs - r.unknownSinceMs >= SETTLE_MS,
    `settles ${r.settlesAtMs - r.unknownSinceMs} ms after the unknown outcome`);
  assert.ok(r.readStartedAtMs >= r.settlesAtMs,
    `"${what}" only from a reading after the settle time: it started ${r.readStartedAtMs - r.settlesAtMs} ms after it`);
}
