// Post-build step, run by Trunk (post_build hook) on its staging directory, or by hand on
// a fresh dist/ (steps 4 and 5 expect the JavaScript as built, not yet minified).
//  1. Runs a few of wasm-opt's passes on each wasm, drops its custom sections (function names
//     for debugging: about a quarter of the file, and of no use to a visitor), and shortens
//     the names the glue and the wasm know each other by (scripts/wasm-binary.mjs); the glue's
//     `debugString` becomes one line (see `plainDebugString`).
//  2. Removes the `<link data-trunk rel="rust">` Trunk leaves behind when it injects no
//     scripts (the page loads guidepost.js instead).
//  3. Writes guidepost-texts-<lang>.json for every language: the strings of
//     content/<lang>.json in document order, which a core build (one language compiled in)
//     lays over its content structure when a widget needs another language (build.rs checks
//     the order).
//  3b. Inlines target/guidepost-facts.js (written by build.rs) into guidepost.js.
//  3c. Writes the demo page in Turkish (tr.html).
//  4. Writes guidepost-offline.html: index.html with its CSS, the loader, the wasm-bindgen
//     glue and the wasm (base64) inlined, so it opens from file:// with no network, and its
//     widget's first view prerendered (target/prerender-en.html, written by
//     scripts/postbuild.sh), so it shows at once, and with scripting off.
//  5. Minifies the JavaScript a visitor downloads (the loader and the wasm-bindgen glues)
//     with terser, once step 4 has read them as they were built.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { shortenNames, withoutCustomSections } from './wasm-binary.mjs';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';

// Binaryen's wasm-opt (npm, pinned in package.json), with the passes that make this wasm
// smaller once gzipped. Its -Oz preset shrinks the file but grows the gzip (measured on this
// code), so only these run: merging duplicate functions, tidier locals and branches.
// --merge-similar-functions is left out: its merged bodies with thunks shrink the file but
// grow the gzip (0.17 KB, measured).
const WASM_OPT = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));
const WASM_OPT_ROUND = [
  '--duplicate-function-elimination', '--coalesce-locals', '--reorder-locals', '--remove-unused-brs',
  '--vacuum', '--precompute', '--merge-blocks', '--optimize-instructions',
  '--remove-unused-module-elements',
  // Then: arguments every caller passes alike dropped, constants carried through locals, and
  // a tidy-up (0.5 KB less gzip on the core builds, measured).
  '--dae-optimizing', '--precompute-propagate', '--optimize-instructions', '--simplify-locals-nostructure',
  '--vacuum',
];
// Two rounds, with redundant stores to locals dropped between them: each round leaves work
// for the next (0.5 KB less gzip on both core builds, measured; a third round gains 50 bytes).
// Last, identical code at the ends of branches and functions folded into one, and the branches
// and blocks that leaves tidied: 0.6 KB less wasm on both core builds, 50 bytes less gzip
// (zlib at level 9, as `make size` and most servers compress; GNU gzip finds 0.7 KB less, so
// the gain depends on the server's compressor).
const WASM_OPT_PASSES = [...WASM_OPT_ROUND, '--rse', '--vacuum', ...WASM_OPT_ROUND, '--code-folding',
  '--remove-unused-brs', '--vacuum', '--merge-blocks'];

for (const kind of ['core', 'core-tr', 'full']) {
  const path = join(dir, `guidepost-${kind}_bg.wasm`);
  const gluePath = join(dir, `guidepost-${kind}.js`);
  if (!existsSync(path) || !existsSync(gluePath)) continue;
  const before = readFileSync(path);
  const optimized = spawnSync(WASM_OPT, [...WASM_OPT_PASSES, path, '-o', path], { stdio: 'inherit' });
  if (optimized.status !== 0) throw new Error(`postbuild: wasm-opt failed on ${path}`);
  const stripped = withoutCustomSections(readFileSync(path), ['name', 'producers', 'target_features']);
  const { wasm, glue: shortened, renamed } = shortenNames(stripped, readFileSync(gluePath, 'utf8'), `./guidepost-${kind}_bg.js`);
  // Nothing calls the glue's synchronous initSync (the loader awaits the default export), so
  // it is not exported, and the minifier drops it.
  const glue = plainDebugString(replaceExactly(shortened, 'export { initSync, __wbg_init as default };',
    'export { __wbg_init as default };', `the glue's exports in ${gluePath}`), gluePath);
  writeFileSync(path, wasm);
  writeFileSync(gluePath, glue);
  console.log(`postbuild: ${path} ${before.length} → ${wasm.length} bytes (${renamed} names shortened)`);
}
const wasmPath = join(dir, 'guidepost-full_bg.wasm');

