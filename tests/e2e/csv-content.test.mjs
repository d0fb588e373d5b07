// End-to-end tests of a table (CSV, TSV) as a widget's content, in headless Chromium, with three
// origins as on a real site: the built widget (dist/) on one 127.0.0.1 port with CORS, the
// article on a second, and the tables on a third, as a published Google Sheet is: CORS on, and
// the sheet's CSV at an address without `.csv` (`/pub?output=csv`, told by its `text/csv`
// type). Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, openPage, describeErrors } from './support/browser.mjs';
import { readView } from './support/widget.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const BUILT = existsSync(path.join(DIST, 'release.json'));

const CSV = [
  'role,role_name,text,focus,line,topics,source,source_title',
  'CDO,Chief Data Officer,"Sets the rules for keeping, sharing and deleting data.",internal,bottom,Data; Governance,Data survey,The data leader survey',
  'CDO,,Sells anonymised data to partners.,external,top,Data,Data survey,',
  'CFO,Chief Financial Officer,"Reports the ""real"" cost of each data project.",internal,bottom,Finance; Data,Finance post,Money matters',
].join('\r\n');
const TSV = [
  ['role', 'role_name', 'text', 'focus', 'line', 'topics', 'source', 'source_title'],
  ['CDO', 'Chief Data Officer', 'Sets the rules for keeping, sharing and deleting data.', 'internal', 'bottom', 'Data; Governance', 'Data survey', 'The data leader survey'],
  ['CDO', '', 'Sells anonymised data to partners.', 'external', 'top', 'Data', 'Data survey', ''],
  ['CFO', 'Chief Financial Officer', 'Reports the ""real"" cost of each data project.', 'internal', 'bottom', 'Finance; Data', 'Finance post', 'Money matters'],
]
  .map((row) => row.map((cell) => (cell.includes('"') ? `"${cell}"` : cell)).join('\t'))
  .join('\n');

/** The "sheet" server: each path's body, type and whether it sends CORS. */
const SHEET_FILES = {
  '/roles.csv': { type: 'text/csv; charset=utf-8', body: CSV },
  // A table served as tab-separated values, told by its name.
  '/roles.tsv': { type: 'application/octet-stream', body: TSV },
  // As Google Sheets' "Publish to the web" serves a sheet as CSV: no .csv in the address.
  '/spreadsheets/d/e/2PACX-test/pub?output=csv': { type: 'text/csv', body: CSV },
  '/broken.csv': { type: 'text/csv', body: CSV.replace('Sells anonymised data to partners.,external', 'Sells anonymised data to partners.,intern') },
  '/private.csv': { type: 'text/csv', body: CSV, cors: false },
};

let site;
let sheet;
let sheetOrigin;
let articleDir;
let article;
let browser;

