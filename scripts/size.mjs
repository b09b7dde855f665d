// Measures what a first visit to the demo page downloads, gzip-compressed (level 9), and
// fails when the total exceeds the budget. Size is deterministic, so this runs in `make test`.
//   node scripts/size.mjs [dist] [--json out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 100 * 1024;
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const dir = args[0] || 'dist';

// Everything index.html makes the browser fetch: the page, its stylesheet, the loader, the
// wasm-bindgen glue and the wasm. Content is compiled into the wasm.
const files = [
  ['index.html', 'HTML'],
  ['page.css', 'CSS'],
  ['guidepost.js', 'JS'],
  ['guidepost-core.js', 'JS'],
  ['guidepost-core_bg.wasm', 'wasm'],
];

const rows = files.map(([file, type]) => {
  const bytes = readFileSync(join(dir, file));
  return { file, type, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const byType = {};
for (const r of rows) byType[r.type] = (byType[r.type] || 0) + r.gzip;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('file                      type        raw      gzip');
for (const r of rows) console.log(`${r.file.padEnd(26)}${r.type.padEnd(6)}${kb(r.raw).padStart(10)}${kb(r.gzip).padStart(10)}`);
console.log(`${'total'.padEnd(32)}${''.padStart(10)}${kb(total).padStart(10)}   (budget ${kb(BUDGET)})`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ files: rows, byType, total, budget: BUDGET }, null, 2));
if (total > BUDGET) {
  console.error(`size: ${kb(total)} gzip is over the ${kb(BUDGET)} budget`);
  process.exit(1);
}