/** The glue with a one-line `debugString`: the text of a JavaScript value in a Rust panic's
 *  message (a failed `expect` in Yew), which the glue writes out at length (classes, arrays,
 *  errors with their stacks); `String()` of it says what a message needs (0.27 KB less
 *  gzip for every visitor, measured). */
function plainDebugString(glue, path) {
  const start = glue.indexOf('function debugString(val) {');
  const end = glue.indexOf('\n}\n', start);
  if (start < 0 || end < 0) throw new Error(`postbuild: cannot find debugString in ${path}; update scripts/postbuild.mjs`);
  return `${glue.slice(0, start)}function debugString(val) {
  try { return String(val); } catch { return typeof val; }
}${glue.slice(end + 2)}`;
}

/** Every string in `value`, in document order. */
function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

const contentDir = join(dir, 'content');
if (existsSync(contentDir)) {
  for (const file of readdirSync(contentDir)) {
    const lang = file.replace(/\.json$/, '');
    if (lang === file) continue;
    const texts = strings(JSON.parse(readFileSync(join(contentDir, file), 'utf8')));
    const path = join(dir, `guidepost-texts-${lang}.json`);
    writeFileSync(path, JSON.stringify(texts));
    console.log(`postbuild: ${path} (${texts.length} texts)`);
  }
}

// guidepost.js imports what it shares with the wasm from the module build.rs writes
// (target/guidepost-facts.js): inlined, so a first visit makes no extra request for it.
const loaderPath = join(dir, 'guidepost.js');
if (existsSync(loaderPath)) {
  const loader = readFileSync(loaderPath, 'utf8');
  const factsImport = /^import \{[^}]*\} from '\.\/guidepost-facts\.js';$/m;
  if (factsImport.test(loader)) {
    const facts = readFileSync(fileURLToPath(new URL('../target/guidepost-facts.js', import.meta.url)), 'utf8')
      .replace(/^export /gm, '');
    writeFileSync(loaderPath, loader.replace(factsImport, () => facts));
  }
}

const indexPath = join(dir, 'index.html');
if (existsSync(indexPath)) {
  // And the blank lines Trunk leaves where its other links were, and the demo page's inlined
  // stylesheet without its comments and indentation.
  const html = readFileSync(indexPath, 'utf8').replace(/[ \t]*<link data-trunk rel="rust"[^>]*>\n?/g, '')
    .replace(/\n(?:[ \t]*\n)+/g, '\n')
    .replace(/<style>([^<]*)<\/style>/g, (_, css) =>
      `<style>${css.replace(/\/\*[^*]*\*\//g, '').replace(/\s*([{};:,])\s*/g, '$1').replace(/\s+/g, ' ').trim()}</style>`);
  writeFileSync(indexPath, html);
  writeFileSync(join(dir, 'tr.html'), turkishPage(html));
}

/** `html` with its widget element holding the first view in `lang`, as a declarative shadow
 *  root: shown before any script runs, and with scripting off. */
function withPrerender(html, lang) {
  const view = readFileSync(fileURLToPath(new URL(`../target/prerender-${lang}.html`, import.meta.url)), 'utf8');
  const element = /<div data-guidepost[^>]*>(?=<\/div>)/;
  const found = html.match(element);
  if (!found) throw new Error('postbuild: cannot find the demo page\'s empty widget element; update scripts/postbuild.mjs');
  return replaceExactly(html, found[0], found[0] + view, 'the widget element');
}

