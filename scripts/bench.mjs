// `make bench`, browser half: serves dist/ on 127.0.0.1, drives headless Chromium through
// chromedriver for several rounds, and reports medians of
//   - what a first visit downloads (gzip bytes by type, of every request the page made:
//     the English demo page, and the same page in Turkish (tr.html),
//   - time from navigation start to the first usable control (in-page performance.now()),
//   - per kind of click (start, option, next, back, result, highlight-row, apply-change, undo,
//     language): click → next frame painted, median and worst, and the worst Event Timing
//     duration the browser reported for it; the clicks are WebDriver Element Clicks (trusted
//     input, so Chromium's Event Timing API sees them),
//   - JS heap and wasm memory after a completed quiz,
// then Lighthouse (mobile, simulated throttling, performance only) on the same demo page:
// performance score, LCP and TBT, median of 3 runs (1 if a run takes over 40 s).
// Usage: node scripts/bench.mjs [dist] [rounds] [--json out.json]
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const server = createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
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

// In-page instrumentation, installed once the widget is interactive and before any click.
// The test side pushes a mark { kind, at, until } just before each click; the first click event
// after it gets the mark's timings (a label forwarding a click to its input fires a second one):
//   t0     the click's event.timeStamp (capture phase on window, before any widget handler),
//   dom    until the first DOM mutation after which `until` holds (the widget's own work),
//   paint  until just after the frame that shows it: from the bubble-phase listener on window
//          (after the widget's handlers), requestAnimationFrame then a MessageChannel message,
//          which runs once that frame is produced. If `until` does not hold yet (the widget is
//          waiting on a fetch: the first switch to another language), it waits frame by frame.
// Event Timing entries (≥ 16 ms, the least the browser reports) are kept as they come.
const INSTRUMENT = `
const root = document.querySelector('[data-guidepost]').shadowRoot;
const bench = window.__bench = { marks: [], events: [], onpaint: null };
const holds = (u) => !u || ((!u.present || !!root.querySelector(u.present)) && (!u.absent || !root.querySelector(u.absent)));
const watch = { subtree: true, childList: true, attributes: true, characterData: true };
let current = null;
addEventListener('click', (e) => {
  const mark = bench.marks[bench.marks.length - 1];
  if (!mark || mark.t0 !== undefined) return;
  mark.t0 = e.timeStamp;
  mark.frames = 0;
  current = { e, mark, seen: new MutationObserver(() => {
    if (mark.dom === undefined && holds(mark.until)) mark.dom = performance.now() - mark.t0;
  }) };
  current.seen.observe(root, watch);
}, true);
addEventListener('click', (e) => {
  if (!current || current.e !== e) return;
  const { mark, seen } = current;
  current = null;
  const frame = () => requestAnimationFrame(() => {
    mark.frames++;
    const c = new MessageChannel();
    c.port1.onmessage = () => {
      if (!holds(mark.until)) return frame();
      mark.paint = performance.now() - mark.t0;
      seen.disconnect();
      bench.onpaint?.();
    };
    c.port2.postMessage(0);
  });
  frame();
});
const names = new Set(['click', 'pointerdown', 'pointerup']);
const keep = (entries) => {
  for (const e of entries) {
    if (names.has(e.name)) bench.events.push({ name: e.name, startTime: e.startTime, duration: e.duration,
      delay: e.processingStart - e.startTime, processing: e.processingEnd - e.processingStart });
  }
};
const observer = new PerformanceObserver((list) => keep(list.getEntries()));
observer.observe({ type: 'event', buffered: true, durationThreshold: 16 });
bench.flush = () => keep(observer.takeRecords());
`;
// Resolves once mark n's frame is painted (or says why it was not within 10 s).
const AWAIT_PAINT = `
const [n, done] = arguments;
const mark = window.__bench.marks[n];
const timer = setTimeout(() => done(mark.t0 === undefined ? 'no click event reached window' : 'the widget never reached ' + JSON.stringify(mark.until)), 10000);
const finish = () => { if (mark.paint !== undefined) { clearTimeout(timer); window.__bench.onpaint = null; done(null); } };
window.__bench.onpaint = finish;
finish();
`;
// Event Timing entries arrive after their frame and the observer's callback after that: wait a
// few frames and a moment, then take what is still queued.
const COLLECT = `
const done = arguments[0];
const frames = (n) => n ? requestAnimationFrame(() => frames(n - 1)) : setTimeout(() => { window.__bench.flush(); const { marks, events } = window.__bench; done({ marks, events }); }, 200);
frames(3);
`;
// The page's start-up work can run on after the interactive mark; a person's first click comes
// later than a driver's, so the clicks wait for the main thread to be idle (at most 3 s).
const SETTLE = `
const done = arguments[0];
const t = performance.now();
const idle = () => requestIdleCallback((d) => (d.timeRemaining() >= 45 || performance.now() - t > 3000 ? done() : idle()));
idle();
`;
// Memory after a completed quiz, in a session of its own driven in-page: chromedriver keeps every
// element it has handed out alive, and with them the DOM the widget has since replaced.
const MEMORY_QUIZ = `
const done = arguments[0];
const root = document.querySelector('[data-guidepost]').shadowRoot;
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  root.querySelector('[data-action=start]').click();
  await frame();
  for (let i = 0; i < 8; i++) {
    root.querySelector('[data-question] [data-option]').click();
    await frame();
    root.querySelector('[data-action=next]').click();
    await frame();
  }
  const wasm = await (await import('/guidepost-core.js')).default();
  done({
    outcome: root.querySelector('[data-outcome]')?.getAttribute('data-outcome'),
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasmMemory: wasm.memory.buffer.byteLength,
  });
})().catch((e) => done({ error: String(e) }));
`;

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const SHADOW = 'shadow-6066-11e4-a52e-4f735466cecf';

