// A node:test reporter that prints, per test file, the time its tests took (the sum of their
// durations, hooks not included), longest first. (The runner reports each file's events only once the
// files before it have been reported, so the arrival times of events say nothing about when a file ran.)
// tools/test adds it beside the TAP reporter; its lines start "e2e file:".
import path from 'node:path';

export default async function* fileTimes(source) {
  const files = new Map();
  for await (const event of source) {
    const file = event.data?.file;
    if (!file || (event.type !== 'test:pass' && event.type !== 'test:fail')) continue;
    if (event.data.details?.type === 'suite') continue; // a describe() block: its tests count
    const entry = files.get(file) ?? { ms: 0, tests: 0 };
    entry.ms += event.data.details?.duration_ms ?? 0;
    entry.tests += 1;
    files.set(file, entry);
  }
  const rows = [...files].sort((a, b) => b[1].ms - a[1].ms);
  for (const [file, e] of rows) {
    yield `e2e file: ${(e.ms / 1000).toFixed(1).padStart(6)} s in ${e.tests} tests  ${path.basename(file)}\n`;
  }
}
