// The test server's `compress` option, which the benchmark's Lighthouse part serves the site
// with (docs/performance.md, "LCP on a compressed link"): what the request accepts decides the
// coding, the body arrives whole once decoded, and without the option nothing is compressed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '../e2e/support/server.mjs';

/** GET `url` with `accept` as its Accept-Encoding: the status, the headers and the raw bytes. */
function get(url, accept) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: accept == null ? {} : { 'Accept-Encoding': accept } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = ({ headers, body }) =>
  headers['content-encoding'] === 'br' ? brotliDecompressSync(body) : headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;

test('a compressing server sends brotli, gzip or the file as it is, as the request accepts', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const page = `<!doctype html><title>t</title>${'<p>A duty, and another. '.repeat(400)}`;
  writeFileSync(path.join(dir, 'index.html'), page);
  writeFileSync(path.join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));

  const packed = await serve(dir, { compress: true });
  const plain = await serve(dir);
  t.after(() => Promise.all([packed.close(), plain.close()]));

  for (const [accept, coding] of [
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    [null, undefined],
  ]) {
    const res = await get(packed.url + 'index.html', accept);
    assert.equal(res.status, 200, String(accept));
    assert.equal(res.headers['content-encoding'], coding, `Accept-Encoding: ${accept}`);
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.equal(Number(res.headers['content-length']), res.body.length);
    assert.equal(decode(res).toString('utf8'), page, `Accept-Encoding: ${accept}: the page whole`);
    if (coding) assert.ok(res.body.length < page.length / 4, `${coding}: ${res.body.length} B of ${page.length}`);
  }

  // A second response is the same bytes (compressed once, kept).
  const [a, b] = [await get(packed.url, 'br'), await get(packed.url, 'br')];
  assert.deepEqual(a.body, b.body);

  // An image is sent as it is; so is everything by a server without the option.
  assert.equal((await get(packed.url + 'icon.png', 'br')).headers['content-encoding'], undefined);
  const unpacked = await get(plain.url + 'index.html', 'gzip, deflate, br');
  assert.equal(unpacked.headers['content-encoding'], undefined);
  assert.equal(unpacked.body.toString('utf8'), page);
});
