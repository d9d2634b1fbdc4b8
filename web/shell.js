// RenewDesk page shell: checks the browser, reads config.json, downloads renewdesk.wasm with a
// progress bar, starts renewdesk.js, and bridges what Emscripten's GLFW lacks (system clipboard,
// HiDPI, waking the on-demand frame loop, the system's light/dark preference), keeps the in-flight
// order journal in localStorage with one owner tab at a time (Web Locks; the other tabs wait and are
// woken when it changes), and makes the browser ask before the page is left while an order is being
// sent. Also exposes read-only test hooks:
//   window.renewdesk.state()        -> the UI's state (no ids, no secrets, frameMs: the last drawn
//                                      frame's CPU time) + {frames: drawn frames, asleep: the frame
//                                      loop is paused}
//   window.renewdesk.redraw()       -> wakes the frame loop for a frame, as input does
//   window.renewdesk.widget(label)  -> {x, y, w, h, visible, still, clip: {x, y, w, h}} of a widget in CSS
//                                      pixels (clip: its scrolling region's visible part; still: frames
//                                      in a row it kept its place, up to 2), or null
//   window.renewdesk.ime()          -> the input-method element: {wanted, focused, composing, text,
//                                      rect: {x, y, w, h} in page CSS pixels or null}
// Optional config.json beside index.html (missing -> defaults):
//   {"defaultBaseUrl": "https://api.example", "sandbox": true, "banner": "Training copy"}
// No inline scripts, no eval: the page runs under script-src 'self' 'wasm-unsafe-eval'.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas');
  const storageKeys = {
    baseUrl: 'renewdesk.baseUrl',
    clientId: 'renewdesk.clientId',
    inflightOrder: 'renewdesk.inflightOrder', // the in-flight order journal (no secrets)
    inflightBatch: 'renewdesk.inflightBatch', // the batch's journal (no secrets)
    recentOrders: 'renewdesk.recentOrders', // orders accounted for, attempts ruled out (no secrets)
    uiScale: 'renewdesk.uiScale', // the header's UI scale in percent (written by the wasm side)
  };
  const maxPasteChars = 100000; // passed through the wasm stack
  const mirror = window.rdMirror; // web/mirror.js: the accessible mirror of the screen
  const mirrorInUse = () => !!mirror && mirror.inUse();

  function showProblem(title, text) {
    $('loading').hidden = true;
    $('problem-title').textContent = title;
    $('problem-text').textContent = text;
    $('problem').hidden = false;
  }

  // The check is the page's own context: made on the page's canvas with the attributes main()'s GLFW
  // asks for (src/app/web_main.cpp's window hints: no alpha, depth, stencil or multisampling), so
  // GLFW's getContext later gets this one back instead of creating a second (a context costs some
  // 10-20 ms of main thread in software GL, four times that on a slow phone).
  function webgl2Available() {
    try {
      return !!canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false });
    } catch (e) {
      return false;
    }
  }

  async function readConfig() {
    try {
      const response = await fetch('config.json', { cache: 'no-cache' });
      if (!response.ok) return {};
      const config = await response.json(); // plain settings, no ids: JSON.parse is safe here
      return config && typeof config === 'object' ? config : {};
    } catch (e) {
      return {};
    }
  }

  function showProgress(loaded, total, compressed) {
    const bar = $('progress');
    const kb = (n) => Math.round(n / 1024).toLocaleString() + ' KB';
    if (total > 0 && !compressed) { // with Content-Encoding the total counts compressed bytes
      bar.value = Math.min(loaded / total, 1);
      $('progress-text').textContent = `Loading… ${kb(loaded)} of ${kb(total)}`;
    } else {
      bar.removeAttribute('value'); // indeterminate
      $('progress-text').textContent = `Loading… ${kb(loaded)}`;
    }
  }

  // The font atlases baked at build time (issue 26), by pixel scale in percent: the device pixel ratio
  // times the header's UI scale. Keep in step with baked_atlas_scales in src/app/CMakeLists.txt;
  // tools/dist renames each file to its hashed name here.
  const bakedAtlases = {
    100: 'atlas-100.bin', 125: 'atlas-125.bin', 150: 'atlas-150.bin', 175: 'atlas-175.bin',
    200: 'atlas-200.bin', 250: 'atlas-250.bin', 300: 'atlas-300.bin',
  };

  // The baked atlas for this screen, fetched beside the wasm; main() restores it instead of
  // rasterising the fonts before its first frame. Null (main() builds the atlas, as before) for a
  // scale without one, or when the fetch fails: never an error, since the page works without it.
  async function fetchBakedAtlas() {
    const percent = parseInt(readStorage(storageKeys.uiScale), 10) || 100;
    const scale = (window.devicePixelRatio || 1) * percent;
    const name = Number.isInteger(scale) ? bakedAtlases[scale] : undefined;
    if (!name) return null;
    try {
      const response = await fetch(name);
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
    } catch (e) {
      return null;
    }
  }

  async function downloadWithProgress(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
    const total = Number(response.headers.get('Content-Length')) || 0;
    const compressed = !!response.headers.get('Content-Encoding');
    if (!response.body || !response.body.getReader) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      showProgress(bytes.length, bytes.length, false);
      return bytes;
    }
    const reader = response.body.getReader();
    const chunks = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      showProgress(loaded, total, compressed);
    }
    const bytes = new Uint8Array(loaded);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  function readStorage(key) {
    try {
      return localStorage.getItem(key) || '';
    } catch (e) { // storage disabled (privacy settings, sandboxed frame)
      return '';
    }
  }

  // ---- the page checks its own deployment (src/platform/web/deployment_check.cpp) ----
  // Resource Timing of the page's own API requests (XHR/fetch to the API paths) says how the server in
  // front of the API talks to the browser: nextHopProtocol ("http/1.1", "h2", "h3"), and whether a
  // request opened a connection of its own. What Chromium 120+ was seen to report (headless, loopback,
  // http and https, tools/e2e/deployment_check.test.js):
  // - a reused keep-alive connection (the first XHR too, over the page load's connection):
  //   domainLookupStart == domainLookupEnd == connectStart == connectEnd (== secureConnectionStart on
  //   https) == fetchStart, all the same value;
  // - a new connection (every reply said Connection: close): domainLookupStart 1 to 35 ms after
  //   fetchStart, connectEnd after connectStart (0.2 ms on plain http, 4 to 20 ms with TLS).
  // A cross-origin API without Timing-Allow-Origin hides both (nextHopProtocol "", requestStart 0):
  // counted as hidden, never as fine. A PerformanceObserver (buffered: the entries from before this
  // script too) keeps every API entry, as the browser's own buffer holds only the first 250 resources.
  const apiPath = /^\/(auth|user|pricing|order|product)\/openapi\//;
  const apiEntries = []; // {origin, path, protocol, reused: true|false|null (hidden)}

  function noteResource(entry) {
    if (entry.initiatorType !== 'xmlhttprequest' && entry.initiatorType !== 'fetch') return;
    let url;
    try {
      url = new URL(entry.name);
    } catch (e) {
      return;
    }
    const hidden = !entry.nextHopProtocol || entry.requestStart === 0;
    const reused = hidden ? null : entry.connectStart === entry.connectEnd && entry.connectStart === entry.fetchStart &&
      entry.domainLookupStart === entry.fetchStart;
    if (apiEntries.length >= 1000) apiEntries.splice(0, 500); // the latest ones say what the server does now
    apiEntries.push({ origin: url.origin, path: url.pathname, protocol: entry.nextHopProtocol || '', reused });
  }

  function watchResources() {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(noteResource))
        .observe({ type: 'resource', buffered: true });
    } catch (e) { /* no Resource Timing: every fact stays unknown */ }
  }

  // The facts for the API requests sent to baseUrl's origin (under its path): {protocol (the latest
  // request's; '' when not known), reused: 'yes' (one or more went over an earlier request's
  // connection), 'no' (each opened its own), 'unknown' (none seen, or their timing hidden), requests}.
  function deploymentFacts(baseUrl) {
    let base;
    try {
      base = new URL(baseUrl, window.location.href);
    } catch (e) {
      return { protocol: '', reused: 'unknown', requests: 0 };
    }
    const prefix = base.pathname.replace(/\/+$/, '');
    let requests = 0;
    let protocol = '';
    let reused = false;
    let fresh = false;
    let hidden = false;
    for (const entry of apiEntries) {
      if (entry.origin !== base.origin || !entry.path.startsWith(prefix) || !apiPath.test(entry.path.slice(prefix.length))) {
        continue;
      }
      ++requests;
      protocol = entry.protocol;
      if (entry.reused === null) hidden = true;
      else if (entry.reused) reused = true;
      else fresh = true;
    }
    return { protocol, reused: reused ? 'yes' : fresh && !hidden ? 'no' : 'unknown', requests };
  }

  // ---- services the wasm side calls through Module.rdShell ----
  function legacyCopy(text) { // navigator.clipboard needs a secure context; intranets may be plain HTTP
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    try {
      document.execCommand('copy');
    } catch (e) { /* nothing more to try */ }
    area.remove();
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).catch(() => legacyCopy(text));
    } else {
      legacyCopy(text);
    }
  }

  function download(name, bytes) {
    const type = /\.json$/i.test(name) ? 'application/json' : 'text/plain;charset=utf-8';
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function remember(baseUrl, clientId) { // never the secret: the wasm side passes these two only
    try {
      localStorage.setItem(storageKeys.baseUrl, baseUrl);
      localStorage.setItem(storageKeys.clientId, clientId);
    } catch (e) { /* storage disabled: nothing is remembered */ }
  }

  // The in-flight journals (the single order's, the batch's): written before an order leaves, cleared
  // once its outcome is known. `key` is one of the two journal keys; none: the single order's.
  function journalKey(key) {
    return key === storageKeys.inflightBatch || key === storageKeys.recentOrders ? key : storageKeys.inflightOrder;
  }

  function journalLoad(key) { // the stored text, or null
    try {
      return localStorage.getItem(journalKey(key));
    } catch (e) {
      return null;
    }
  }

  function journalSave(text, key) { // false: not stored (the wasm side then keeps it in memory)
    try {
      localStorage.setItem(journalKey(key), text);
      return true;
    } catch (e) { // disabled or full: an older record left behind would be taken for this one
      journalClear(key);
      return false;
    }
  }

  function journalClear(key) {
    try {
      localStorage.removeItem(journalKey(key));
    } catch (e) { /* storage disabled: nothing stored */ }
  }

  // ---- one owner per journal: this tab or another (Web Locks; web/journal_owner.js) ----
  const storageListeners = new Set();
  window.addEventListener('storage', (event) => {
    for (const listener of storageListeners) listener(event.key);
  });
  const journalOwners = window.rdJournalOwners({
    locks: navigator.locks,
    storage: {
      read: readStorage,
      write(key, text) {
        try {
          localStorage.setItem(key, text);
        } catch (e) { /* storage off or full: the lock alone decides */ }
      },
      remove(key) {
        try {
          localStorage.removeItem(key);
        } catch (e) { /* storage off */ }
      },
    },
    journalLoad,
    wake: () => wake(),
    onStorageChange(listener) {
      storageListeners.add(listener);
      return () => storageListeners.delete(listener);
    },
    ownerName: `${Math.round(performance.timeOrigin)} ${Math.random().toString(36).slice(2, 10)}`,
    graceMs: 2000, // a last owner's writes reach the other tabs in milliseconds; a closed tab's never
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (id) => clearTimeout(id),
    nextTask: (fn) => queueMicrotask(fn),
  });
  const journalClaim = (key) => journalOwners.claim(journalKey(key));
  const journalRelease = (key) => journalOwners.release(journalKey(key));

  // Another tab wrote or cleared a journal (or its owner's name): the frame loop looks again now rather
  // than at its next timed look.
  function followOtherTabs() {
    window.addEventListener('storage', (event) => {
      if (event.key === null || event.key.startsWith('renewdesk.inflight')) wake();
    });
  }

  // While an order is being sent, leaving or reloading the page makes the browser ask first.
  function askBeforeLeavingDuringAnOrder(isRunning) {
    window.addEventListener('beforeunload', (event) => {
      if (!isRunning() || window.Module._rd_web_order_in_flight() !== 1) return;
      event.preventDefault();
      event.returnValue = '';
    });
  }

  // ---- waking the on-demand frame loop (the wasm side pauses it while nothing is due) ----
  function wake() {
    const m = window.Module;
    if (!m) return;
    m.rdWake = true;
    if (m.calledRun) m._rd_web_wake(); // resumes the loop once main() has run; before, it runs anyway
  }

  // devicePixelRatio changes (zoom, another screen) raise no event of their own: a media query for
  // the current ratio stops matching, then the next ratio is watched.
  function listenForPixelRatio() {
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    query.addEventListener('change', () => {
      wake();
      listenForPixelRatio();
    }, { once: true });
  }

  // The system's light/dark preference: read once for the program's arguments, then followed while the
  // page runs (the wasm side ignores it once the person chose a theme; that choice is renewdesk.theme).
  const darkScheme = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function listenForColorScheme(isRunning) {
    if (!darkScheme) return;
    darkScheme.addEventListener('change', (event) => {
      if (!isRunning()) return;
      window.Module._rd_web_system_theme(event.matches ? 1 : 0);
      wake();
    });
  }

  function listenForInput() {
    const types = ['mousedown', 'mouseup', 'mousemove', 'mouseover', 'mouseout', 'wheel', 'keydown', 'keyup',
      'keypress', 'touchstart', 'touchmove', 'touchend', 'focus', 'blur', 'visibilitychange'];
    for (const type of types) window.addEventListener(type, wake, { capture: true, passive: true });
    new ResizeObserver(wake).observe(canvas); // window resizes and layout changes (the banner)
    listenForPixelRatio();
    canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  }

  // ---- input methods: a hidden <input> at ImGui's text caret ----
  // Emscripten's GLFW hears characters only from `keypress` (listened for on window), which input
  // methods never send. While an ImGui field has the keyboard, the wasm side (src/app/web/
  // ime_bridge.cpp) places this element at the caret and it takes the focus: the browser's input
  // method composes in it (the composition shown inline at the caret, its candidate window beside
  // it), and committed text is forwarded with rd_web_ime_text. Plain keys still reach ImGui through
  // GLFW (keydown/keypress bubble to window as before); so the element never inserts a `keypress`
  // character itself (no doubles), pastes are the document's `paste` handler's (it cancels the
  // insertion), and only text GLFW did not deliver is forwarded: a composition's result and
  // `input` events that come without a key (CDP insertText, emoji pickers, dictation).
  function bridgeInputMethods(forward) {
    const field = document.createElement('input');
    field.id = 'ime';
    field.type = 'text';
    field.tabIndex = -1;
    field.autocomplete = 'off';
    field.spellcheck = false;
    field.setAttribute('autocapitalize', 'off');
    field.setAttribute('autocorrect', 'off');
    field.setAttribute('aria-label', 'Text input');
    $('stage').appendChild(field);
    let measure = null; // a 2D context to measure the composition, made at the first composition
    let wanted = false; // an ImGui text field has the keyboard
    let composing = false;

    function showComposition(text) {
      field.classList.toggle('composing', composing);
      if (!composing) return;
      measure ??= document.createElement('canvas').getContext('2d');
      measure.font = getComputedStyle(field).font;
      field.style.width = `${Math.ceil(measure.measureText(text).width) + 2}px`;
    }

    function commit(text) {
      field.value = '';
      if (text) forward(text);
    }

    // Keys that belong to a composition (Enter choosing a candidate, Backspace, arrows) must not
    // reach ImGui: registered now, on window in the capture phase, before GLFW's listeners.
    const composingKey = (event) => event.isComposing || event.keyCode === 229;
    for (const type of ['keydown', 'keypress', 'keyup']) {
      window.addEventListener(type, (event) => {
        if (composingKey(event)) event.stopImmediatePropagation();
      }, true);
    }
    field.addEventListener('keypress', (event) => event.preventDefault()); // GLFW already has it
    field.addEventListener('compositionstart', () => {
      composing = true;
      showComposition('');
    });
    field.addEventListener('compositionupdate', (event) => showComposition(event.data || ''));
    field.addEventListener('compositionend', (event) => {
      composing = false;
      showComposition('');
      commit(typeof event.data === 'string' ? event.data : field.value);
    });
    field.addEventListener('input', (event) => {
      if (event.isComposing || event.inputType === 'insertCompositionText') return;
      if (composing) { // the composition ended without a compositionend (seen with CDP's keys)
        composing = false;
        showComposition('');
      }
      commit(field.value);
    });
    // Emscripten's GLFW lets go of every held key on any `blur` it hears on window (capture phase), an
    // element's too. So the keyboard moving between the canvas and this field (a click into an ImGui
    // field) released a Ctrl or Shift the person still held: Ctrl+A pressed right after the click typed
    // an "a" (seen in the batch e2e test). Those two elements' blurs stop here, before GLFW's listener
    // (registered later, when renewdesk.js starts); the window's own blur (the person left the tab or
    // the browser) still reaches it. A click on the canvas takes the focus from the field; while the
    // field still wants text, it comes back.
    window.addEventListener('blur', (event) => {
      if (event.target !== field && event.target !== canvas) return;
      event.stopImmediatePropagation();
      wake();
      if (event.target !== field) return;
      setTimeout(() => {
        if (wanted && document.activeElement !== field && !mirrorInUse()) field.focus({ preventScroll: true });
      }, 0);
    }, true);

    return {
      // Called by the wasm side after a frame in which the caret moved or a field gained or lost the
      // keyboard. x, y: the top left of the caret's line in CSS pixels relative to the canvas.
      place(want, x, y, lineHeight) {
        wanted = want;
        if (!want) {
          if (document.activeElement === field) field.blur();
          return;
        }
        const style = field.style;
        style.left = `${x}px`;
        style.top = `${y}px`;
        style.height = style.lineHeight = style.fontSize = `${lineHeight}px`;
        // While the keyboard is in the accessible mirror, its own field takes the text.
        if (document.activeElement !== field && !mirrorInUse()) field.focus({ preventScroll: true });
      },
      snapshot() {
        const box = field.getBoundingClientRect();
        return {
          wanted,
          focused: document.activeElement === field,
          composing,
          text: composing ? field.value : '',
          rect: wanted ? { x: box.left, y: box.top, w: box.width, h: box.height } : null,
        };
      },
    };
  }

  // Emscripten's GLFW keeps its own page-local clipboard: hand real pastes to ImGui instead.
  function bridgePaste(isRunning) {
    document.addEventListener('paste', (event) => {
      if (mirror && mirror.element().contains(event.target)) return; // the mirror's field pastes itself
      const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
      event.preventDefault();
      if (!text || !isRunning()) return;
      window.Module.ccall('rd_web_paste', null, ['string'], [text.slice(0, maxPasteChars)]);
      wake();
    });
  }

  function exposeTestHooks(isRunning, ime) {
    window.renewdesk = Object.freeze({
      state() {
        if (!isRunning()) return null;
        const m = window.Module;
        return Object.assign(JSON.parse(m.UTF8ToString(m._rd_web_state_json())),
          { frames: m._rd_web_frames(), asleep: m._rd_web_loop_paused() === 1 });
      },
      widget(label) {
        if (!isRunning()) return null;
        const m = window.Module;
        const rect = JSON.parse(m.UTF8ToString(m.ccall('rd_web_widget_json', 'number', ['string'], [String(label)])));
        if (!rect) return null;
        const box = canvas.getBoundingClientRect();
        const clip = rect.clip ? { x: rect.clip.x + box.left, y: rect.clip.y + box.top, w: rect.clip.w, h: rect.clip.h }
          : null;
        return { x: rect.x + box.left, y: rect.y + box.top, w: rect.w, h: rect.h, visible: rect.visible !== false,
          still: rect.still ?? 0, clip };
      },
      ime() { return isRunning() ? ime.snapshot() : null; },
      // One more frame, as input would cause (nothing else changes): what the page holds now is drawn.
      redraw() { if (isRunning()) wake(); },
      // The next frame records the text it draws; state().drawnText then holds it.
      captureText() { if (isRunning()) window.Module._rd_web_capture_text(); },
    });
  }

  function programArguments(config) {
    const args = ['--base-url', typeof config.defaultBaseUrl === 'string' && config.defaultBaseUrl
      ? config.defaultBaseUrl : window.location.origin];
    if (config.sandbox === true) args.push('--sandbox');
    if (/Mac|iPhone|iPad/.test(navigator.platform || '')) args.push('--mac');
    if (darkScheme && darkScheme.matches) args.push('--prefers-dark');
    const baseUrl = readStorage(storageKeys.baseUrl);
    const clientId = readStorage(storageKeys.clientId);
    if (baseUrl) args.push('--remembered-base-url', baseUrl);
    if (clientId) args.push('--remembered-client-id', clientId);
    return args;
  }

  async function start() {
    // Opened from disk (file://): the browser fetches nothing beside the page (config.json, the wasm),
    // and would show a bare "Failed to fetch". Say what to do instead.
    if (window.location.protocol === 'file:') {
      showProblem('RenewDesk cannot start',
        'RenewDesk must be served by a web server: run tools/run, or host the bundle (see README).');
      return;
    }
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      showProblem('This browser cannot run RenewDesk',
        'RenewDesk needs WebAssembly, which this browser does not offer or has switched off.\n' +
        'Use a current Chrome, Edge, Firefox or Safari.');
      return;
    }
    if (!webgl2Available()) {
      showProblem('This browser cannot run RenewDesk',
        'RenewDesk draws with WebGL2, which this browser does not offer or has switched off ' +
        '(for example when hardware acceleration is disabled).\n' +
        'Turn on hardware acceleration, or use a current Chrome, Edge, Firefox or Safari.');
      return;
    }

    // Nothing waits for anything it does not need: the wasm (and renewdesk.js, preloaded by
    // index.html) download while config.json is read; only main() waits for the config, through a
    // run dependency, because the config decides the program's arguments.
    // Compiled as soon as it is here, off the main thread, while the rest of the start runs:
    // instantiateWasm then only instantiates.
    const compiled = downloadWithProgress('renewdesk.wasm').then((bytes) => WebAssembly.compile(bytes));
    compiled.catch(() => {}); // reported where it is awaited (instantiateWasm)
    const bakedAtlas = fetchBakedAtlas(); // awaited by main() (a run dependency), never fails
    const configRead = readConfig().then((config) => {
      if (typeof config.banner === 'string' && config.banner) {
        $('banner').textContent = config.banner;
        $('banner').hidden = false;
      }
      return config;
    });
    // Emscripten reads Module.arguments once, as this array object, when main() is called: it is
    // filled in place once the config is known, before the run dependency below is removed.
    const args = [];

    let running = false;
    const isRunning = () => running;
    const ime = bridgeInputMethods((text) => {
      if (!isRunning()) return;
      window.Module.ccall('rd_web_ime_text', null, ['string'], [text.slice(0, maxPasteChars)]);
      wake();
    });
    window.Module = {
      canvas,
      arguments: args,
      rdWake: true,
      rdIme: ime,
      rdMirror: mirror,
      rdShell: {
        copyText,
        download,
        remember,
        journalLoad,
        journalSave,
        journalClear,
        journalClaim,
        journalRelease,
        deploymentFacts,
        fatal(message) { running = false; showProblem('RenewDesk cannot run here', message); },
        // main() starts in three tasks (src/app/web_main.cpp): the loading screen stays up until the
        // first frame is drawn, so no empty canvas shows in between.
        started() { if ($('problem').hidden) $('loading').hidden = true; },
      },
      instantiateWasm(imports, receive) {
        compiled.then((module) => WebAssembly.instantiate(module, imports)
          .then((instance) => receive(instance, module)))
          .catch((error) => showProblem('RenewDesk could not load',
            `${error.message || error}\nCheck the connection and reload the page.`));
        return {}; // instantiation is asynchronous
      },
      preRun: [() => {
        window.Module.addRunDependency('config');
        configRead.then((config) => {
          args.push(...programArguments(config));
          window.Module.removeRunDependency('config');
        });
        window.Module.addRunDependency('atlas');
        bakedAtlas.then((bytes) => {
          window.Module.rdBakedAtlas = bytes; // src/platform/web/page_shell.cpp takes it
          window.Module.removeRunDependency('atlas');
        });
      }],
      postRun: [() => {
        if (!$('problem').hidden) return;
        running = true;
        wake();
      }],
      onAbort(what) { running = false; showProblem('RenewDesk stopped', `${what}\nReload the page to start again.`); },
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
    };
    watchResources();
    listenForInput();
    listenForColorScheme(isRunning);
    bridgePaste(isRunning);
    askBeforeLeavingDuringAnOrder(isRunning);
    followOtherTabs();
    exposeTestHooks(isRunning, ime);

    const script = document.createElement('script');
    script.src = 'renewdesk.js';
    script.onerror = () => showProblem('RenewDesk could not load', 'renewdesk.js did not load. Reload the page.');
    document.body.appendChild(script);
  }

  start();
}());