/** One round's clicks in session `id`, as a user would make them, each a WebDriver Element
 * Click on an element found in the widget's shadow root by its test hooks (data-action,
 * data-option, data-question, data-reason-row, data-flip, data-lang-option, data-outcome). */
async function quiz(id) {
  const exec = (script, args = []) => call('POST', `/session/${id}/execute/sync`, { script, args });
  const host = await call('POST', `/session/${id}/element`, { using: 'css selector', value: '[data-guidepost]' });
  const shadow = (await call('GET', `/session/${id}/element/${host[ELEMENT]}/shadow`))[SHADOW];
  const all = (css) => call('POST', `/session/${id}/shadow/${shadow}/elements`, { using: 'css selector', value: css });
  const attr = (el, name) => call('GET', `/session/${id}/element/${el[ELEMENT]}/attribute/${name}`);
  await exec(INSTRUMENT);
  await call('POST', `/session/${id}/execute/async`, { script: SETTLE, args: [] });
  let marks = 0;
  /** Clicks the `pick`-th match of `css` as `kind`, then waits for its frame: `until` is what
   * the widget shows once it has handled it ({ present, absent }: css selectors). */
  async function click(kind, css, until = null, pick = 0) {
    const found = await all(css);
    if (!found[pick]) throw new Error(`${kind}: no ${css} (#${pick}) in the widget`);
    await exec('window.__bench.marks.push({ kind: arguments[0], until: arguments[1], at: performance.now() })', [kind, until]);
    await call('POST', `/session/${id}/element/${found[pick][ELEMENT]}/click`, {});
    const failed = await call('POST', `/session/${id}/execute/async`, { script: AWAIT_PAINT, args: [marks++] });
    if (failed) throw new Error(`${kind}: ${failed}`);
  }
  const question = async () => attr((await all('[data-question]'))[0], 'data-question');

  await click('start', '[data-action="start"]', { present: '[data-question]' });
  const seen = [];
  for (let i = 0; i < 8; i++) {
    const qid = await question();
    seen.push(qid);
    // Once, on the third question: back to the second and on again.
    if (i === 2) {
      await click('back', '[data-question] [data-action="back"]', { present: `[data-question="${seen[1]}"]` });
      await click('next', '[data-action="next"]', { present: `[data-question="${qid}"]` });
    }
    // First and last options in turn: answers with what-would-change-it suggestions.
    const options = await all('[data-question] [data-option]');
    await click('option', '[data-question] [data-option]', null, i % 2 ? options.length - 1 : 0);
    if (i < 7) await click('next', '[data-action="next"]', { present: `[data-question]:not([data-question="${qid}"])` });
    else await click('result', '[data-action="next"]', { present: '[data-outcome]' });
  }
  const outcome = await attr((await all('[data-outcome]'))[0], 'data-outcome');

  // A reason's link to its comparison row (it marks the row data-highlighted and focuses it).
  const links = await all('[data-reason-row]');
  for (let i = 0; i < Math.min(3, links.length); i++) {
    const row = await attr(links[i], 'data-reason-row');
    await click('highlight-row', '[data-reason-row]', { present: `[data-row="${row}"][data-highlighted]` }, i);
  }
  const flips = await all('[data-flip]');
  for (let i = 0; i < Math.min(2, flips.length); i++) {
    const to = await attr((await all('[data-flip]'))[i], 'data-flip');
    await click('apply-change', '[data-flip] [data-action="apply-change"]', { present: `[data-outcome="${to}"]`, absent: `[data-outcome="${outcome}"]` }, i);
    await click('undo', '[data-action="undo"]', { present: `[data-outcome="${outcome}"]`, absent: '[data-action="undo"]' });
  }
  // The first switch fetches the other language's strings; later ones have them.
  const stage = (lang) => ({ present: `[data-stage][lang="${lang}"]` });
  await click('language-first', '[data-lang-option="tr"]', stage('tr'));
  await click('language', '[data-lang-option="en"]', stage('en'));
  await click('language', '[data-lang-option="tr"]', stage('tr'));
  await click('language', '[data-lang-option="en"]', stage('en'));

  const interactive = await exec(`return performance.getEntriesByName('guidepost:interactive')[0]?.startTime ?? NaN`);
  return { interactive, ...await call('POST', `/session/${id}/execute/async`, { script: COLLECT, args: [] }) };
}

