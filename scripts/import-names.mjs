// The wasm's imports under short names, in the wasm and its JS glue alike. Called by
// scripts/postbuild.mjs on the widget's and the builder's files before they are named after
// their contents, and by scripts/wasm-breakdown.mjs, which rebuilds the wasm as the build made
// it.
//
// wasm-bindgen names each function the glue gives the wasm after the Rust item and a hash of 16
// hex digits (`__wbg_querySelector_72201b7c62dc196b`), to keep names apart that would otherwise
// meet. Those names only join an import of the wasm to a key of the glue's import object, and
// the hashes are noise that brotli cannot squeeze. Here each such name becomes `_` and its
// number among the imports in base 36 (`_0`, `_1` ... `_47`: never a word of JavaScript). The
// wasm's import section is written again with the new names and nothing else in it changes (the
// code calls imports by their index, not their name); the glue's keys follow. Measured on the
// nightly size build's 152 imports (brotli -q 11): the hashes alone (numbered, in names of the
// same length) cost 1,268 B of the wasm and 1,376 B of the glue, the rest of the names 735 B of
// the wasm and 223 B of the glue; on the stable build 1,321 + 1,390 B and 731 + 257 B. What a
// name said is still in its function's body in the glue (`arg0.querySelector(...)`). Names
// already renamed do not match, so running this again on its own output changes nothing.

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

/** The wasm's import section: where it starts (its id), where its content starts (after its
 *  size) and where it ends, and each import's field name with the offsets of the name's length
 *  and of its first byte; `null` if the wasm has none. */
export function importSection(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at];
    let size;
    [size, at] = leb(wasm, at + 1);
    if (id !== 2) {
      at += size;
      continue;
    }
    const content = at;
    const end = at + size;
    const names = [];
    let count;
    [count, at] = leb(wasm, at);
    for (let i = 0; i < count; i++) {
      let length;
      [length, at] = leb(wasm, at);
      at += length; // the module's name
      const lengthAt = at;
      [length, at] = leb(wasm, at);
      names.push({ name: wasm.toString("latin1", at, at + length), lengthAt, at });
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
    if (at !== end) throw new Error("the import section's entries do not fill it");
    return { start, content, end, names };
  }
  return null;
}

/** An unsigned LEB128 number's bytes. */
function lebBytes(value) {
  const out = [];
  do {
    let byte = value & 127;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 128;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const HASHED = /^__wb\w*_[0-9a-f]{16}$/;

/**
 * `wasm` (a Buffer) and its glue's text with wasm-bindgen's hashed import names shortened (see
 * above). Throws if an import to rename is not in the glue, or a new name would meet one there
 * already: the wasm and the glue must keep agreeing on every name.
 */
export function shortenImportNames(wasm, glue) {
  const section = importSection(wasm);
  if (!section) return { wasm, glue };
  // The section's content, from the count of imports (unchanged) on, with the names replaced.
  const pieces = [];
  const renamed = [];
  let from = section.content;
  for (const { name, lengthAt, at } of section.names) {
    if (!HASHED.test(name)) continue;
    const next = `_${renamed.length.toString(36)}`;
    renamed.push([name, next]);
    pieces.push(wasm.subarray(from, lengthAt), lebBytes(next.length), Buffer.from(next, "latin1"));
    from = at + name.length;
  }
  if (renamed.length === 0) return { wasm, glue };
  pieces.push(wasm.subarray(from, section.end));
  const content = Buffer.concat(pieces);
  const out = Buffer.concat([
    wasm.subarray(0, section.start + 1), // everything before the section, and its id
    lebBytes(content.length),
    content,
    wasm.subarray(section.end),
  ]);
  let text = glue;
  for (const [name, next] of renamed) {
    const word = (w) => new RegExp(`\\b${w}\\b`, "g");
    if (!word(name).test(text)) throw new Error(`the glue has no ${name}, which the wasm imports`);
    if (word(next).test(text)) throw new Error(`the glue has a ${next} already`);
    text = text.replace(word(name), next);
  }
  return { wasm: out, glue: text };
}
