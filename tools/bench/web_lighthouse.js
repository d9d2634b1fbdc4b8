// Lighthouse as a judge (issue 26): scores the page as tools/dist builds it (build/dist, or
// $RENEWDESK_DIST), served the way partners serve it: Debian's nginx with the shipped
// web/deploy/nginx.conf over TLS (a throw-away self-signed certificate), the API proxied to a sandbox.
// Lighthouse is pinned in tools/bench/lighthouse/package-lock.json and installed there by `npm ci` on
// first use; it drives Debian's Chromium headless. Each preset (mobile: Lighthouse's default, a Moto G
// Power with 4× CPU slowdown and simulated slow 4G; desktop: --preset=desktop) runs RUNS times
// (default 3) and prints the performance score and its metrics (median, and min–max).
// Asserts nothing: a benchmark, not a test.
//
// Usage: node tools/bench/web_lighthouse.js [RUNS]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, startSandbox } from '../e2e/harness.js';
import { dist, makeCertificate, makeClient, nginxSite, onFreePorts, startNginx, stopServer } from '../e2e/hosting_support.js';

const RUNS = Number(process.argv[2] ?? 3);
const lighthouseDir = path.join(root, 'tools/bench/lighthouse');
const lighthouse = path.join(lighthouseDir, 'node_modules/.bin/lighthouse');

if (!readdirSync(dist).some((f) => f.endsWith('.wasm'))) {
  console.error(`web_lighthouse: ${dist} holds no built page; build it with: tools/dist build/dist`);
  process.exit(2);
}
if (!existsSync(lighthouse)) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: lighthouseDir, stdio: 'inherit' });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'renewdesk-lighthouse-'));
const { certFile, keyFile, certificate } = makeCertificate(dir);
const client = makeClient(certificate);
const sandbox = await startSandbox(['--require-user-agent', 'OpenAPI'], { servePage: false });
let nginx = null;
let base = '';
await onFreePorts(2, async ([httpPort, httpsPort]) => {
  base = `https://127.0.0.1:${httpsPort}`;
  writeFileSync(path.join(dir, 'site.conf'), nginxSite(sandbox.url, { httpPort, httpsPort, certFile, keyFile }));
  nginx = await startNginx(dir, base, client.request);
  return nginx !== null;
}, `nginx (see ${dir}/error.log)`);

// When the wasm's download ended in the observed (unthrottled) load, in ms. Lantern's LCP counts a
// request that ended before the observed LCP paint as that paint's prerequisite: a run whose local
// wasm download beat the first paint by a millisecond simulates LCP after the whole wasm (~2.9 s on
// the mobile preset), one where the paint came first at ~1.4 s. (Lighthouse 12.2.3's LCP-element
// gatherer fails on this Chromium, so the element itself is not reported.)
function wasmEnd(report) {
  const items = report.audits['network-requests']?.details?.items ?? [];
  return items.find((item) => /\.wasm$/.test(item.url))?.networkEndTime;
}

// One Lighthouse run; its JSON report's performance score and metrics.
function run(preset) {
  const args = [base + '/', '--quiet', '--output=json', '--output-path=stdout', '--only-categories=performance',
    '--chrome-flags=--headless=new --no-sandbox --ignore-certificate-errors --disable-gpu-sandbox'];
  if (preset === 'desktop') args.push('--preset=desktop');
  const result = spawnSync(lighthouse, args, {
    encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' },
  });
  if (result.status !== 0) return { error: (result.stderr || '').trim().split('\n').slice(-3).join(' ') };
  const report = JSON.parse(result.stdout);
  // RD_LIGHTHOUSE_REPORTS=DIR keeps every JSON report there, for a look at what a run simulated.
  if (process.env.RD_LIGHTHOUSE_REPORTS) {
    writeFileSync(path.join(process.env.RD_LIGHTHOUSE_REPORTS, `${preset}-${Date.now()}.json`), result.stdout);
  }
  const audit = (id) => report.audits[id]?.numericValue;
  return {
    score: report.categories.performance.score,
    fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'),
    si: audit('speed-index'), cls: audit('cumulative-layout-shift'), tti: audit('interactive'),
    bytes: audit('total-byte-weight'),
    longTasks: (report.audits['long-tasks']?.details?.items ?? []).map((t) => Math.round(t.duration)),
    version: report.lighthouseVersion,
    // What the simulation started from: the load as observed (unthrottled), and the LCP element.
    observed: report.audits.metrics?.details?.items?.[0] ?? {},
    wasmEnd: wasmEnd(report),
  };
}

const results = { mobile: [], desktop: [] };
try {
  for (let i = 0; i < RUNS; ++i) {
    for (const preset of ['mobile', 'desktop']) results[preset].push(run(preset));
  }
} finally {
  await stopServer(nginx);
  sandbox.stop();
  client.close();
  rmSync(dir, { recursive: true, force: true });
}

const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cell = (runs, key, digits = 0, scale = 1) => {
  const list = runs.map((r) => r[key]).filter((v) => typeof v === 'number').map((v) => v * scale);
  if (!list.length) return '?';
  const lo = Math.min(...list).toFixed(digits);
  const hi = Math.max(...list).toFixed(digits);
  return `${median(list).toFixed(digits)}${lo === hi ? '' : ` (${lo}–${hi})`}`;
};
const version = [...results.mobile, ...results.desktop].find((r) => r.version)?.version ?? '?';
console.log(`lighthouse ${version}: ${base}/ (tools/dist's page behind the shipped nginx.conf), ${RUNS} runs per preset, median (min–max)`);
console.log('');
console.log('| preset | performance | FCP ms | LCP ms | TBT ms | Speed Index ms | TTI ms | CLS | bytes (KB) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const preset of ['mobile', 'desktop']) {
  const runs = results[preset].filter((r) => !r.error);
  console.log(`| ${preset} | ${cell(runs, 'score', 2)} | ${cell(runs, 'fcp')} | ${cell(runs, 'lcp')} | ${cell(runs, 'tbt')} | ` +
    `${cell(runs, 'si')} | ${cell(runs, 'tti')} | ${cell(runs, 'cls', 3)} | ${cell(runs, 'bytes', 1, 1 / 1024)} |`);
}
console.log('goals: mobile ≥ 0.95, desktop 1.0');
for (const preset of ['mobile', 'desktop']) {
  for (const [i, r] of results[preset].entries()) {
    if (r.error) console.log(`${preset} run ${i + 1} failed: ${r.error}`);
    else {
      const o = r.observed;
      const ms = (v) => (v === undefined ? '?' : Math.round(v));
      console.log(`${preset} run ${i + 1}: score ${r.score.toFixed(2)}, LCP ${ms(r.lcp)} ms (observed unthrottled: ` +
        `LCP ${ms(o.observedLargestContentfulPaint)}, the wasm's download ended ${ms(r.wasmEnd)}); ` +
        `long tasks (ms, as Lighthouse simulated them): ${r.longTasks.join(', ') || 'none'}`);
    }
  }
}
