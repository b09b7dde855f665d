// Post-build step, run by Trunk (post_build hook) on its staging directory, or by hand on
// dist/. Idempotent.
//  1. Drops the wasm's custom "name" section (function names for debugging: about a quarter
//     of the file, and of no use to a visitor).
//  2. Removes the `<link data-trunk rel="rust">` Trunk leaves behind when it injects no
//     scripts (the page loads guidepost.js instead).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';

function readLeb(bytes, offset) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, offset];
}

/** The module without the custom sections named in `drop`. */
export function withoutCustomSections(bytes, drop) {
  const parts = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset < bytes.length) {
    const start = offset;
    const id = bytes[offset++];
    const [size, body] = readLeb(bytes, offset);
    const end = body + size;
    let keep = true;
    if (id === 0) {
      const [nameLength, nameStart] = readLeb(bytes, body);
      const name = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + nameLength));
      keep = !drop.includes(name);
    }
    if (keep) parts.push(bytes.subarray(start, end));
    offset = end;
  }
  return Buffer.concat(parts);
}

const wasmPath = join(dir, 'guidepost-core_bg.wasm');
if (existsSync(wasmPath)) {
  const before = readFileSync(wasmPath);
  const after = withoutCustomSections(before, ['name', 'producers']);
  writeFileSync(wasmPath, after);
  console.log(`postbuild: ${wasmPath} ${before.length} → ${after.length} bytes`);
}

const indexPath = join(dir, 'index.html');
if (existsSync(indexPath)) {
  const html = readFileSync(indexPath, 'utf8').replace(/[ \t]*<link data-trunk rel="rust"[^>]*>\n?/g, '');
  writeFileSync(indexPath, html);
}
