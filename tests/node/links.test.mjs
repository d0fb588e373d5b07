// Every relative link and every anchor in the repository's Markdown files leads somewhere: a
// link to a file names a file or folder that exists, and a `#fragment` names a heading of the
// target file (GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens, `-1`,
// `-2` for repeats) or an element `id`/`name` written in it. A reader who follows a link in the
// README or a guide never lands on a 404 or at the top of the wrong page.
//
// External links (http:, https:, mailto: and any other scheme) are not followed: the tests run
// without a network. Links inside code (fenced blocks, indented blocks, `code spans`) are text,
// not links, and are skipped, as GitHub renders them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Folders that hold no documentation of ours: installed packages anywhere, and the build's
 * output at the root (tests/release/ is ours). */
const SKIP_ANYWHERE = new Set(['.git', 'node_modules']);
const SKIP_AT_ROOT = new Set(['target', 'dist', 'release']);

/** Every `*.md` file under `dir`, as paths relative to the repository's root. */
function markdownFiles(dir = '') {
  const out = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_ANYWHERE.has(entry.name) && !(dir === '' && SKIP_AT_ROOT.has(entry.name))) out.push(...markdownFiles(rel));
    } else if (entry.name.endsWith('.md')) {
      out.push(rel);
    }
  }
  return out.sort();
}

/**
 * The lines of a Markdown file with what GitHub does not render as Markdown blanked out: front
 * matter, fenced and indented code blocks, and code spans (replaced by spaces, so that line
 * numbers stay right). Each line is `{ n, text, code }`; `code` is true for lines in a block.
 */
function proseLines(source) {
  const lines = source.split(/\r?\n/);
  const out = [];
  let fence = null;
  let frontMatter = /^(---|\+\+\+)\s*$/.test(lines[0] ?? '') ? lines[0].trim() : null;
  let previousBlank = true;
  let inList = false;
  lines.forEach((text, i) => {
    const n = i + 1;
    if (frontMatter) {
      if (i > 0 && text.trim() === frontMatter) frontMatter = null;
      out.push({ n, text: '', code: true });
      return;
    }
    const open = /^\s*(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && text.trim() === open[1]) fence = null;
      out.push({ n, text: '', code: true });
      return;
    }
    if (open) {
      fence = open[1];
      out.push({ n, text: '', code: true });
      return;
    }
    // An indented code block starts after a blank line, unless it continues a list item (whose
    // own lines are indented).
    const blank = text.trim() === '';
    const listItem = /^\s*([-*+]|\d+[.)])\s/.test(text);
    const indented = /^( {4}|\t)/.test(text);
    if (!blank) {
      if (indented && previousBlank && !inList) {
        out.push({ n, text: '', code: true });
        return;
      }
      inList = listItem || (inList && (indented || /^\s/.test(text) || !previousBlank));
    }
    previousBlank = blank;
    out.push({ n, text: withoutCodeSpans(text), code: false });
  });
  return out;
}

/** A line with its code spans (`` `x` ``, ``` ``x`` ```) replaced by spaces of the same length. */
function withoutCodeSpans(text) {
  return text.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (m) => ' '.repeat(m.length));
}

/** GitHub's id for a heading's text, as github-slugger makes it (without the repeat counter). */
export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The text a heading shows: Markdown's markup taken off (emphasis, links, tags); code spans
 * keep their text as written, `<role-compare>` included. */
function headingText(raw) {
  const plain = (part) =>
    part
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
      .replace(/<[^>]+>/g, '') // HTML tags
      .replace(/(\*\*|__|\*|_|~~)(?=\S)([\s\S]*?\S)\1/g, '$2') // emphasis
      .replace(/\\(.)/g, '$1');
  const text = raw.replace(/\s+#+\s*$/, ''); // closing hashes
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) {
    out += plain(text.slice(last, m.index)) + m[2];
    last = m.index + m[0].length;
  }
  return (out + plain(text.slice(last))).trim();
}

/** Every anchor a Markdown file offers: its headings' ids (repeats numbered) and HTML ids. */
function anchorsOf(file) {
  const source = readFileSync(path.join(root, file), 'utf8');
  // Headings are read from the raw lines (a code span in a heading is part of its text); code
  // blocks come from proseLines.
  const raw = source.split(/\r?\n/);
  const lines = proseLines(source);
  const seen = new Map();
  const anchors = new Set();
  const add = (text) => {
    const base = slug(headingText(text));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  };
  lines.forEach((line, i) => {
    if (line.code) return;
    const text = raw[i];
    const atx = /^ {0,3}#{1,6}(?:\s+(.*))?$/.exec(text);
    if (atx) {
      add(atx[1] ?? '');
      return;
    }
    // Setext: a line of = or - under a paragraph line.
    const next = lines[i + 1];
    if (next && !next.code && /^ {0,3}(=+|-+)\s*$/.test(raw[i + 1]) && text.trim() !== '' && !/^ {0,3}([-*+>]|#|\d+[.)]|\|)/.test(text)) {
      add(text.trim());
    }
    for (const m of line.text.matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(m[1]);
  });
  return anchors;
}

/**
 * Every link destination in a line of prose: inline links and images `[t](dest "title")`,
 * reference definitions `[id]: dest`, autolinks `<https://…>` (external, skipped later) and the
 * `href`/`src` of HTML elements.
 */
function destinations(text) {
  const out = [];
  // Inline: find each "](" and read the destination as CommonMark does (balanced parentheses,
  // or <…>), up to whitespace or the closing parenthesis.
  let at = text.indexOf('](');
  while (at !== -1) {
    let i = at + 2;
    while (text[i] === ' ') i++;
    let dest = '';
    if (text[i] === '<') {
      const end = text.indexOf('>', i);
      dest = end === -1 ? '' : text.slice(i + 1, end);
    } else {
      let depth = 0;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === '\\' && i + 1 < text.length) {
          dest += text[++i];
          continue;
        }
        if (/\s/.test(c)) break;
        if (c === '(') depth++;
        if (c === ')') {
          if (depth === 0) break;
          depth--;
        }
        dest += c;
      }
    }
    if (dest) out.push(dest);
    at = text.indexOf('](', at + 2);
  }
  const def = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(text);
  if (def) out.push(def[1]);
  for (const m of text.matchAll(/<(?:a|img|source|link)\b[^>]*?\s(?:href|src)\s*=\s*["']([^"']+)["']/gi)) out.push(m[1]);
  return out;
}