before(async () => {
  if (!BUILT) return;
  site = await serve(DIST, { cors: true });
  sheet = createServer((req, res) => {
    const file = SHEET_FILES[req.url];
    const cors = file?.cors === false ? {} : { 'Access-Control-Allow-Origin': '*' };
    if (!file) {
      res.writeHead(404, cors);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store', ...cors });
    res.end(file.body);
  });
  await new Promise((resolve) => sheet.listen(0, '127.0.0.1', resolve));
  sheetOrigin = `http://127.0.0.1:${sheet.address().port}`;

  articleDir = mkdtempSync(path.join(os.tmpdir(), 'rc-csv-article-'));
  const embed = (attributes) =>
    `<link rel="stylesheet" href="${site.url}${readCss()}">\n<div ${attributes}></div>\n<script type="module" src="${site.url}embed.js"></script>`;
  const page = (title, body) => `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>\n<h1>${title}</h1>\n${body}\n</body></html>\n`;
  writeFileSync(
    path.join(articleDir, 'index.html'),
    page(
      'Tables from a sheet',
      [
        embed(`id="csv" data-role-compare data-content="${sheetOrigin}/roles.csv"`),
        `<div id="tsv" data-role-compare data-content="${sheetOrigin}/roles.tsv"></div>`,
        `<div id="sheet" data-role-compare data-content="${sheetOrigin}/spreadsheets/d/e/2PACX-test/pub?output=csv"></div>`,
        `<role-compare id="element" content="${sheetOrigin}/roles.csv" roles="cfo"></role-compare>`,
        `<div id="broken" data-role-compare data-content="${sheetOrigin}/broken.csv"></div>`,
        `<div id="private" data-role-compare data-content="${sheetOrigin}/private.csv"></div>`,
      ].join('\n'),
    ),
  );
  writeFileSync(path.join(articleDir, 'strict.html'), page('A strict policy', embed(`id="csv" data-role-compare data-content="${sheetOrigin}/roles.csv"`)));
  writeFileSync(path.join(articleDir, 'allowed.html'), page('A strict policy that names the sheet', embed(`id="csv" data-role-compare data-content="${sheetOrigin}/roles.csv"`)));
  // The articles' policies name the widget's origin, and the sheet's only in allowed.html.
  const policy = (sheetAllowed) =>
    `default-src 'self'; script-src 'self' ${site.origin} 'wasm-unsafe-eval'; style-src 'self' ${site.origin}; connect-src 'self' ${site.origin}${sheetAllowed ? ` ${sheetOrigin}` : ''}`;
  article = await serve(articleDir, {
    headers: (pathname) =>
      pathname === '/strict.html'
        ? { 'Content-Security-Policy': policy(false) }
        : pathname === '/allowed.html'
          ? { 'Content-Security-Policy': policy(true) }
          : {},
  });
  browser = await launch();
});

/** The widget's stylesheet, by the name the build gave it. */
function readCss() {
  return JSON.parse(readFileSync(path.join(DIST, 'release.json'), 'utf8')).files.css.path;
}

after(async () => {
  await browser?.close();
  await article?.close();
  await site?.close();
  if (sheet) await new Promise((resolve) => sheet.close(resolve));
  if (articleDir) rmSync(articleDir, { recursive: true, force: true });
});

const duties = (view) => view.duties.map((d) => [d.id, d.role, d.sentence, d.focus, d.line]);
const EXPECTED = [
  ['cdo-1', 'cdo', 'Sets the rules for keeping, sharing and deleting data.', 'internal', 'bottom'],
  ['cdo-2', 'cdo', 'Sells anonymised data to partners.', 'external', 'top'],
  ['cfo-1', 'cfo', 'Reports the "real" cost of each data project.', 'internal', 'bottom'],
];

describe('a table as content', { skip: !BUILT }, () => {
  test('CSV and TSV from a third origin, a published sheet\'s address and the <role-compare> element show their rows; a bad cell and a refused file explain themselves', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openPage(browser, article.url, { waitForWidget: false });
    try {
      for (const id of ['#csv', '#tsv', '#sheet', '#element', '#broken', '#private']) {
        await page.locator(`${id} .rc-mount:not([data-prerendered]) :is([data-duty], .rc-error)`).first().waitFor({ state: 'attached', timeout: 15_000 });
      }
      for (const id of ['#csv', '#tsv', '#sheet']) {
        const view = await readView(page, { within: id });
        assert.deepEqual(view.roles, ['cdo', 'cfo'], `${id}: a column for each role the table names`);
        assert.deepEqual(view.titles, ['CDO', 'CFO'], id);
        assert.deepEqual(duties(view), EXPECTED, `${id}: every row, quoted cells whole`);
        assert.equal(view.error, null, id);
      }
      const element = await readView(page, { within: '#element' });
      assert.deepEqual(duties(element), [EXPECTED[2]], 'the element with roles="cfo"');

      const broken = await readView(page, { within: '#broken' });
      assert.match(broken.error, /row 3, column D \(focus\): 'intern' is neither internal nor external/, 'the problem names its row and column');
      assert.deepEqual(broken.duties, []);
      const refused = await readView(page, { within: '#private' });
      assert.match(refused.error, new RegExp(`could not load the content from ${sheetOrigin}/private\\.csv`), 'a sheet that does not allow other sites to read it');

      // The refused fetch is the only error the page logs: the browser's CORS message.
      const others = errors.filter((e) => !/private\.csv|CORS|Failed to (fetch|load resource)/.test(e));
      assert.deepEqual(others, [], describeErrors(others));
    } finally {
      await context.close();
    }
  });

  test('the host page\'s Content-Security-Policy decides: a sheet whose origin connect-src names is read, another is not', { timeout: 60_000 }, async () => {
    const allowed = await openPage(browser, `${article.url}allowed.html`);
    try {
      assert.deepEqual(duties(await readView(allowed.page, { within: '#csv' })), EXPECTED);
      assert.deepEqual(allowed.errors, [], describeErrors(allowed.errors));
    } finally {
      await allowed.context.close();
    }
    const { context, page } = await openPage(browser, `${article.url}strict.html`, { waitForWidget: false });
    try {
      await page.locator('#csv .rc-error').waitFor({ state: 'attached', timeout: 15_000 });
      const view = await readView(page, { within: '#csv' });
      assert.match(view.error, /could not load the content from/, 'the widget says it could not load the table');
    } finally {
      await context.close();
    }
  });
});