/** The demo page in Turkish: the page's own words, and its widget's language and call to
 *  action. */
function turkishPage(html) {
  for (const [from, to] of [
    ['<html lang="en">', '<html lang="tr">'],
    ['<title>Coaching or mentoring? · Guidepost</title>', '<title>Koçluk mu, mentorluk mu? · Guidepost</title>'],
    ['content="Executive coaching and mentoring side by side, and a two-minute self-assessment."',
      'content="Yönetici koçluğu ile mentorluk yan yana ve iki dakikalık bir öz değerlendirme."'],
    ['<p>Executive development</p>', '<p>Yönetici gelişimi</p>'],
    ['data-lang="en"', 'data-lang="tr"'],
    ['data-cta-label="Book a conversation"', 'data-cta-label="Görüşme planlayın"'],
  ]) html = replaceExactly(html, from, to, `"${from}" in index.html`);
  return html;
}

/** Replaces `from` in `text`, failing loudly if the build output changed shape. */
function replaceExactly(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`postbuild: cannot find ${what}; update scripts/postbuild.mjs`);
  return text.replace(from, () => to);
}

function offlinePage() {
  let html = withPrerender(readFileSync(indexPath, 'utf8'), 'en');
  // The offline file carries the full build, so overrides work there too.
  const glue = readFileSync(join(dir, 'guidepost-full.js'), 'utf8');
  const loader = readFileSync(join(dir, 'guidepost.js'), 'utf8');
  const wasm = readFileSync(wasmPath).toString('base64');

  // The glue becomes plain declarations in the same module; its `mount` is renamed to the
  // name the loader imports it as.
  let inlineGlue = replaceExactly(glue, 'export function mount(', 'function inlineMount(', 'the glue\'s mount export');
  inlineGlue = inlineGlue.replace(/^export \{[^}]*\};?\s*$/m, '').replace(/^export (class|function|async function) /gm, '$1 ');
  const loadModule = loader.slice(loader.indexOf('async function loadModule('), loader.indexOf('const modules = new Map();'));
  if (!loadModule.startsWith('async function loadModule(')) throw new Error('postbuild: cannot find loadModule in guidepost.js');
  let inlineLoader = replaceExactly(loader, loadModule, `async function loadModule() {
  await __wbg_init({ module_or_path: Uint8Array.from(atob('${wasm}'), (c) => c.charCodeAt(0)) });
  return { mount: inlineMount };
}

`, 'the loader\'s module loading');
  inlineLoader = inlineLoader.replace(/^export default .*$/m, '').replace(/^export (async function|function) /gm, '$1 ');
  // "</script" anywhere in the code (a comment, a string) would end the inline script early.
  const code = `${inlineGlue}\n${inlineLoader}`.replace(/<\/(script)/gi, '<\\/$1');
  const script = `<script type="module">\n${code}\n</script>`;

  html = html.replace(/<link rel="stylesheet" href="([^"]+)"[^>]*>/g, (_, href) =>
    `<style>\n${readFileSync(join(dir, href.replace(/^\.?\//, '')), 'utf8')}\n</style>`);
  html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>\n?/g, '');
  html = replaceExactly(html, '<script type="module" src="guidepost.js"></script>', script, 'the loader script tag');
  writeFileSync(join(dir, 'guidepost-offline.html'), html);
  console.log(`postbuild: ${join(dir, 'guidepost-offline.html')} ${html.length} bytes`);
}

if (existsSync(indexPath) && existsSync(wasmPath)) offlinePage();

for (const file of ['guidepost.js', 'guidepost-core.js', 'guidepost-core-tr.js', 'guidepost-full.js']) {
  const path = join(dir, file);
  if (!existsSync(path)) continue;
  const source = readFileSync(path, 'utf8');
  if (source.startsWith('/*! minified */')) continue;
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, `/*! minified */${code}`);
  console.log(`postbuild: ${path} ${source.length} → ${code.length} bytes`);
}
