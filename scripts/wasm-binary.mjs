// Edits to a built wasm module, for scripts/postbuild.mjs: dropping custom sections, and
// shortening the names the wasm-bindgen glue and the wasm know each other by.
//
// wasm-bindgen names every import after the JS function and a 16-digit hash
// (`__wbg_appendChild_dbf7ad2f48413560`), and several exports likewise. Each name is written
// once in the wasm and once in the glue, and the hashes do not compress: together they are a
// few KB of every first visit. Here each becomes a short name (`i0`, `i1`, …; `e0`, …) in
// both files. Public names (the glue's own exports: `mount`, `MountHandle`, …) do not change.
//
// Strict: if a name is not found in the glue exactly as expected, nothing is written and the
// build fails, rather than shipping a wasm its glue cannot instantiate.

function readLeb(bytes, offset) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, offset];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function readName(bytes, offset) {
  const [length, start] = readLeb(bytes, offset);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

const name = (text) => {
  const encoded = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(encoded.length), encoded]);
};

/** The module without the custom sections named in `drop`. */
export function withoutCustomSections(bytes, drop) {
  const parts = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset < bytes.length) {
    const start = offset;
    const id = bytes[offset++];
    const [size, body] = readLeb(bytes, offset);
    const end = body + size;
    if (id !== 0 || !drop.includes(readName(bytes, body)[0])) parts.push(bytes.subarray(start, end));
    offset = end;
  }
  return Buffer.concat(parts);
}

/** Skips an import's description (function, table, memory, global or tag). */
function skipImportDescription(bytes, offset) {
  const kind = bytes[offset++];
  let flags;
  switch (kind) {
    case 0: return readLeb(bytes, offset)[1];
    case 1: offset++; // reference type, then limits
    // falls through
    case 2:
      flags = bytes[offset++];
      offset = readLeb(bytes, offset)[1];
      return flags & 1 ? readLeb(bytes, offset)[1] : offset;
    case 3: return offset + 2;
    case 4: return readLeb(bytes, offset + 1)[1];
    default: throw new Error(`shortenNames: unknown import kind ${kind}`);
  }
}

// Names wasm-bindgen generates for its own plumbing: safe to rename on both sides.
const GENERATED = /^(__wbg_|__wbindgen_|__externref_|wasm_bindgen__|[a-z]+handle_)/;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The wasm and glue with short names. `module` is the import module name the glue uses for
 * its functions (`./<name>_bg.js`), renamed to `w`.
 */
export function shortenNames(wasm, glue, module) {
  const parts = [wasm.subarray(0, 8)];
  const imports = new Map();
  const exports = new Map();
  let offset = 8;
  while (offset < wasm.length) {
    const start = offset;
    const id = wasm[offset++];
    const [size, body] = readLeb(wasm, offset);
    const end = body + size;
    offset = end;
    if (id !== 2 && id !== 7) {
      parts.push(wasm.subarray(start, end));
      continue;
    }
    let [count, at] = readLeb(wasm, body);
    const entries = [leb(count)];
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const [from, fieldAt] = readName(wasm, at);
        const [field, descriptionAt] = readName(wasm, fieldAt);
        at = skipImportDescription(wasm, descriptionAt);
        let short = field;
        if (from === module && GENERATED.test(field)) {
          short = `i${imports.size.toString(36)}`;
          imports.set(field, short);
        }
        entries.push(name(from === module ? 'w' : from), name(short), wasm.subarray(descriptionAt, at));
      } else {
        const [field, kindAt] = readName(wasm, at);
        at = readLeb(wasm, kindAt + 1)[1];
        let short = field;
        if (GENERATED.test(field)) {
          short = `e${exports.size.toString(36)}`;
          exports.set(field, short);
        }
        entries.push(name(short), wasm.subarray(kindAt, at));
      }
    }
    const section = Buffer.concat(entries);
    parts.push(Buffer.from([id]), leb(section.length), section);
  }

  let text = glue;
  const quotedModule = JSON.stringify(module);
  if (text.split(quotedModule).length !== 2) {
    throw new Error(`shortenNames: expected the module name ${quotedModule} once in the glue`);
  }
  text = text.replace(quotedModule, '"w"');
  for (const [from, to] of imports) {
    const pattern = new RegExp(`(?<![\\w$])${escape(from)}(?![\\w$])`, 'g');
    const found = text.match(pattern)?.length ?? 0;
    if (found !== 1) throw new Error(`shortenNames: import ${from} appears ${found} times in the glue, not once`);
    text = text.replace(pattern, to);
  }
  for (const [from, to] of exports) {
    const pattern = new RegExp(`(?<=\\.)${escape(from)}(?![\\w$])`, 'g');
    if (!pattern.test(text)) throw new Error(`shortenNames: export ${from} is not used by the glue`);
    text = text.replace(pattern, to);
  }
  return { wasm: Buffer.concat(parts), glue: text, renamed: imports.size + exports.size };
}
