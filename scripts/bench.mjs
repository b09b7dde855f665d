// `make bench`, browser half: serves dist/ on 127.0.0.1, drives headless Chromium through
// chromedriver for several rounds, and reports medians of
//   - what a first visit downloads (gzip bytes by type, of every request the page made:
//     the English demo page, and the same page with data-lang="tr"),
//   - time from navigation start to the first usable control (in-page performance.now()),
//   - time from a click on an answer's "Next" to the next question painted (in-page),
//   - JS heap and wasm memory after a completed quiz.
// Usage: node scripts/bench.mjs [dist] [rounds] [--json out.json]
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const dist = args[0] || 'dist';
const rounds = Number(args[1] || 5);

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
// Every file served, in order, so a round can tell what its page downloaded.
const served = [];
// The demo page in Turkish: the same page with data-lang="tr".
const turkishPage = readFileSync(join(dist, 'index.html'), 'utf8').replace('data-lang="en"', 'data-lang="tr"');
const server = createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (pathname === '/tr.html') {
    served.push('index.html');
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end(turkishPage);
    return;
  }
  const path = join(dist, pathname.replace(/\/$/, '/index.html'));
  if (existsSync(path) && path.startsWith(dist)) served.push(path.slice(dist.length + 1));
  if (!path.startsWith(dist) || !existsSync(path)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const driverPort = 9600 + Math.floor(Math.random() * 300);
const driver = spawn(process.env.CHROMEDRIVER || '/usr/bin/chromedriver', [`--port=${driverPort}`], { stdio: 'ignore' });
const base = `http://127.0.0.1:${driverPort}`;
async function call(method, path, body) {
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const json = await res.json();
  if (json.value && json.value.error) throw new Error(`${path}: ${json.value.message}`);
  return json.value;
}
for (let i = 0; i < 50; i++) {
  try { await call('GET', '/status'); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// In-page: answers every question by clicking its first option and "Next", timing each step
// from the click's event time to the frame after the next question is in the DOM.
const QUIZ = `
const done = arguments[0];
const host = document.querySelector('[data-guidepost]');
const root = host.shadowRoot;
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  root.querySelector('[data-action=start]').click();
  await frame();
  const steps = [];
  for (let i = 0; i < 8; i++) {
    const form = root.querySelector('[data-question]');
    const id = form.getAttribute('data-question');
    form.querySelector('[data-option]').click();
    await frame();
    const next = root.querySelector('[data-action=next]');
    const changed = () => root.querySelector('[data-outcome]') || root.querySelector('[data-question]')?.getAttribute('data-question') !== id;
    const rendered = new Promise((resolve) => {
      const observer = new MutationObserver(() => { if (changed()) { observer.disconnect(); resolve(performance.now()); } });
      observer.observe(root, { childList: true, subtree: true, attributes: true });
    });
    const t0 = performance.now();
    next.click();
    const t1 = changed() ? performance.now() : await rendered;
    // The frame that paints it: the next animation frame callback after the change.
    const t2 = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    steps.push({ work: t1 - t0, painted: t2 - t0 });
  }
  const core = await import('/guidepost-core.js');
  const wasm = await core.default();
  done({
    interactive: performance.getEntriesByName('guidepost:interactive')[0]?.startTime ?? NaN,
    steps,
    outcome: root.querySelector('[data-outcome]')?.getAttribute('data-outcome'),
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasmMemory: wasm.memory.buffer.byteLength,
  });
})().catch((e) => done({ error: String(e) }));
`;

/** A fresh browser (empty cache and storage) on `path`, once the widget is interactive;
 * with the files the page downloaded to get there. */
async function open(path) {
  const session = await call('POST', '/session', { capabilities: { alwaysMatch: { 'goog:chromeOptions': {
    binary: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--window-size=1280,900',
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'guidepost-bench-'))}`],
  } } } });
  const id = session.sessionId;
  served.length = 0;
  await call('POST', `/session/${id}/timeouts`, { script: 30000 });
  await call('POST', `/session/${id}/url`, { url: `${origin}${path}` });
  for (let i = 0; i < 100; i++) {
    const ready = await call('POST', `/session/${id}/execute/sync`, { script: `return performance.getEntriesByName('guidepost:interactive').length > 0`, args: [] });
    if (ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { id, downloaded: [...served] };
}

const typeOf = { '.html': 'HTML', '.css': 'CSS', '.js': 'JS', '.wasm': 'wasm', '.json': 'content' };
/** Gzip bytes by type of the files a first visit downloaded (`page`: the HTML it got). */
function firstVisitBytes(files, page) {
  const bytes = { HTML: 0, CSS: 0, JS: 0, wasm: 0, content: 0 };
  for (const file of new Set(files)) {
    const body = file === 'index.html' ? page : readFileSync(join(dist, file));
    bytes[typeOf[extname(file)]] += gzipSync(body, { level: 9 }).length;
  }
  bytes.total = Object.values(bytes).reduce((a, b) => a + b, 0);
  return { files: [...new Set(files)], ...bytes };
}

const results = [];
let englishFiles = [];
let turkishFiles = [];
try {
  for (let round = 0; round < rounds; round++) {
    const { id, downloaded } = await open('/');
    englishFiles = downloaded;
    try {
      const r = await call('POST', `/session/${id}/execute/async`, { script: QUIZ, args: [] });
      if (r.error) throw new Error(r.error);
      results.push(r);
    } finally {
      await call('DELETE', `/session/${id}`);
    }
  }
  const turkish = await open('/tr.html');
  turkishFiles = turkish.downloaded;
  await call('DELETE', `/session/${turkish.id}`);
} finally {
  driver.kill();
  server.close();
}

const bytes = firstVisitBytes(englishFiles, readFileSync(join(dist, 'index.html')));
const turkishBytes = firstVisitBytes(turkishFiles, turkishPage);

const work = results.flatMap((r) => r.steps.map((s) => s.work));
const painted = results.flatMap((r) => r.steps.map((s) => s.painted));
const report = {
  rounds,
  gzipBytes: bytes,
  turkishPageGzipBytes: turkishBytes,
  interactiveMs: median(results.map((r) => r.interactive)),
  // Work: from the click until the next question is in the DOM (the widget's own time).
  // Painted: until the next animation frame, which includes waiting for the frame boundary.
  stepWorkMs: { median: median(work), max: Math.max(...work) },
  stepPaintedMs: { median: median(painted), max: Math.max(...painted) },
  jsHeapBytes: median(results.map((r) => r.heap ?? 0)),
  wasmMemoryBytes: median(results.map((r) => r.wasmMemory)),
  outcome: results[0]?.outcome,
};

// Native engine microbenchmarks, when `cargo bench` has run (criterion's estimates).
report.engine = {};
for (const name of ['recommend', 'what_would_change']) {
  const file = join('target', 'criterion', name, 'new', 'estimates.json');
  if (existsSync(file)) report.engine[name] = { medianMicros: JSON.parse(readFileSync(file, 'utf8')).median.point_estimate / 1000 };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, { medianMicros }] of Object.entries(report.engine)) {
  console.log(`Engine, native: ${name.padEnd(18)} ${medianMicros.toFixed(1)} µs median`);
}
console.log(`Browser (${rounds} rounds, medians)`);
const sizes = (b) => ['HTML', 'CSS', 'JS', 'wasm', 'content', 'total'].map((k) => `${k} ${kb(b[k])}`).join(', ');
console.log(`  first visit, gzip     ${sizes(bytes)}`);
console.log(`  (Turkish page)        ${sizes(turkishBytes)}`);
console.log(`  time to interactive   ${report.interactiveMs.toFixed(1)} ms after navigation start`);
console.log(`  answer → next question rendered ${report.stepWorkMs.median.toFixed(2)} ms median, ${report.stepWorkMs.max.toFixed(2)} ms max`);
console.log(`  answer → next frame painted     ${report.stepPaintedMs.median.toFixed(2)} ms median, ${report.stepPaintedMs.max.toFixed(2)} ms max`);
console.log(`  after a full quiz     JS heap ${kb(report.jsHeapBytes)}, wasm memory ${kb(report.wasmMemoryBytes)}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
