// The desktop app end to end, shared by desktop.test.js and desktop_unicode.test.js:
// build/native/bin/renewdesk (or $RENEWDESK_NATIVE_BIN's) in Xvfb (Mesa llvmpipe, OpenGL 3.3 core)
// against the real sandbox, driven by real X input events from xdotool. Widget positions come from
// the app's read-only --test-hooks file, in screen pixels of the X display (src/app/desktop/test_hooks.h).
// No fixed pauses after input: the hooks count the input the app has taken and say when ImGui has
// handled all of it, and click(), type(), key() and reveal() wait for that (issue 22).
// Needs Xvfb, xdotool and ImageMagick's import (tools/bootstrap installs them) and a native build:
//   cmake --build --preset native --target renewdesk_desktop renewdesk-sandbox
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { artifacts, nativeBin, root, startSandbox as startHarnessSandbox } from './harness.js';

const bin = nativeBin;
export const appBinary = path.join(bin, 'renewdesk');
export const sandboxBinary = path.join(bin, 'renewdesk-sandbox');
export const secret = 'demo-client-secret';
// The Windows build of the app (the windows preset), run under Wine by tools/wine-run (windows_desktop.test.js).
export const windowsAppBinary = path.join(root, 'build/windows/bin/renewdesk.exe');
const wineRun = path.join(root, 'tools/wine-run');
// A file of ours as a Windows program names it: Wine's drive Z: is the Unix root.
export const windowsPath = (unixPath) => `Z:${unixPath.replace(/\//g, '\\')}`;

const children = []; // every process started here, stopped in after()
const tempDirs = [];
let display; // ":N" of the running Xvfb
// Xvfb's state for a failure's message: once an app could not open the display (e2e run 5 of issue 22,
// desktop_screens' last test; not reproduced in 600 connections to an idle or loaded Xvfb), whether the
// X server was still there is what tells the next reader where to look.
let xvfbState = 'not started';

// ---- processes ----
export function requireTool(tool, debianPackage) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    throw new Error(`${tool} is missing: install the Debian package ${debianPackage} (tools/bootstrap does)`);
  }
}

