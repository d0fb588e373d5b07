// A tiny static file server for the browser tests: one directory, 127.0.0.1, an ephemeral port
// unless one is asked for, no caching, no directory listing and no way out of the directory.
// Generic on purpose: the cross-origin tests start a second one for a host page on another port.

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` over HTTP on 127.0.0.1.
 * @param {string} dir the directory to serve; `/` and `/sub/` serve the `index.html` inside.
 * @param {{port?: number, cors?: boolean, transform?: Transform, prefix?: string, cacheControl?: string | ((pathname: string) => string)}} [options]
 *   `port` 0 (the default) picks a free one.
 *   `cors`: send `Access-Control-Allow-Origin: *` with every response. A page on another origin
 *   that embeds the widget loads `embed.js` as a module, which imports `role-compare.js` and
 *   fetches `role-compare_bg.wasm` (and content JSON, if the author keeps it with the widget):
 *   module scripts and fetch() are CORS requests, so a real CDN or static host serving the
 *   widget to blogs on other origins must send this header, and the cross-origin tests serve
 *   `dist/` the same way. (The stylesheet and `frame-parent.js` are plain `<link>`/`<script>`
 *   loads and would work without it.)
 *   `transform`: called for every file served, may return new content (string or Buffer) or
 *   `undefined` to send the file as it is; e.g. to put the other server's origin into host pages.
 *   `prefix`: a path such as `/tools/role-compare/` to serve `dir` under, as a site deployed in a
 *   sub-directory is: `<prefix>x` serves `dir/x`, the prefix without its final `/` redirects to
 *   it, and every other path is 404. Default `/` (the directory at the root). `url` then ends in
 *   the prefix (`http://127.0.0.1:PORT/tools/role-compare/`); `origin` is unchanged.
 *   `cacheControl`: the `Cache-Control` header of the files served, or a function of the
 *   pathname (as `transform` gets it) returning it; default `no-store`. E.g. `max-age=600`, what
 *   GitHub Pages sends, to test what a browser's HTTP cache does to an update.
 *   `headers`: more response headers for the files served, as an object or a function of the
 *   pathname (as `transform` gets it) returning one, e.g. a `Content-Security-Policy` for the
 *   HTML pages only.
 *   `compress`: send text files and the wasm compressed, as a static host does (GitHub Pages,
 *   Netlify, Cloudflare): brotli (quality 11, as `make size` counts) where the request accepts
 *   it, gzip otherwise, with `Vary: Accept-Encoding`. Each body is compressed once and kept, so
 *   only a file's first response pays for it. Off by default: the tests read files as they are.
 * @returns {Promise<{url: string, origin: string, port: number, close: () => Promise<void>}>}
 *   `url` ends in `/`; `origin` is `url` without it (without the prefix, when there is one).
 *
 * @typedef {(file: {pathname: string, ext: string, body: Buffer}) => string | Buffer | undefined} Transform
 *   `pathname` is the request path (after `/` → `/index.html`), `ext` the lower-case extension.
 */
export async function serve(dir, { port = 0, cors = false, transform, prefix = '/', cacheControl = 'no-store', headers, compress = false } = {}) {
  const root = await realpath(path.resolve(dir));
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`serve: prefix must start and end with "/", got ${prefix}`);
  const extraHeaders = cors ? { 'Access-Control-Allow-Origin': '*' } : {};

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
    handle(root, req, res, transform, prefix, cacheControl, headers, compress).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });
  // Keep-alive sockets would otherwise hold close() open until they time out.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actual } = server.address();

  return {
    url: `http://127.0.0.1:${actual}${prefix}`,
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function handle(root, req, res, transform, prefix = '/', cacheControl = 'no-store', headers, compress = false) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'method not allowed');
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request');
  }
  if (pathname.includes('\0')) return send(res, 400, 'bad request');
  if (prefix !== '/') {
    if (pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix, 'Content-Length': 0, 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (!pathname.startsWith(prefix)) return send(res, 404, 'not found');
    pathname = pathname.slice(prefix.length - 1);
  }
  if (pathname.endsWith('/')) pathname += 'index.html';

  // Resolve inside root, then follow symlinks and check again: nothing outside root is served.
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
  if (!inside(root, candidate)) return send(res, 404, 'not found');
  let real;
  try {
    real = await realpath(candidate);
  } catch {
    return send(res, 404, 'not found');
  }
  if (!inside(root, real)) return send(res, 404, 'not found');

  let file;
  try {
    file = await open(real, 'r');
  } catch {
    return send(res, 404, 'not found');
  }
  try {
    const stat = await file.stat();
    if (!stat.isFile()) return send(res, 404, 'not found');
    const ext = path.extname(real).toLowerCase();
    const type = CONTENT_TYPES[ext];
    let body = null;
    if (transform) {
      const original = await file.readFile();
      const changed = transform({ pathname, ext, body: original });
      body = changed === undefined ? original : Buffer.from(changed);
    }
    const coding = compress && COMPRESSIBLE.has(ext) ? contentCoding(req.headers['accept-encoding']) : null;
    if (coding) {
      body = encoded(body ?? (await file.readFile()), coding);
      res.setHeader('Content-Encoding', coding);
    }
    if (compress) res.setHeader('Vary', 'Accept-Encoding');
    res.writeHead(200, {
      'Content-Type': type ?? 'application/octet-stream',
      'Content-Length': body ? body.length : stat.size,
      'Cache-Control': typeof cacheControl === 'function' ? cacheControl(pathname) : cacheControl,
      'X-Content-Type-Options': 'nosniff',
      ...(typeof headers === 'function' ? headers(pathname) : headers),
    });
    if (req.method === 'HEAD') return res.end();
    res.end(body ?? (await file.readFile()));
  } finally {
    await file.close();
  }
}

/** What `compress` compresses: text, and the wasm (hosts compress `application/wasm` too). */
const COMPRESSIBLE = new Set(['.html', '.htm', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt', '.wasm']);

/** `br` if the `Accept-Encoding` header takes it, else `gzip` if it takes that, else null. */
function contentCoding(accept = '') {
  const taken = new Map();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    taken.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (taken.get(name) ?? taken.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/** Compressed bodies, by coding and the body's digest: each is compressed once. */
const compressed = new Map();

function encoded(body, coding) {
  const key = `${coding}:${createHash('sha256').update(body).digest('base64')}`;
  let out = compressed.get(key);
  if (!out) {
    out = coding === 'br'
      ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 9 });
    compressed.set(key, out);
  }
  return out;
}

function inside(root, p) {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

function send(res, status, text) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * A `transform` for host pages that load the widget from another origin: every
 * `{{WIDGET_ORIGIN}}` in an HTML file becomes `origin` (the server that serves dist/).
 * @param {string} origin
 * @returns {Transform}
 */
export function widgetOriginIn(origin) {
  return ({ ext, body }) => (ext === '.html' ? body.toString('utf8').replaceAll('{{WIDGET_ORIGIN}}', origin) : undefined);
}
