// The wasm's imports without wasm-bindgen's hashes in their names, in the wasm and its JS glue
// alike. Called by scripts/postbuild.mjs on the widget's and the builder's files before they are
// named after their contents, and by scripts/wasm-breakdown.mjs, which rebuilds the wasm as the
// build made it.
//
// wasm-bindgen names each function the glue gives the wasm after the Rust item and a hash of 16
// hex digits (`__wbg_querySelector_72201b7c62dc196b`), to keep names apart that would otherwise
// meet. Those names only join an import of the wasm to a key of the glue's import object, and
// the hashes are noise that brotli cannot squeeze: 152 of them cost the nightly size build's
// wasm 1,287 B brotli and its glue 1,389 B (measured on the same build, brotli -q 11). Here each
// hash becomes the name's number among the imports of the same name before it, in as many
// digits (`__wbg_querySelector_0000000000000000`, `…_0000000000000001` for the next
// querySelector), so every name stays distinct and keeps its length: the wasm's bytes move
// nowhere, only the letters of the names change. A name already renamed is renamed to itself,
// so running this again on its own output changes nothing.

/** An unsigned LEB128 number at `at`: [value, the offset after it]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    if (at >= bytes.length) throw new Error("the wasm ends inside a number");
    byte = bytes[at++];
    value += (byte & 127) * 2 ** shift;
    shift += 7;
  } while (byte & 128);
  return [value, at];
}

/** The field names of the wasm's imports, each with the offset of its first byte. */
export function importNames(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    let size;
    [size, at] = leb(wasm, at + 1);
    if (id !== 2) {
      at += size;
      continue;
    }
    const names = [];
    let count;
    [count, at] = leb(wasm, at);
    for (let i = 0; i < count; i++) {
      let length;
      [length, at] = leb(wasm, at);
      at += length; // the module's name
      [length, at] = leb(wasm, at);
      names.push({ name: wasm.toString("latin1", at, at + length), at });
      at += length;
      const kind = wasm[at++];
      const limits = () => {
        const flags = wasm[at++];
        [, at] = leb(wasm, at);
        if (flags & 1) [, at] = leb(wasm, at);
      };
      if (kind === 0) [, at] = leb(wasm, at); // a function: its type
      else if (kind === 1) {
        if (wasm[at] !== 0x70 && wasm[at] !== 0x6f) throw new Error(`import ${i}: a table of an unknown element type`);
        at++;
        limits();
      } else if (kind === 2) limits();
      else if (kind === 3) {
        if (wasm[at] === 0x63 || wasm[at] === 0x64) throw new Error(`import ${i}: a global of a typed reference`);
        at += 2; // its type, mutable or not
      } else if (kind === 4) [, at] = leb(wasm, at + 1); // a tag: its type
      else throw new Error(`import ${i}: unknown kind ${kind}`);
    }
    return names;
  }
  return [];
}

const HASHED = /^(__wb\w*_)([0-9a-f]{16})$/;

/**
 * `wasm` (a Buffer) and its glue's text with wasm-bindgen's hashes in the import names replaced
 * (see above). Throws if an import to rename is not in the glue, or a new name would meet one
 * there already: the wasm and the glue must keep agreeing on every name.
 */
export function shortenImportNames(wasm, glue) {
  const out = Buffer.from(wasm);
  const seen = new Map();
  const renamed = [];
  for (const { name, at } of importNames(wasm)) {
    const m = HASHED.exec(name);
    if (!m) continue;
    const n = seen.get(m[1]) ?? 0;
    seen.set(m[1], n + 1);
    const next = m[1] + n.toString(16).padStart(16, "0");
    out.write(next, at, "latin1");
    if (next !== name) renamed.push([name, next]);
  }
  let text = glue;
  for (const [name, next] of renamed) {
    const word = (w) => new RegExp(`\\b${w}\\b`, "g");
    if (!word(name).test(text)) throw new Error(`the glue has no ${name}, which the wasm imports`);
    if (word(next).test(text)) throw new Error(`the glue has a ${next} already`);
    text = text.replace(word(name), next);
  }
  return { wasm: out, glue: text };
}
