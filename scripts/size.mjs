// Measures what a first visit downloads, gzip-compressed (level 9), and fails when it
// exceeds the budget. Two first visits: the demo page (English, the core build) and the same
// page in Turkish (tr.html: the Turkish core build). Size is deterministic, so this runs in
// `make test`.
//   node scripts/size.mjs [dist] [--json out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 100 * 1024;
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const dir = args[0] || 'dist';

// Everything the page makes the browser fetch: the page (its own stylesheet inlined), the
// widget's stylesheet (inlined instead when the page prerenders its widget's first view), the
// loader, the wasm-bindgen glue and the wasm of the core build for its language. Content is
// compiled in.
const prerendered = (html) => readFileSync(join(dir, html), 'utf8').includes('shadowrootmode=');
const page = (html, core) => [
  [html, 'HTML'],
  ...(prerendered(html) ? [] : [['guidepost.css', 'CSS']]),
  ['guidepost.js', 'JS'],
  [`guidepost-${core}.js`, 'JS'],
  [`guidepost-${core}_bg.wasm`, 'wasm'],
];
const visits = [
  { name: 'English page (the demo)', files: page('index.html', 'core') },
  { name: 'Turkish page', files: page('tr.html', 'core-tr') },
];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const measure = ([file, type]) => {
  const bytes = readFileSync(join(dir, file));
  return { file, type, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

let over = false;
for (const visit of visits) {
  visit.rows = visit.files.map(measure);
  visit.total = visit.rows.reduce((sum, r) => sum + r.gzip, 0);
  visit.byType = {};
  for (const r of visit.rows) visit.byType[r.type] = (visit.byType[r.type] || 0) + r.gzip;
  console.log(`${visit.name}\nfile                         type        raw      gzip`);
  for (const r of visit.rows) console.log(`${r.file.padEnd(29)}${r.type.padEnd(6)}${kb(r.raw).padStart(10)}${kb(r.gzip).padStart(10)}`);
  console.log(`${'total'.padEnd(35)}${''.padStart(10)}${kb(visit.total).padStart(10)}   (budget ${kb(BUDGET)})\n`);
  if (visit.total > BUDGET) {
    console.error(`size: the ${visit.name}'s first visit, ${kb(visit.total)} gzip, is over the ${kb(BUDGET)} budget`);
    over = true;
  }
}
if (jsonOut) {
  const report = visits.map(({ name, rows, byType, total }) => ({ name, files: rows, byType, total }));
  writeFileSync(jsonOut, JSON.stringify({ visits: report, budget: BUDGET }, null, 2));
}
if (over) process.exit(1);
