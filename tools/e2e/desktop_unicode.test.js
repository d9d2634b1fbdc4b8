// Typing any script in the desktop app: `xdotool type` sends Chinese and Greek into the search box
// of the app in Xvfb, and the filter finds the user. GLFW's char callback (src/app/desktop/
// glfw_input.cpp) hands each Unicode code point to ImGui. What this does and does not exercise (no
// input method, no preedit): docs/input-methods.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DesktopApp, focusField, signIn, startDesktop, stopDesktop, xdotool } from './desktop_harness.js';
import { root } from './harness.js';

let sandbox; // { url }
// ms per character: xdotool binds each of these characters to a spare keycode for one key press and
// unbinds it half this time after the press; an app that reads the press after the unbinding sees no
// character (the tool's race, not the app's: docs/input-methods.md). 400 ms lost one of "海港" once,
// beside four browsers and the ASan build; a second per character keeps the app ahead of it.
const unmappedDelay = 1000;
// One character per xdotool call, each handled by the app before the next: within one call xdotool
// rebinds the same spare keycode for the next character right after a release, and an app that read
// a press late translated it with the next binding ("Αθηνών" arrived as "Αθηννν", 2026-12-07, e2e
// series C). A press that reached the app without its character (read after xdotool's unbinding, as
// above: the app got the key, its keymap no longer had the character) is typed again: the app's
// counts tell the two apart (its key release counted, no character), so nothing can arrive twice.
async function typeUnmapped(app, text) {
  for (const c of text) {
    for (let attempt = 1; ; ++attempt) {
      const before = (await app.waitForHooks((s, hooks) => hooks.input, 'input counts')).input;
      xdotool('type', '--delay', String(unmappedDelay), c);
      const after = (await app.waitForHooks((s, hooks) => hooks.input && hooks.input.queued === 0 &&
        hooks.frames > hooks.input.frame && hooks.input.keyUps > before.keyUps, `the key of "${c}" handled`)).input;
      if (after.chars > before.chars) break;
      console.log(`"${c}": its key arrived without the character (xdotool's keycode swap): typed again`);
      assert.ok(attempt < 3, `"${c}" lost ${attempt} times`);
    }
  }
}
before(async () => { ({ sandbox } = await startDesktop()); });
after(stopDesktop);

// The fixture user whose company is exactly `company` (the list grows: never count it).
function fixtureUser(company) {
  const users = JSON.parse(readFileSync(path.join(root, 'tools/sandbox/fixtures/users.json'), 'utf8'));
  const user = users.find((u) => u.company === company);
  assert.ok(user, `tools/sandbox/fixtures/users.json has a user of "${company}"`);
  return user.partnerId; // a string: ids are never numbers here
}

// Waits until the table shows exactly one user row, `partnerId`'s, and a later frame drew the same
// (settled()). No frame half-way through the typed text can pass for the final one: type() returns
// once the app has handled every character, and the table filters in the frame the text changes.
async function waitForOnlyUser(app, partnerId, what) {
  const only = (hooks) => {
    const w = hooks.widgets ?? {};
    const row = w['user row 0'];
    const user = w[`user:${partnerId}`];
    return row && user && !w['user row 1'] && row.x === user.x && row.y === user.y;
  };
  await app.settled((s, hooks) => only(hooks), `only ${partnerId} listed after ${what}`).catch(async (error) => {
    await app.shot('unicode-failed');
    throw new Error(`${error.message}; widgets ${JSON.stringify(Object.keys(app.hooks()?.widgets ?? {}))}`);
  });
}

// One BackSpace per typed character (and two more) empties the search box.
async function clearSearch(app, typed) {
  await app.key('--delay', '40', ...Array([...typed].length + 2).fill('BackSpace'));
  await app.waitFor((s, hooks) => hooks.widgets?.['user row 1'], 'several rows once the search box is empty');
  await app.idle(); // keys typed while the app draws are the ones xdotool's keycode swap can lose
}

test('Chinese and Greek typed with xdotool into the search box find the user', async () => {
  const app = new DesktopApp({ args: ['--base-url', sandbox.url] });
  await app.waitForScreen('signed_out');
  await signIn(app);
  await focusField(app, 'Search users');
  await app.idle();

  await typeUnmapped(app, '海港');
  await waitForOnlyUser(app, fixtureUser('海港通信有限公司 Harbour PBX'), 'typing "海港"');
  await app.shot('unicode-1-chinese');

  await clearSearch(app, '海港');
  // Lower case: the search folds Greek case (Τηλεπικοινωνίες Αθηνών).
  await typeUnmapped(app, 'αθηνών');
  await waitForOnlyUser(app, fixtureUser('Τηλεπικοινωνίες Αθηνών'), 'typing "αθηνών"');
  await app.shot('unicode-2-greek');

  await clearSearch(app, 'αθηνών');
  await typeUnmapped(app, 'Αθηνών');
  await waitForOnlyUser(app, fixtureUser('Τηλεπικοινωνίες Αθηνών'), 'typing "Αθηνών"');
  assert.equal((await app.quit()).code, 0);
});