/** A fresh browser (empty cache and storage) on `path`, once the widget is interactive;
 * with the files the page downloaded to get there. */
async function open(path) {
  const profile = mkdtempSync(join(tmpdir(), 'guidepost-bench-'));
  const session = await call('POST', '/session', { capabilities: { alwaysMatch: { 'goog:chromeOptions': {
    binary: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--window-size=1280,900',
      `--user-data-dir=${profile}`],
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
  return { id, profile, downloaded: [...served] };
}

/** Ends a session from `open` and removes its profile. */
async function close({ id, profile }) {
  await call('DELETE', `/session/${id}`);
  rmSync(profile, { recursive: true, force: true });
}

const typeOf = { '.html': 'HTML', '.css': 'CSS', '.js': 'JS', '.wasm': 'wasm', '.json': 'content' };
/** Gzip bytes by type of the files a first visit downloaded. */
function firstVisitBytes(files) {
  const bytes = { HTML: 0, CSS: 0, JS: 0, wasm: 0, content: 0 };
  for (const file of new Set(files)) {
    const body = readFileSync(join(dist, file));
    bytes[typeOf[extname(file)]] += gzipSync(body, { level: 9 }).length;
  }
  bytes.total = Object.values(bytes).reduce((a, b) => a + b, 0);
  return { files: [...new Set(files)], ...bytes };
}

/** Lighthouse's CLI (tools/lighthouse, pinned) on `url`: mobile, simulated throttling (its
 * defaults), performance only, in the same Chromium. Median of 3 runs, or 1 if a run is slow. */
async function lighthouse(url) {
  const cli = fileURLToPath(new URL('../tools/lighthouse/node_modules/lighthouse/cli/index.js', import.meta.url));
  if (!existsSync(cli)) return { skipped: 'not installed (npm ci --prefix tools/lighthouse; make bench does it)' };
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'guidepost-lighthouse-'));
    const out = join(dir, 'report.json');
    const started = Date.now();
    // Asynchronously: this process is also the server Lighthouse's page loads from.
    const stderr = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, url, '--only-categories=performance', '--output=json', `--output-path=${out}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu', '--quiet'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || process.env.CHROME_BIN || '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => { err += d; });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`Lighthouse exited with ${code}: ${err.trim().slice(-500)}`))));
    });
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const seconds = (Date.now() - started) / 1000;
    runs.push({
      score: Math.round(lhr.categories.performance.score * 100),
      lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
      tbtMs: lhr.audits['total-blocking-time'].numericValue,
      seconds,
      warnings: lhr.runWarnings,
    });
    if (stderr.trim()) console.error(stderr.trim());
    if (i === 0 && seconds > 40) break;
  }
  return {
    version: JSON.parse(readFileSync(join(cli, '..', '..', 'package.json'), 'utf8')).version,
    formFactor: 'mobile',
    throttling: 'simulate',
    runs,
    score: median(runs.map((r) => r.score)),
    lcpMs: median(runs.map((r) => r.lcpMs)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
  };
}

const results = [];
let englishFiles = [];
let turkishFiles = [];
let lighthouseReport;
try {
  for (let round = 0; round < rounds; round++) {
    const timed = await open('/');
    englishFiles = timed.downloaded;
    try {
      results.push(await quiz(timed.id));
    } finally {
      await close(timed);
    }
    const memory = await open('/');
    try {
      const r = await call('POST', `/session/${memory.id}/execute/async`, { script: MEMORY_QUIZ, args: [] });
      if (r.error) throw new Error(r.error);
      Object.assign(results[round], r);
    } finally {
      await close(memory);
    }
  }
  const turkish = await open('/tr.html');
  turkishFiles = turkish.downloaded;
  await close(turkish);
  try {
    lighthouseReport = await lighthouse(`${origin}/`);
  } catch (e) {
    lighthouseReport = { error: e.message };
    process.exitCode = 1;
  }
} finally {
  driver.kill();
  server.close();
}

const bytes = firstVisitBytes(englishFiles);
const turkishBytes = firstVisitBytes(turkishFiles);

// Each click, with the Event Timing entries that started between its mark and the next.
const KINDS = ['start', 'option', 'next', 'back', 'result', 'highlight-row', 'apply-change', 'undo', 'language-first', 'language'];
const clicks = results.flatMap(({ marks, events }) => marks.map((mark, i) => ({
  ...mark,
  events: events.filter((e) => e.startTime >= mark.at && (i + 1 === marks.length || e.startTime < marks[i + 1].at)),
})));
const stats = (xs) => ({ median: median(xs), max: Math.max(...xs) });
const perKind = {};
for (const kind of KINDS) {
  const these = clicks.filter((c) => c.kind === kind);
  if (!these.length) continue;
  const worst = these.flatMap((c) => c.events).reduce((w, e) => (!w || e.duration > w.duration
    // An interaction's entries mostly end at the same frame: then the click's, which has the handlers.
    || (e.duration === w.duration && e.name === 'click') ? e : w), null);
  perKind[kind] = {
    clicks: these.length,
    paintMs: stats(these.map((c) => c.paint)),
    domMs: these.some((c) => c.dom !== undefined) ? stats(these.filter((c) => c.dom !== undefined).map((c) => c.dom)) : null,
    // Frames painted before the widget showed the click's result (more than 1: it waited on a fetch).
    maxFrames: Math.max(...these.map((c) => c.frames)),
    // null: no entry reached the browser's 16 ms reporting threshold.
    eventTimingWorstMs: worst ? worst.duration : null,
    eventTimingWorst: worst && { name: worst.name, durationMs: worst.duration, inputDelayMs: worst.delay, processingMs: worst.processing },
  };
}
// The steps between questions and into the result, as this report always had them.
const steps = clicks.filter((c) => c.kind === 'next' || c.kind === 'result');
const report = {
  rounds,
  gzipBytes: bytes,
  turkishPageGzipBytes: turkishBytes,
  interactiveMs: median(results.map((r) => r.interactive)),
  // Work: from the click until the next question is in the DOM (the widget's own time).
  // Painted: until the frame that shows it is produced, which includes waiting for the frame.
  stepWorkMs: stats(steps.map((c) => c.dom)),
  stepPaintedMs: stats(steps.map((c) => c.paint)),
  clicks: perKind,
  jsHeapBytes: median(results.map((r) => r.heap ?? 0)),
  wasmMemoryBytes: median(results.map((r) => r.wasmMemory)),
  outcome: results[0]?.outcome,
  lighthouse: lighthouseReport,
};

// Native engine microbenchmarks, when `cargo bench` has run (criterion's estimates).
report.engine = {};
for (const name of ['recommend', 'what_would_change']) {
  const file = join('target', 'criterion', name, 'new', 'estimates.json');
  if (existsSync(file)) report.engine[name] = { medianMicros: JSON.parse(readFileSync(file, 'utf8')).median.point_estimate / 1000 };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
for (const [name, { medianMicros }] of Object.entries(report.engine)) {
  console.log(`Engine, native: ${name.padEnd(18)} ${medianMicros.toFixed(1)} µs median`);
}
console.log(`Browser (${rounds} rounds, medians)`);
const sizes = (b) => ['HTML', 'CSS', 'JS', 'wasm', 'content', 'total'].map((k) => `${k} ${kb(b[k])}`).join(', ');
console.log(`  first visit, gzip     ${sizes(bytes)}`);
console.log(`  (Turkish page)        ${sizes(turkishBytes)}`);
console.log(`  time to interactive   ${report.interactiveMs.toFixed(1)} ms after navigation start`);
console.log(`  answer → next question in the DOM ${report.stepWorkMs.median.toFixed(2)} ms median, ${report.stepWorkMs.max.toFixed(2)} ms max`);
console.log(`  after a full quiz     JS heap ${kb(report.jsHeapBytes)}, wasm memory ${kb(report.wasmMemoryBytes)}`);
console.log('  click → next frame painted, by kind of click (all rounds; trusted WebDriver clicks)');
console.log(`    ${'kind'.padEnd(15)} ${'clicks'.padStart(6)} ${'median'.padStart(9)} ${'worst'.padStart(9)}   Event Timing worst (input delay + processing)`);
for (const [kind, k] of Object.entries(perKind)) {
  const et = k.eventTimingWorst
    ? `${k.eventTimingWorst.durationMs} ms (${k.eventTimingWorst.name}: ${ms(k.eventTimingWorst.inputDelayMs)} + ${ms(k.eventTimingWorst.processingMs)})`
    : '< 16 ms';
  console.log(`    ${kind.padEnd(15)} ${String(k.clicks).padStart(6)} ${ms(k.paintMs.median).padStart(9)} ${ms(k.paintMs.max).padStart(9)}   ${et}`);
}
const lh = report.lighthouse;
if (lh.error) console.log(`Lighthouse: failed: ${lh.error}`);
else if (lh.skipped) console.log(`Lighthouse: skipped, ${lh.skipped}`);
else {
  console.log(`Lighthouse ${lh.version} (mobile, simulated throttling; median of ${lh.runs.length} run${lh.runs.length > 1 ? 's' : ''})`);
  console.log(`  performance ${lh.score}, LCP ${lh.lcpMs.toFixed(0)} ms, TBT ${lh.tbtMs.toFixed(0)} ms`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
