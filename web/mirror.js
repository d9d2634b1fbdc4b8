// RenewDesk's accessible mirror: hidden DOM that says what the canvas shows, for screen readers and
// keyboard users. The wasm side describes the screen (src/ui/mirror.h) after every frame in which the
// description changed; this file keeps one element per described node (headings, labelled fields,
// buttons, radio groups, the user table's visible rows, an ARIA live region for outcomes) and changes
// only what changed, so the element with the keyboard focus survives while its screen is up.
// The other way, its elements send requests: focus (ImGui's keyboard focus and its visible ring follow),
// activate (a button, a radio, a row: exactly the path of a click), and a field's whole text.
// Keys pressed in the mirror are its own: they are kept from Emscripten's GLFW (which listens on
// window), so a key is never handled twice. Loaded before shell.js; the shell reads Module.rdMirror.
'use strict';

(function () {
  const requestKinds = { activate: 0, focus: 1, setText: 2 };
  const root = document.createElement('div');
  root.id = 'mirror';
  root.className = 'visually-hidden';
  const content = document.createElement('div');
  const live = document.createElement('div');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(content, live);

  const byKey = new Map(); // node identity -> { el, control }
  let inUse = false;       // the person's keyboard is in the mirror (not on the canvas)
  let lastFocus = '';      // the key ImGui's focus was on in the last description
  let idCounter = 0;

  function send(kind, key, text) {
    const m = window.Module;
    if (!m || !m.calledRun) return;
    const put = (value) => {
      if (value === undefined) return 0;
      const bytes = m.lengthBytesUTF8(value) + 1;
      const at = m._rd_web_mirror_buffer(bytes);
      if (at) m.stringToUTF8(value, at, bytes);
      return at;
    };
    m.rdWake = true;
    m._rd_web_mirror_request(kind, put(key), put(text)); // frees and wipes both buffers
  }

  function keyOf(el) { return el && el.dataset ? el.dataset.key : undefined; }

  function onFocus(event) {
    inUse = true;
    const key = keyOf(event.currentTarget);
    if (key && key !== lastFocus) send(requestKinds.focus, key);
  }

  function focusable(el, key) {
    el.dataset.key = key;
    el.addEventListener('focus', onFocus);
    return el;
  }

  function textField(node, type) {
    const wrap = document.createElement('div');
    const label = document.createElement('label');
    const input = focusable(document.createElement('input'), node.k);
    input.type = type;
    input.id = `mirror-${++idCounter}`;
    input.autocomplete = type === 'password' ? 'current-password' : 'off';
    input.spellcheck = false;
    label.htmlFor = input.id;
    input.addEventListener('input', () => send(requestKinds.setText, node.k, input.value));
    wrap.append(label, input);
    return { el: wrap, control: input, label };
  }

  function make(node) {
    switch (node.r) {
    case 'heading': return { el: document.createElement(`h${Math.min(Math.max(node.l || 2, 1), 6)}`) };
    case 'text': return { el: document.createElement('p') };
    case 'alert': {
      const el = document.createElement('p');
      el.setAttribute('role', 'alert');
      return { el };
    }
    case 'field': return textField(node, 'text');
    case 'secret': return textField(node, 'password');
    case 'button': {
      const el = focusable(document.createElement('button'), node.k);
      el.type = 'button';
      el.addEventListener('click', () => send(requestKinds.activate, node.k));
      return { el, control: el };
    }
    case 'checkbox': {
      const el = document.createElement('label');
      const box = focusable(document.createElement('input'), node.k);
      box.type = 'checkbox';
      box.addEventListener('change', () => send(requestKinds.activate, node.k));
      const text = document.createElement('span');
      el.append(box, text);
      return { el, control: box, label: text };
    }
    case 'group': {
      const el = document.createElement('fieldset');
      const legend = document.createElement('legend');
      const items = document.createElement('div');
      el.append(legend, items);
      return { el, label: legend, items };
    }
    case 'radio': {
      const el = document.createElement('label');
      const radio = focusable(document.createElement('input'), node.k);
      radio.type = 'radio';
      radio.addEventListener('change', () => { if (radio.checked) send(requestKinds.activate, node.k); });
      const text = document.createElement('span');
      el.append(radio, text);
      return { el, control: radio, label: text };
    }
    case 'table': {
      const el = document.createElement('table');
      const caption = document.createElement('caption');
      const head = document.createElement('thead');
      const body = document.createElement('tbody');
      el.append(caption, head, body);
      return { el, label: caption, head, items: body, rows: new Map() };
    }
    default: return { el: document.createElement('p') };
    }
  }

  function setText(el, text) { if (el.textContent !== text) el.textContent = text; }
  function setFlag(el, attribute, on) { if (el[attribute] !== on) el[attribute] = on; }

  function makeRow(row) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    tr.append(th);
    if (row.ro) return { el: tr, control: th }; // read, not chosen: its header is text
    const choose = focusable(document.createElement('button'), row.k);
    choose.type = 'button';
    choose.dataset.row = '1';
    choose.addEventListener('click', () => send(requestKinds.activate, row.k));
    th.append(choose);
    return { el: tr, control: choose };
  }

  // A row's checkbox (ticking the row for a batch), in the last column.
  function makeCheck(row, name) {
    const td = document.createElement('td');
    const box = focusable(document.createElement('input'), row.ck);
    box.type = 'checkbox';
    box.dataset.row = '1';
    box.setAttribute('aria-label', name);
    box.addEventListener('change', () => send(requestKinds.activate, row.ck));
    td.append(box);
    return { td, box };
  }

  function updateRow(item, row, checkName) {
    setText(item.control, row.cells[0] || '');
    if (!row.ro) item.control.setAttribute('aria-pressed', row.s ? 'true' : 'false');
    const tr = item.el;
    const cells = row.cells.length;
    for (let i = 1; i < cells; ++i) {
      let td = tr.children[i];
      if (!td || td === (item.check && item.check.td)) {
        td = document.createElement('td');
        tr.insertBefore(td, tr.children[i] || null);
      }
      setText(td, row.cells[i]);
    }
    if (row.ck && !item.check) item.check = makeCheck(row, checkName || '');
    const want = row.ck ? cells + 1 : cells;
    if (item.check && row.ck) {
      if (tr.children[cells] !== item.check.td) tr.insertBefore(item.check.td, tr.children[cells] || null);
      setFlag(item.check.box, 'checked', !!row.c);
    }
    while (tr.children.length > want) tr.lastChild.remove();
  }

  function update(item, node) {
    const { el, control } = item;
    switch (node.r) {
    case 'heading': case 'text': case 'alert': setText(el, node.n); break;
    case 'field': case 'secret': {
      setText(item.label, node.n);
      setFlag(control, 'disabled', !!node.d);
      control.placeholder = node.h || '';
      if (node.e) control.dataset.enter = node.e; else delete control.dataset.enter;
      const focused = document.activeElement === control;
      if (node.r === 'field' && !focused && control.value !== node.v) control.value = node.v;
      if (node.r === 'secret' && !node.c && !focused && control.value) control.value = ''; // wiped there
      break;
    }
    case 'button':
      setText(el, node.n);
      setFlag(el, 'disabled', !!node.d);
      if (node.c) el.setAttribute('aria-current', 'true'); else el.removeAttribute('aria-current');
      break;
    case 'checkbox': case 'radio':
      setText(item.label, node.n);
      setFlag(control, 'checked', !!node.c);
      setFlag(control, 'disabled', !!node.d);
      break;
    case 'group':
      setText(item.label, node.n);
      reconcile(item.items, node.ch || [], `${node.k}/`, (child) => {
        if (child.control && child.control.type === 'radio') child.control.name = `mirror-${node.k}`;
      });
      break;
    case 'table': {
      setText(item.label, node.n);
      const names = node.cn ? [...(node.cols || []), node.cn] : (node.cols || []);
      if (item.head.dataset.cols !== JSON.stringify(names)) {
        item.head.dataset.cols = JSON.stringify(names);
        const tr = document.createElement('tr');
        for (const name of names) {
          const th = document.createElement('th');
          th.scope = 'col';
          th.textContent = name;
          tr.append(th);
        }
        item.head.replaceChildren(tr);
      }
      const wanted = [];
      const seen = new Set();
      for (const row of node.rows || []) {
        if (seen.has(row.k)) continue;
        seen.add(row.k);
        let rowItem = item.rows.get(row.k);
        if (!rowItem) { rowItem = makeRow(row); item.rows.set(row.k, rowItem); byKey.set(`row:${row.k}`, rowItem); }
        updateRow(rowItem, row, node.cn);
        wanted.push(rowItem.el);
      }
      for (const [key, rowItem] of item.rows) {
        if (!seen.has(key)) { item.rows.delete(key); byKey.delete(`row:${key}`); }
      }
      placeChildren(item.items, wanted);
      break;
    }
    default: setText(el, node.n || '');
    }
  }

  // Puts `wanted` in `parent` in order, moving only what is out of place (a moved element loses focus).
  function placeChildren(parent, wanted) {
    for (let i = 0; i < wanted.length; ++i) {
      if (parent.children[i] !== wanted[i]) parent.insertBefore(wanted[i], parent.children[i] || null);
    }
    while (parent.children.length > wanted.length) parent.lastChild.remove();
  }

  // Keyed nodes keep their element by key; static text by its place among its kind.
  function reconcile(parent, nodes, prefix, adopt) {
    const counts = {};
    const wanted = [];
    for (const node of nodes) {
      counts[node.r] = (counts[node.r] || 0) + 1;
      const id = node.k ? `${prefix}${node.r}:${node.k}` : `${prefix}${node.r}#${counts[node.r]}:${node.l || ''}`;
      let item = byKey.get(id);
      if (!item) { item = make(node); byKey.set(id, item); }
      item.alive = generation;
      if (adopt) adopt(item);
      update(item, node);
      wanted.push(item.el);
    }
    placeChildren(parent, wanted);
  }

  let generation = 0;

  function controlFor(key) {
    for (const [id, item] of byKey) {
      if (item.control && keyOf(item.control) === key && document.contains(item.control)) return item.control;
      if (item.check && keyOf(item.check.box) === key && document.contains(item.check.box)) return item.check.box;
    }
    return null;
  }

  function apply(doc) {
    const hadFocus = root.contains(document.activeElement);
    ++generation;
    reconcile(content, doc.nodes || [], '', null);
    for (const [id, item] of byKey) { // nodes gone from the screen
      if (item.alive !== undefined && item.alive !== generation && !id.startsWith('row:')) byKey.delete(id);
    }
    if (live.textContent !== (doc.live || '')) live.textContent = doc.live || '';
    if (doc.lang && document.documentElement.lang !== doc.lang) document.documentElement.lang = doc.lang;
    lastFocus = doc.focus || '';
    // ImGui's focus moved (a new screen, a field focused by the app): the mirror's follows, while the
    // person works in the mirror; the canvas keeps the keyboard otherwise.
    if ((inUse || hadFocus) && lastFocus) {
      const control = controlFor(lastFocus);
      if (control && document.activeElement !== control && !control.disabled) control.focus({ preventScroll: true });
    }
  }

  // Keys in the mirror never reach GLFW (registered on window before renewdesk.js adds its listeners);
  // the browser's own handling (typing, Tab, Enter or Space on a button) is left as it is. Except Up and
  // Down on a table row: the mirror holds only the rows on screen, so ImGui moves its focus to the next
  // row (scrolling the list), and the mirror's focus follows to that row's new element.
  const rowKey = (event) => (event.key === 'ArrowDown' || event.key === 'ArrowUp') && event.target.dataset &&
    event.target.dataset.row === '1';
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (event) => {
      if (!root.contains(event.target)) return;
      if (rowKey(event)) {
        inUse = true;
        return;
      }
      event.stopImmediatePropagation();
      if (type === 'keydown' && event.key === 'Enter' && event.target.dataset && event.target.dataset.enter) {
        event.preventDefault();
        send(requestKinds.activate, event.target.dataset.enter);
      }
    }, true);
  }
  // A click on the canvas hands the keyboard back to the canvas.
  window.addEventListener('pointerdown', (event) => { if (!root.contains(event.target)) inUse = false; }, true);

  document.addEventListener('DOMContentLoaded', () => {
    document.body.prepend(root);
  });

  window.rdMirror = Object.freeze({
    update(text) {
      try {
        apply(JSON.parse(text)); // keys are strings: no id passes through a number
      } catch (e) {
        console.warn('mirror: could not apply a description', e);
      }
    },
    inUse() { return inUse && root.contains(document.activeElement); },
    element() { return root; },
  });
}());