export function track(child) {
  children.push(child);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

export async function stop(child, timeoutMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exited;
  child.kill('SIGTERM');
  const result = await Promise.race([child.exited, sleep(timeoutMs).then(() => null)]);
  if (result) return result;
  child.kill('SIGKILL');
  return child.exited;
}

// Xvfb picks a free display number itself and writes it to fd 3 once it accepts connections.
// -r: no key auto-repeat. Xvfb repeats a held key by default (checked: a key held 1.5 s typed about
// twenty characters), so a key-up from `xdotool type` that comes late on a loaded machine would type
// a character twice and mangle the typed credentials.
export async function startXvfb() {
  const child = track(spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-r'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
  let stderr = '';
  child.stdio[2].on('data', (chunk) => { stderr += chunk; });
  xvfbState = 'starting';
  child.once('exit', (code, signal) => {
    xvfbState = `exited (code ${code}, signal ${signal}) at ${new Date().toISOString()}: ${stderr.slice(-400)}`;
  });
  const number = await new Promise((resolve, reject) => {
    let text = '';
    child.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.trim());
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr}`)));
  });
  xvfbState = `running as :${number} (pid ${child.pid})`;
  return `:${number}`;
}

async function startSandbox() {
  const sandbox = await startHarnessSandbox([], { servePage: false });
  track(sandbox.child);
  return { url: sandbox.url };
}

export function tempDir(name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `renewdesk-${name}-`));
  tempDirs.push(dir);
  return dir;
}

// A loopback port nobody listens on: the network is "down" for the app (a connect is refused).
// The port stays bound, never listening, by a small process that lives until the tests end, so no
// other test running beside this one (a sandbox on port 0) can be given it in the meantime.
export async function closedPort() {
  const holder = track(spawn('python3', ['-c',
    'import socket, sys, time\n' +
    's = socket.socket()\ns.bind(("127.0.0.1", 0))\nprint(s.getsockname()[1], flush=True)\n' +
    'sys.stdin.read()\n'], { stdio: ['pipe', 'pipe', 'ignore'] })); // ends when its stdin closes
  const port = await new Promise((resolve, reject) => {
    let text = '';
    holder.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(Number(text.trim()));
    });
    holder.once('exit', (code) => reject(new Error(`the port holder exited with ${code}`)));
  });
  return port;
}

export function xdotool(...args) {
  execFileSync('xdotool', args, { env: { ...process.env, DISPLAY: display } });
}

// The characters `xdotool type` makes the app's char callback see: control characters (a newline is
// the Return key) type none.
function typedChars(text) {
  return [...text].filter((c) => { const cp = c.codePointAt(0); return cp >= 32 && !(cp >= 127 && cp < 160); }).length;
}

// The hooks show a frame drawn after the latest input the app took, and ImGui holds none of it back.
function inputHandled(hooks) {
  return hooks.input && hooks.input.queued === 0 && hooks.frames > hooks.input.frame;
}

// ---- the app ----
export class DesktopApp {
  // home: the temporary HOME; config lives in home/config (XDG_CONFIG_HOME). windows: { prefix } runs
  // the Windows build under Wine in that Windows profile (WINEPREFIX: its %APPDATA% holds the config).
  constructor({ args = [], home = tempDir('home'), windows = null } = {}) {
    this.home = home;
    this.configDir = path.join(home, 'config', 'renewdesk');
    this.hooksFile = path.join(tempDir('hooks'), 'hooks.json');
    this.stderr = '';
    this.startedAt = Date.now();
    const hooksArgument = windows ? windowsPath(this.hooksFile) : this.hooksFile;
    const argv = ['--test-hooks', hooksArgument, '--window-pos', '20,20', '--window-size', '1200,760', ...args];
    const env = { PATH: process.env.PATH, DISPLAY: display, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') };
    if (windows) env.WINEPREFIX = windows.prefix;
    const [program, programArgs] = windows ? [wineRun, [windowsAppBinary, ...argv]] : [appBinary, argv];
    this.child = track(spawn(program, programArgs, { env, stdio: ['ignore', 'ignore', 'pipe'] }));
    this.child.stderr.on('data', (chunk) => { this.stderr += chunk; });
  }

  get pid() { return this.child.pid; }
  get settingsFile() { return path.join(this.configDir, 'settings.json'); }

  hooks() {
    try {
      return JSON.parse(readFileSync(this.hooksFile, 'utf8')); // replaced atomically: never half written
    } catch {
      return null;
    }
  }

  async waitFor(predicate, what, timeoutMs = 15000) {
    return (await this.waitForHooks(predicate, what, { timeoutMs })).state;
  }

  // As waitFor, resolving with the whole hooks file. `poke(hooks)`: called while the predicate is
  // false and no frame has been written for `quietMs` (the app may have gone to sleep), to wake it;
  // the quiet time doubles after each poke (up to 0.8 s), so a slow app is not kept busy by them.
  async waitForHooks(predicate, what, { timeoutMs = 15000, intervalMs = 20, poke = null, quietMs = 100 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last = null;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`renewdesk exited (${this.child.exitCode}): ${this.stderr}\nXvfb: ${xvfbState}`);
      }
      const previousFrames = last?.frames;
      last = this.hooks();
      if (last && predicate(last.state, last)) return last;
      if (last?.frames !== previousFrames) quietSince = Date.now();
      else if (poke && last && Date.now() - quietSince >= quietMs) {
        poke(last);
        quietSince = Date.now();
        quietMs = Math.min(quietMs * 2, 800);
      }
      await sleep(intervalMs);
    }
    throw new Error(`timed out waiting for ${what}; last state ${JSON.stringify(last?.state)}; ` +
      `last input ${JSON.stringify(last?.input)}, frames ${last?.frames}; stderr: ${this.stderr}`);
  }

  // ---- input, and waiting until the app has handled it ----
  // xdotool returns once the X server has the events; the app takes them over the next frames, and
  // ImGui hands them to the UI a few per frame (a button's press and release in two). The hooks'
  // `input` counts what the app gave ImGui and how much ImGui still holds (`queued`); a hooks file is
  // written after a frame, so one with the counts shows a frame drawn after them.

  // Sends `args` with xdotool, then waits until the app has taken at least `more` of each count
  // ({ chars: 3 }, { buttonDowns: 1, buttonUps: 1 }: names as in the hooks' `input`) and ImGui has
  // handed every event to the UI. Every input helper waits so, so the counts read before sending
  // are never behind an earlier command's keys, characters or buttons.
  async send(more, what, ...args) {
    const before = (await this.waitForHooks((s, hooks) => hooks.input,
      'a hooks file with input counts (a renewdesk built before them writes none: rebuild it)')).input;
    xdotool(...args);
    await this.waitForHooks((s, hooks) => inputHandled(hooks) &&
      Object.entries(more).every(([count, n]) => hooks.input[count] >= before[count] + n), what, { intervalMs: 10 });
  }

  // Moves the pointer to (x, y) and waits until ImGui has the mouse there. No count to wait for: a
  // move to where the pointer already is sends no event.
  async moveTo(x, y, what) {
    xdotool('mousemove', '--sync', String(x), String(y));
    await this.waitForHooks((s, hooks) => inputHandled(hooks) && hooks.input.mouse &&
      Math.abs(hooks.input.mouse.x - x) < 1 && Math.abs(hooks.input.mouse.y - y) < 1, what, { intervalMs: 10 });
  }

  // A small move inside the window, to wake the on-demand renderer: input makes it draw a few frames.
  // Off by one pixel and back, so a hovered widget stays hovered and each move is a move (one to
  // where the pointer is sends no event).
  nudge(hooks) {
    const win = hooks?.window;
    if (!win) return;
    const mouse = hooks.input?.mouse;
    const inside = mouse && mouse.x >= win.x + 2 && mouse.y >= win.y && mouse.x < win.x + win.w - 2 &&
      mouse.y < win.y + win.h;
    if (!inside) xdotool('mousemove', String(win.x + 5 + (this.nudged ? 1 : 0)), String(win.y + 5));
    else xdotool('mousemove_relative', '--', this.nudged ? '-1' : '1', '0');
    this.nudged = !this.nudged;
  }

  // Waits until the predicate holds and the window shows it: a later frame drew the same state and
  // widgets as the one that first had them (`frames` > `since`; a frame can change the state half-way,
  // a click opening another screen, and its picture is then of the one before). The hooks file is
  // written after the frame is on the X screen (Mesa's software swap on Xvfb ends with XSync). An app
  // that went to sleep first (the state changed in its last settle frame: a new screen's keyboard focus
  // lands a frame after the screen) is woken.
  async settled(predicate, what) {
    return (await this.waitForHooks((s, hooks) => hooks.frames > hooks.since && predicate(s, hooks), what,
      { poke: (hooks) => { if (predicate(hooks.state, hooks)) this.nudge(hooks); } })).state;
  }

  async waitForScreen(screen) { return this.waitFor((s) => s.screen === screen, `screen ${screen}`); }

  async idle() { return this.waitFor((s) => !s.busy, 'the app to be idle'); }

  // The widget's rectangle on the screen, once it is drawn inside the window.
  async widget(label, timeoutMs = 10000) {
    const placed = (hooks) => {
      const r = hooks.widgets?.[label];
      const win = hooks.window;
      // Only where it stood in the frame before too (`still`): a new screen's second frame can move it.
      return r && r.w > 0 && r.h > 0 && r.still >= 1 && (r.visible === false || (r.x >= win.x && r.y >= win.y &&
        r.x + r.w <= win.x + win.w && r.y + r.h <= win.y + win.h)); // hidden: reveal() scrolls
    };
    const hooks = await this.waitForHooks((s, h) => placed(h), `the widget ${label} on screen`,
      { timeoutMs, poke: (h) => this.nudge(h) }); // input wakes the on-demand renderer
    return hooks.widgets[label];
  }

  // As the browser harness's reveal(): the wheel over the widget's scrolling region until it is in view
  // (xdotool buttons 4 and 5 are the wheel).
  async reveal(label) {
    let r = await this.widget(label);
    const scrolled = r.visible === false;
    for (let step = 0; step < 60 && r.visible === false; ++step) {
      // At the region's edge nearest the widget (as the browser harness): not over a nested list.
      const c = r.clip;
      const below = r.y + r.h > c.y + c.h;
      const x = Math.max(c.x + 4, Math.min(r.x + 8, c.x + c.w - 4));
      // The rectangle of a frame drawn after the wheel (once it holds still), not the one before it.
      await this.send({ wheels: 1 }, `the wheel over the region of ${label}`, 'mousemove', '--sync',
        String(Math.round(x)), String(Math.round(below ? c.y + c.h - 4 : c.y + 4)), 'click', below ? '5' : '4');
      r = await this.widget(label);
    }
    if (r.visible === false) throw new Error(`could not scroll ${label} into view; stderr: ${this.stderr}`);
    if (scrolled) { // the hand moves to the widget: ImGui ends its wheel lock on the move
      await this.moveTo(Math.round(r.x + Math.min(r.w / 2, 40)), Math.round(r.y + r.h / 2), `the mouse on ${label}`);
    }
    return r;
  }

  // Waits until the UI has had the press and the release; state waits after it check what it did.
  async click(label) {
    const r = await this.reveal(label);
    await this.send({ buttonDowns: 1, buttonUps: 1 }, `the click on ${label}`,
      'mousemove', '--sync', String(Math.round(r.x + r.w / 2)), String(Math.round(r.y + r.h / 2)), 'click', '1');
  }

  // Waits until the UI has had every character (a click right after typing once raced the last ones:
  // a mangled Base URL in about one run of three).
  // Characters that are not on the keyboard map (Chinese, Greek…) xdotool types by binding each one
  // to a spare keycode for the key press and unbinding it after the release: the app must have read
  // the press before that, so those need a longer delay (half of it lies between press and release).
  async type(text, { delay = 25 } = {}) {
    const chars = typedChars(text);
    await this.send({ chars }, `${chars} typed characters`, 'type', '--delay', String(delay), text);
  }

  // xdotool key's arguments: keys ('Tab', 'BackSpace'), combinations ('ctrl+a') and --delay MS.
  // Waits until the UI has had each key's press and release. A combination is held as a person holds
  // it: the modifier's press handled first, its release last. (`xdotool key ctrl+a` releases Ctrl
  // before A within microseconds; when A's press and Ctrl's release reached ImGui in one frame, ImGui
  // saw a plain A and the select-all was lost.)
  async key(...args) {
    let plain = [];
    let delay = [];
    const sendPlain = async () => {
      if (plain.length === 0) return;
      await this.send({ keyDowns: plain.length, keyUps: plain.length }, `the keys ${plain.join(' ')}`,
        'key', ...delay, ...plain);
      plain = [];
    };
    for (let i = 0; i < args.length; ++i) {
      if (args[i] === '--delay') delay = ['--delay', args[++i]];
      else if (args[i].startsWith('-')) throw new Error(`key(): xdotool option ${args[i]} is not counted here`);
      else if (!args[i].includes('+')) plain.push(args[i]);
      else {
        await sendPlain();
        const keys = args[i].split('+');
        const modifiers = keys.slice(0, -1);
        for (const m of modifiers) await this.send({ keyDowns: 1 }, `${m} held`, 'keydown', m);
        await this.send({ keyDowns: 1, keyUps: 1 }, `the key ${args[i]}`, 'key', keys[keys.length - 1]);
        for (const m of modifiers.reverse()) await this.send({ keyUps: 1 }, `${m} released`, 'keyup', m);
      }
    }
    await sendPlain();
  }

  async shot(name) {
    execFileSync('import', ['-display', display, '-window', 'root', path.join(artifacts, `desktop-${name}.png`)]);
  }

  // CPU ticks (1/100 s) used by the app over `ms` milliseconds.
  async cpuTicksOver(ms) {
    const ticks = () => {
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15 of the full line)
    };
    const before = ticks();
    await sleep(ms);
    return ticks() - before;
  }

  async quit() { return stop(this.child); }
}

// Clicks a text field and waits until it has the keyboard, so keys typed next land in it. (A Ctrl+A
// sent while the click's release was still on its way was lost in 3 runs of 5: the drag selection
// of the held button replaced it. click() returns once the release has been handled.)
export async function focusField(app, label) {
  await app.click(label);
  await app.waitFor((s) => s.focused === label, `the keyboard in ${label}`);
}

export async function signIn(app) {
  await submitSignIn(app);
  return app.waitFor((s) => s.screen === 'choosing' && s.users.status === 'loaded' &&
    s.plans.status === 'loaded' && s.contacts.status === 'loaded', 'the three lookups');
}

// Types the demo credentials and clicks Sign in, without waiting for the outcome.
export async function submitSignIn(app) {
  await app.click('Client ID');
  await app.key('ctrl+a');
  await app.type('demo-client-id');
  await focusField(app, 'Client Secret');
  await app.type(secret);
  await app.waitFor((s) => s.signInReady, 'both sign-in fields to hold text');
  await app.click('Sign in');
}

// Checks the tools and binaries, starts Xvfb and a sandbox (API only); resolves with
// { display: ":N", sandbox: { url } }. Call from before(); stopDesktop() from after().
export async function startDesktop() {
  requireTool('Xvfb', 'xvfb');
  requireTool('xdotool', 'xdotool');
  requireTool('import', 'imagemagick');
  for (const binary of [appBinary, sandboxBinary]) {
    if (!existsSync(binary)) {
      throw new Error(`${binary} is missing: cmake --build --preset native --target renewdesk_desktop renewdesk-sandbox`);
    }
  }
  display = await startXvfb();
  const sandbox = await startSandbox();
  return { display, sandbox };
}

// Stops every process started here (apps, Xvfb, the sandbox, proxies passed to track) and removes
// the temporary folders.
export async function stopDesktop() {
  await Promise.all(children.slice().reverse().map((child) => stop(child)));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
