// Unit test of the page's journal ownership (web/journal_owner.js), over stand-ins of what a browser
// gives it, to reproduce at will an order of events a real browser produces only now and then:
// - `Browser.locks` stands for navigator.locks (one queue per name, ifAvailable, query, a tab's locks
//   given back when it closes);
// - each tab's `storage` stands for its renderer's view of localStorage: its own writes at once, the
//   other tabs' writes delivered later and in order (Chromium keeps a copy per renderer and sends it
//   the changes), with a `storage` event for each one delivered;
// - timers and "after the current frame" run when the test says.
// The real browser path is covered by two_tabs.test.js; this one pins the order that failed there once
// (a tab took a lock over before the last owner's clearing of the journal had reached it).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const makeJournalOwners = createRequire(import.meta.url)('../../web/journal_owner.js'); // a page script

const KEY = 'renewdesk.inflightOrder';
const settle = () => new Promise((resolve) => setImmediate(resolve)); // promise callbacks run

class Browser {
  constructor() {
    this.queues = {}; // name -> [{tab, grant, release}], the first one holds it
    this.tabs = [];
    this.locks = null;
  }

  lockApiFor(tab) {
    const browser = this;
    return {
      request(name, options, callback) {
        if (typeof options === 'function') [options, callback] = [{}, options];
        const queue = browser.queues[name] ??= [];
        if (options.ifAvailable && queue.length) return Promise.resolve().then(() => callback(null)); // later, as a browser does
        return new Promise((resolve, reject) => {
          const entry = { tab, name, callback, resolve, reject, granted: false };
          queue.push(entry);
          if (queue.length === 1) browser.grant(entry);
        });
      },
      async query() {
        const pending = [];
        for (const queue of Object.values(browser.queues))
          for (const entry of queue.slice(1)) pending.push({ name: entry.name });
        return { pending };
      },
    };
  }

  grant(entry) {
    entry.granted = true;
    Promise.resolve().then(() => entry.callback({ name: entry.name })).then((value) => {
      this.drop(entry);
      entry.resolve(value);
    });
  }

  drop(entry) {
    const queue = this.queues[entry.name];
    const at = queue.indexOf(entry);
    if (at < 0) return;
    queue.splice(at, 1);
    if (at === 0 && queue.length) this.grant(queue[0]);
  }

  close(tab) { // the tab is gone: the browser gives its locks back, its storage writes stay
    tab.closed = true;
    for (const queue of Object.values(this.queues))
      for (const entry of [...queue]) if (entry.tab === tab) this.drop(entry);
  }

  openTab(name) {
    const tab = new Tab(this, name);
    this.tabs.push(tab);
    return tab;
  }
}

class Tab {
  constructor(browser, name) {
    this.browser = browser;
    this.view = new Map(); // this renderer's copy of localStorage
    this.inbox = []; // other tabs' writes not yet delivered here
    this.listeners = new Set();
    this.timers = [];
    this.afterFrame = [];
    this.wakes = 0;
    this.owners = makeJournalOwners({
      locks: browser.lockApiFor(this),
      storage: {
        read: (key) => this.view.get(key) ?? '',
        write: (key, text) => this.write(key, text),
        remove: (key) => this.write(key, null),
      },
      journalLoad: (key) => this.view.get(key) ?? null,
      wake: () => { this.wakes += 1; },
      onStorageChange: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      ownerName: `1700000000000 ${name}`,
      graceMs: 2000,
      setTimer: (fn, ms) => { const timer = { fn, ms }; this.timers.push(timer); return timer; },
      clearTimer: (timer) => { this.timers = this.timers.filter((t) => t !== timer); },
      nextTask: (fn) => this.afterFrame.push(fn),
    });
  }

  write(key, text) {
    if (text === null) this.view.delete(key);
    else this.view.set(key, text);
    for (const other of this.browser.tabs) if (other !== this) other.inbox.push([key, text]);
  }

  deliverStorage() { // the other tabs' writes reach this tab, each with its storage event
    for (const [key, text] of this.inbox.splice(0)) {
      if (text === null) this.view.delete(key);
      else this.view.set(key, text);
      for (const listener of [...this.listeners]) listener(key);
    }
  }

  endFrame() {
    for (const fn of this.afterFrame.splice(0)) fn();
  }

  fireTimers() {
    for (const timer of this.timers.splice(0)) timer.fn();
  }
}

// Tab 1 claims the empty journal, writes its record and holds it; tab 2 has seen all of it.
async function tabOneHoldsAnOrder() {
  const browser = new Browser();
  const one = browser.openTab('one');
  const two = browser.openTab('two');
  assert.equal(one.owners.claim(KEY), 0);
  one.write(KEY, '{"sentAtMs":1}');
  await settle();
  two.deliverStorage();
  assert.equal(two.owners.claim(KEY), -2); // not yet known
  await settle();
  assert.equal(two.owners.claim(KEY), 1700000000000); // another tab's, started then
  return { browser, one, two };
}

test('a lock given back before its owner\'s last writes arrive is not taken over until they do', async () => {
  const { one, two } = await tabOneHoldsAnOrder();
  // Tab 1's order is done: it clears the journal and gives the lock back after its frame.
  one.write(KEY, null);
  one.owners.release(KEY);
  one.endFrame();
  await settle(); // the lock is free; tab 2 has not yet seen tab 1's writes
  assert.ok(two.owners.claim(KEY) !== 0, 'the first look after the lock came free');
  await settle();
  assert.ok(two.owners.claim(KEY) !== 0, 'tab 2 must not own a journal it still sees tab 1\'s record in');
  assert.equal(two.view.get(KEY), '{"sentAtMs":1}', 'the stale record is what tab 2 would have adopted');
  two.deliverStorage(); // the clearing and tab 1's name leaving arrive
  await settle();
  assert.equal(two.owners.claim(KEY), 0);
  assert.equal(two.view.get(KEY), undefined, 'what it owns is the cleared journal');
});

test('an owner that left without a word (closed, crashed) is taken over after the grace', async () => {
  const { browser, one, two } = await tabOneHoldsAnOrder();
  browser.close(one); // its record and its name stay
  two.owners.claim(KEY);
  await settle();
  assert.ok(two.owners.claim(KEY) !== 0, 'before the grace');
  assert.equal(two.timers.length, 1);
  assert.equal(two.timers[0].ms, 2000);
  two.fireTimers();
  await settle();
  assert.equal(two.owners.claim(KEY), 0);
  assert.equal(two.view.get(KEY), '{"sentAtMs":1}', 'the record left is adopted');
  assert.equal(two.view.get(`${KEY}.owner`), '1700000000000 two');
});

test('a live owner keeps its journal: the other tab keeps trying and never owns it', async () => {
  const { one, two } = await tabOneHoldsAnOrder();
  for (let i = 0; i < 5; i += 1) {
    assert.ok(two.owners.claim(KEY) < 0 || two.owners.claim(KEY) > 0);
    await settle();
    two.fireTimers();
  }
  assert.equal(one.owners.claim(KEY), 0);
});

test('a release followed by a claim in the same frame keeps the lock', async () => {
  const { one, two } = await tabOneHoldsAnOrder();
  one.owners.release(KEY);
  assert.equal(one.owners.claim(KEY), 0);
  one.endFrame();
  await settle();
  two.deliverStorage();
  two.owners.claim(KEY);
  await settle();
  assert.ok(two.owners.claim(KEY) !== 0);
});
