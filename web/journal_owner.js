// RenewDesk page: one owner tab per in-flight journal (web/shell.js keeps the journals themselves).
// A tab owns a journal key while it holds the exclusive Web Lock of that name; the browser releases
// it when the tab closes, reloads or crashes. `<key>.owner` beside the journal says which tab claimed
// it ("startedAtMs tabId"), so the other tabs can word it. claim() must answer at once (the wasm side
// cannot wait), so:
// - held (or asked for by this tab's own claim) -> ours;
// - the journal is empty and nobody's name is beside it -> ours at once: the name is written now,
//   the lock asked for (queued) in the same task, before anything can be written or sent; any other
//   tab sees the name before the journal, and its takeover (below) yields to a queued claim;
// - otherwise (a record is there, or another tab's name) -> another tab, for now: one try
//   (ifAvailable) at a time takes the lock only when no live tab holds it (its owner closed or
//   crashed) and no claim waits for it; the frame loop is woken, and the next claim says ours.
// A lock taken over is ours only once this tab sees what its last owner left: the browser gives a
// lock back on one channel and tells the other tabs of storage changes on another, so the owner's
// last writes (its journal cleared, then its name removed, then the lock given back) can reach this
// tab after the lock does. While the last owner's name is still seen beside the journal, the takeover
// waits for that name to change, or `graceMs` for an owner that left no word (a closed or crashed tab).
// release() gives the lock back after the current frame unless it is claimed again in it (the core
// looks, gives back and claims again within one frame). Without Web Locks (a plain-http intranet is no
// secure context) every claim is ours, as before.
'use strict';

// parts: {locks (navigator.locks or undefined), storage: {read(key) -> '' when none, write(key, text),
// remove(key)}, journalLoad(key) -> text or null, wake(), onStorageChange(listener(key)) -> unlisten,
// ownerName, graceMs, setTimer(fn, ms) -> id, clearTimer(id), nextTask(fn) (after the current frame)}.
function makeJournalOwners(parts) {
  const { locks, storage, ownerName } = parts;
  const owners = {}; // per journal key: {wanted, held, queued, trying, other (a live tab held it), release}

  function ownerKey(key) {
    return `${key}.owner`;
  }

  function nameAsOwner(key) {
    storage.write(ownerKey(key), ownerName);
  }

  function holdLock(key, own) {
    own.queued = own.trying = own.other = false;
    if (!own.wanted) return undefined; // given back before it came: free again at once
    own.held = true;
    nameAsOwner(key);
    parts.wake(); // the core looks again and finds it ours
    return new Promise((resolve) => { own.release = resolve; });
  }

  // The lock came free: hold it once the last owner's name is gone from this tab's view (its last
  // writes arrived), or after the grace (it left without a word).
  function takeOver(key, own) {
    const last = storage.read(ownerKey(key));
    if (last === '' || last === ownerName) return holdLock(key, own);
    return new Promise((resolve) => {
      let timer = null;
      const unlisten = parts.onStorageChange((changed) => {
        if (changed === ownerKey(key) && storage.read(ownerKey(key)) !== last) done();
      });
      function done() {
        unlisten();
        parts.clearTimer(timer);
        resolve(holdLock(key, own));
      }
      timer = parts.setTimer(done, parts.graceMs);
    });
  }

  // 0: this tab's now; else another tab's: when that tab started (epoch ms), -1 when not known; -2 while
  // the browser has not yet said whether another tab holds it (nothing to tell the person yet).
  function claim(key) {
    if (!locks) return 0;
    const own = owners[key] ??= {};
    own.wanted = true;
    if (own.held || own.queued) {
      nameAsOwner(key);
      return 0;
    }
    const owner = storage.read(ownerKey(key));
    const another = owner !== '' && owner !== ownerName;
    if (!another && parts.journalLoad(key) === null) {
      nameAsOwner(key);
      own.queued = true;
      locks.request(key, () => holdLock(key, own)).catch(() => { own.queued = false; });
      return 0;
    }
    if (!own.trying) {
      own.trying = true;
      locks.request(key, { ifAvailable: true }, async (lock) => {
        if (lock && !(await locks.query()).pending.some((request) => request.name === key)) return takeOver(key, own);
        own.trying = false; // a live tab holds it, or a tab's fresh claim waits for it
        if (!own.other) parts.wake(); // now there is something to say
        own.other = true;
        return undefined;
      }).catch(() => { own.trying = false; });
    }
    return !own.other ? -2 : another ? Number(owner.split(' ')[0]) || -1 : -1;
  }

  function release(key) {
    const own = owners[key];
    if (!own) return;
    own.wanted = false;
    parts.nextTask(() => {
      if (own.wanted) return; // claimed again within the frame
      if (storage.read(ownerKey(key)) === ownerName) storage.remove(ownerKey(key));
      if (own.held) {
        own.held = false;
        own.release();
      }
    });
  }

  return { claim, release };
}

if (typeof module === 'object') module.exports = makeJournalOwners; // its unit test (node)
else window.rdJournalOwners = makeJournalOwners;