/** Why a destination found in `file` leads nowhere, or null when it is fine (or external). */
function problem(file, dest, anchorCache) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(dest) || dest.startsWith('//')) return null; // external
  const hash = dest.indexOf('#');
  const rawPath = (hash === -1 ? dest : dest.slice(0, hash)).replace(/\?.*$/, '');
  const fragment = hash === -1 ? null : decodeURIComponent(dest.slice(hash + 1));
  let target = file;
  if (rawPath) {
    const decoded = decodeURIComponent(rawPath);
    // A leading slash is the repository's root on GitHub.
    target = decoded.startsWith('/') ? decoded.slice(1) : path.posix.join(path.posix.dirname(file), decoded);
    target = path.posix.normalize(target);
    if (target.startsWith('..')) return `${dest}: leads out of the repository`;
    if (!existsSync(path.join(root, target))) return `${dest}: ${target} does not exist`;
  }
  if (fragment === null || fragment === '') return null;
  if (rawPath && statSync(path.join(root, target)).isDirectory()) return `${dest}: a fragment on a folder`;
  if (!target.endsWith('.md')) {
    // GitHub's line anchors in a source file.
    return /^L\d+(-L\d+)?$/.test(fragment) ? null : `${dest}: #${fragment} is not a line anchor (#L12) of ${target}`;
  }
  if (!anchorCache.has(target)) anchorCache.set(target, anchorsOf(target));
  const anchors = anchorCache.get(target);
  if (anchors.has(fragment)) return null;
  // The nearest ids, by words in common, to help whoever mistyped it.
  const words = new Set(fragment.split('-').filter((w) => w.length > 3));
  const shared = (a) => a.split('-').filter((w) => words.has(w)).length;
  const near = [...anchors].filter((a) => shared(a) > 0).sort((a, b) => shared(b) - shared(a)).slice(0, 3);
  return `${dest}: ${target} has no heading with the id "${fragment}"${near.length ? ` (near: ${near.join(', ')})` : ''}`;
}

/** Every link of a Markdown file (`source`, at `file`) that leads nowhere, as "file:line: why". */
export function brokenLinks(file, source, anchorCache = new Map()) {
  const broken = [];
  for (const line of proseLines(source)) {
    if (line.code) continue;
    for (const dest of destinations(line.text)) {
      const why = problem(file, dest, anchorCache);
      if (why) broken.push(`${file}:${line.n}: ${why}`);
    }
  }
  return broken;
}

const files = markdownFiles();
const cache = new Map();

test('the Markdown files are found', () => {
  assert.ok(files.includes('README.md'), `README.md among ${files.join(', ')}`);
  assert.ok(files.some((f) => f.startsWith('docs/')), 'the guides in docs/ are checked');
});

test('GitHub heading ids are made as GitHub makes them', () => {
  assert.equal(slug(headingText('The `<role-compare>` element')), 'the-role-compare-element');
  assert.equal(slug(headingText("What a reader sees first")), 'what-a-reader-sees-first');
  assert.equal(slug(headingText('A strict Content-Security-Policy')), 'a-strict-content-security-policy');
  assert.equal(slug(headingText("Content-hashed names: in the post-build step, not Trunk's `filehash`")), 'content-hashed-names-in-the-post-build-step-not-trunks-filehash');
  assert.equal(slug(headingText('Size and speed, 1,000 duties')), 'size-and-speed-1000-duties');
  assert.equal(slug(headingText('Fields **and** _types_')), 'fields-and-types');
});

test('a broken link, a broken anchor and a missing file are each found; code and external links are not links', () => {
  const source = [
    '# A page',
    '',
    '## Its second part',
    '',
    'Fine: [the first](#a-page), [the second](#its-second-part), [a file](README.md),',
    '[a folder](docs/), [a heading there](README.md#role-compare), ![a picture](docs/screen-index-1280-light.png)',
    'and [outside](https://example.org/nowhere#x), `[in code](nowhere.md)`, <a href="#a-page">html</a>.',
    '',
    '```md',
    '[in a block](nowhere.md)',
    '```',
    '',
    'Broken: [no such file](nowhere.md), [no such part](#its-third-part),',
    '[no such heading there](README.md#no-such-heading), <a href="gone.md">gone</a>.',
    '',
    '[ref]: missing/file.md',
  ].join('\n');
  const found = brokenLinks('page.md', source, new Map([['page.md', new Set(['a-page', 'its-second-part'])]]));
  assert.deepEqual(
    found.map((f) => f.split(': ').slice(0, 2).join(': ')),
    ['page.md:13: nowhere.md', 'page.md:13: #its-third-part', 'page.md:14: README.md#no-such-heading', 'page.md:14: gone.md', 'page.md:16: missing/file.md'],
  );
});

for (const file of files) {
  test(`every relative link and anchor in ${file} leads somewhere`, () => {
    assert.deepEqual(brokenLinks(file, readFileSync(path.join(root, file), 'utf8'), cache), []);
  });
}
