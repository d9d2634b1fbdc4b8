// A node:test reporter that prints how long each test file ran, longest first: the span from the
// first to the last event seen from the file (wall time, running beside other files) and the sum of
// its tests' durations (describe() blocks not counted twice). tools/test prints its lines as "e2e file: ...".
import path from 'node:path';

export default async function* fileTimes(source) {
  const files = new Map();
  for await (const event of source) {
    const file = event.data?.file;
    if (!file) continue;
    const now = Date.now();
    const entry = files.get(file) ?? { first: now, last: now, testsMs: 0, tests: 0 };
    entry.last = now;
    if ((event.type === 'test:pass' || event.type === 'test:fail') &&
        event.data.details?.type !== 'suite') {
      entry.testsMs += event.data.details?.duration_ms ?? 0;
      entry.tests += 1;
    }
    files.set(file, entry);
  }
  const rows = [...files].map(([file, e]) => ({ file: path.basename(file), span: (e.last - e.first) / 1000,
    tests: e.tests, sum: e.testsMs / 1000 }));
  rows.sort((a, b) => b.span - a.span);
  for (const r of rows) {
    yield `e2e file: ${r.span.toFixed(1).padStart(6)} s  ${r.file} (${r.tests} tests, ${r.sum.toFixed(1)} s in tests)\n`;
  }
}
