// End-to-end tests of the builder page (builder.html) in headless Chromium, as an author uses
// it: a table pasted from a spreadsheet shows in the live widget; a bad cell is listed by row
// and column while the preview keeps the last good view; the snippet, copied and pasted into a
// blank page on another origin, shows the same comparison there; a content file's import keeps
// what a table cannot hold; the downloads; the work kept across reloads; axe; offline; its
// policy (no inline code, no request to another origin but the address the author gives).
// The built site (dist/) is served on one 127.0.0.1 port with CORS (as a CDN serves the
// widget), blank host pages and a "sheet" on others. Run `make dist` first, then
// `node --test --test-concurrency=1 tests/e2e/`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './support/server.mjs';
import { launch, openPage, watchErrors, waitForWidget, describeErrors } from './support/browser.mjs';
import { readView } from './support/widget.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(ROOT, 'dist'));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const INPUT = 'textarea[data-builder="input"]';
const PREVIEW = '[data-builder="preview"]';
const PROBLEMS = '[data-builder="problems"] li';

/** Three roles none of which is built in, tab-separated, as a spreadsheet puts cells on the clipboard. */
const SHEET = [
  ['role', 'role_name', 'text', 'focus', 'line', 'topics', 'source', 'source_title', 'source_url'],
  ['CDO', 'Chief Data Officer', 'Sets the rules for keeping and sharing the company\u2019s data.', 'internal', 'bottom', 'Data; Governance', 'Data survey', 'The data leader survey', 'https://example.org/survey'],
  ['CDO', '', 'Sells anonymised data to partners.', 'external', 'top', 'Data; Partners', 'Data survey', '', ''],
  ['CFO', 'Chief Financial Officer', 'Keeps the books and the budget.', 'internal', 'bottom', 'Finance', 'Finance post', 'Money matters', ''],
  ['CFO', '', 'Explains the results to investors.', 'external', 'top', 'Finance; Investors', 'Finance post', '', ''],
  ['CHRO', 'Chief Human Resources Officer', 'Hires and develops the leadership team.', 'internal', 'bottom', 'People', 'People blog', 'Working with people', ''],
  ['CHRO', '', 'Builds the employer brand.', 'external', 'top', 'People; Brand', 'People blog', '', ''],
];
const TSV = SHEET.map((row) => row.join('\t')).join('\n') + '\n';
const DUTIES = ['cdo-1', 'cdo-2', 'cfo-1', 'cfo-2', 'chro-1', 'chro-2'];

const BUILT = existsSync(path.join(DIST, 'builder.html'));
if (!BUILT) {
  test('the builder is built', () => assert.fail(`${path.join(DIST, 'builder.html')} is missing: run make dist first`));
}

let site;
let browser;

/** A fresh context on the builder (its own storage and service worker), errors recorded. */
async function openBuilder({ viewport = DESKTOP, colorScheme = 'light', clipboard = false } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  // Before any of the page's scripts: the policy's complaints, if any.
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${site.url}builder.html`);
  await page.locator(INPUT).waitFor();
  return { context, page, errors, requests };
}

/** Pastes `text` into the table as a reader pastes: the clipboard, then Ctrl+V. */
async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const input = page.locator(INPUT);
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** Waits until the preview's widget shows exactly `duties` (by id). */
async function waitForPreview(page, duties, timeout = 15_000) {
  await page.waitForFunction(
    ([preview, want]) => {
      const ids = [...document.querySelectorAll(`${preview} [data-duty]:not([hidden])`)].map((d) => d.dataset.duty);
      return ids.length === want.length && want.every((id) => ids.includes(id));
    },
    [PREVIEW, duties],
    { timeout, polling: 'raf' },
  );
}

const problems = (page) =>
  page.$$eval(PROBLEMS, (items) => items.map((li) => ({ row: li.dataset.row ?? null, column: li.dataset.column ?? null, text: li.textContent.trim() })));

/** No policy violation and no element with a style attribute in the page. */
async function assertStrictPolicyKept(page, where) {
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, [], `${where}: no Content-Security-Policy violation`);
  const styled = await page.$$eval('[style]', (els) => els.map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(styled, [], `${where}: no element has a style attribute`);
}

before(async () => {
  if (!BUILT) return;
  site = await serve(DIST, { cors: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

describe('the builder page', { skip: !BUILT }, () => {
  test('an author goes from a spreadsheet to a comparison on another site: paste, preview, copy the snippet, paste it into a blank page', { timeout: 90_000 }, async () => {
    const { context, page, errors, requests } = await openBuilder({ clipboard: true });
    const blankDir = mkdtempSync(path.join(os.tmpdir(), 'rc-blank-'));
    let blank;
    try {
      await paste(page, TSV);
      assert.equal(await page.locator(INPUT).inputValue(), TSV, 'the pasted cells are the text, tabs and all');
      await waitForPreview(page, DUTIES);
      const preview = await readView(page, { within: PREVIEW });
      assert.deepEqual(preview.roles, ['cdo', 'cfo', 'chro'], 'three columns, in the order of the rows, none of them built in');
      assert.deepEqual(preview.titles, ['CDO', 'CFO', 'CHRO']);
      assert.equal(preview.error, null);
      assert.match(await page.locator('[data-builder="status"]').textContent(), /^6 duties, 3 roles, \d+ topics, 3 sources: no problems\.$/);
      assert.deepEqual(await problems(page), [], 'no problems listed');

      // The script snippet, copied with its button, is what the field shows.
      const snippet = await page.locator('textarea[data-snippet="script"]').inputValue();
      assert.match(snippet, /<script type="application\/json">\{/, 'the content travels inside the snippet');
      assert.match(snippet, /<div data-role-compare>/, 'no option differs from a plain widget');
      assert.match(snippet, new RegExp(`src="${site.url}v[^/]+/embed\\.js" integrity="sha384-`), 'embed.js of the pinned release, with its integrity');
      await page.click('button[data-copy="script"]');
      await page.locator('.rcb-said', { hasText: 'Copied' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, snippet, 'the copy button copies the snippet');

      // A blank page on another origin, the snippet pasted into its body.
      writeFileSync(path.join(blankDir, 'index.html'), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A blank page</title></head><body>\n${copied}</body></html>\n`);
      blank = await serve(blankDir);
      assert.notEqual(blank.origin, site.origin);
      const elsewhere = await openPage(browser, blank.url);
      try {
        const there = await readView(elsewhere.page);
        assert.deepEqual(there.roles, preview.roles, 'the same columns');
        assert.deepEqual(there.titles, preview.titles);
        assert.deepEqual(
          there.duties.map((d) => [d.id, d.sentence, d.focus, d.line]),
          preview.duties.map((d) => [d.id, d.sentence, d.focus, d.line]),
          'the same duties, in the same places',
        );
        assert.equal(there.status, preview.status, 'the same status line');
        assert.deepEqual(elsewhere.errors, [], describeErrors(elsewhere.errors));
      } finally {
        await elsewhere.context.close();
      }

      // The <role-compare> element does the same.
      const element = await page.locator('textarea[data-snippet="element"]').inputValue();
      assert.match(element, /<role-compare><script type="application\/json">/);
      writeFileSync(path.join(blankDir, 'index.html'), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Another page</title></head><body>\n${element}</body></html>\n`);
      const other = await openPage(browser, blank.url);
      try {
        const there = await readView(other.page);
        assert.deepEqual(there.duties.map((d) => d.id), preview.duties.map((d) => d.id));
        assert.deepEqual(other.errors, [], describeErrors(other.errors));
      } finally {
        await other.context.close();
      }

      const foreign = requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
      assert.deepEqual(foreign, [], 'the builder asked no other origin for anything');
      await assertStrictPolicyKept(page, 'builder');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
      await blank?.close();
      rmSync(blankDir, { recursive: true, force: true });
    }
  });

  test('a bad value is listed by its row and column, the caret goes to its row, and the preview keeps the last good view', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openBuilder();
    try {
      const input = page.locator(INPUT);
      await input.fill(TSV);
      await waitForPreview(page, DUTIES);
      const good = await readView(page, { within: PREVIEW });
      assert.equal(await page.locator('[data-builder="stale"]').count(), 0, 'no stale notice while the table has no problems');

      // Row 3 is the second duty: its focus becomes "intern", typed as an author types.
      const bad = TSV.replace('partners.\texternal', 'partners.\tintern');
      const at = bad.indexOf('partners.\tintern') + 'partners.\t'.length;
      await input.fill(TSV.replace('partners.\texternal', 'partners.\t'));
      await input.focus();
      await input.evaluate((el, at) => el.setSelectionRange(at, at), at);
      await page.keyboard.type('intern');
      assert.equal(await input.inputValue(), bad, 'the text is what the author typed');
      await page.locator(`${PROBLEMS}[data-row="3"][data-column="D"]`, { hasText: "'intern'" }).waitFor();
      assert.deepEqual(await problems(page), [
        { row: '3', column: 'D', text: "row 3, column D (focus): 'intern' is neither internal nor external" },
      ]);
      assert.match(await page.locator('[data-builder="stale"]').textContent(), /as it was before its problems/);
      const kept = await readView(page, { within: PREVIEW });
      assert.deepEqual(kept.duties.map((d) => [d.id, d.focus]), good.duties.map((d) => [d.id, d.focus]), 'the preview still shows the last good table');
      assert.equal(await page.locator('button[data-builder="download-json"]').isDisabled(), true, 'no download of a table with problems');
      assert.equal(await input.inputValue(), bad, 'the text is kept as it is, problems and all');

      // Choosing the problem puts the caret at the start of row 3.
      await input.evaluate((el) => el.setSelectionRange(0, 0));
      await page.locator(`${PROBLEMS} button`).click();
      const caret = await input.evaluate((el) => [el.selectionStart, el.selectionEnd, document.activeElement === el]);
      const row3 = bad.split('\n').slice(0, 2).join('\n').length + 1;
      assert.deepEqual(caret, [row3, row3, true], 'the caret is at the start of row 3, in the focused text area');

      // Fixed: the problems go, the preview follows.
      await input.fill(TSV.replace('partners.\texternal', 'partners.\tinternal'));
      await page.waitForFunction((p) => document.querySelectorAll(p).length === 0, PROBLEMS);
      await page.waitForFunction((p) => document.querySelector(`${p} [data-duty="cdo-2"]`)?.dataset.focus === 'internal', PREVIEW);
      assert.equal(await page.locator('[data-builder="stale"]').count(), 0);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('the embed options as controls: roles and their order, focus, layout, theme and compact follow into the preview and the snippets', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openBuilder();
    try {
      await page.locator(INPUT).fill(TSV);
      await waitForPreview(page, DUTIES);
      // CHRO first, CFO hidden.
      await page.locator('[data-option-role="chro"] button[aria-label="Move CHRO earlier"]').click();
      await page.locator('[data-option-role="chro"] button[aria-label="Move CHRO earlier"]').click();
      await page.locator('[data-option-role="cfo"] input[type="checkbox"]').uncheck();
      await page.locator('select[data-option="focus"]').selectOption('external');
      await page.locator('select[data-option="theme"]').selectOption('dark');
      await page.locator('input[data-option="compact"]').check();
      await page.waitForFunction((p) => document.querySelector(`${p} .rc`)?.classList.contains('rc--compact'), PREVIEW);
      const view = await readView(page, { within: PREVIEW });
      assert.deepEqual(view.roles, ['chro', 'cdo']);
      assert.deepEqual(view.duties.map((d) => d.id), ['chro-2', 'cdo-2'], 'only the external duties of the roles shown');
      assert.equal(await page.locator(`${PREVIEW} .rc`).getAttribute('data-theme'), 'dark');
      const script = await page.locator('textarea[data-snippet="script"]').inputValue();
      assert.match(script, /<div data-role-compare data-roles="chro,cdo" data-focus="external" data-theme="dark" data-compact="">/);
      const element = await page.locator('textarea[data-snippet="element"]').inputValue();
      assert.match(element, /<role-compare roles="chro,cdo" focus="external" theme="dark" compact>/);
      const hugo = await page.locator('textarea[data-snippet="hugo"]').inputValue();
      assert.equal(hugo, '{{< role-compare content="/role-compare/role-compare-cdo-cfo-chro.json" roles="chro,cdo" focus="external" theme="dark" compact=true >}}\n');
      const wordpress = await page.locator('textarea[data-snippet="wordpress"]').inputValue();
      const block = /^<!-- wp:role-compare\/comparison (\{.*\}) \/-->\n$/.exec(wordpress);
      assert.ok(block, wordpress);
      assert.deepEqual(JSON.parse(block[1]), {
        content: 'https://example.org/wp-content/uploads/role-compare-cdo-cfo-chro.csv',
        roles: 'chro,cdo',
        focus: 'external',
        theme: 'dark',
        compact: true,
      });
      // The options are kept with the table.
      await page.reload();
      await waitForPreview(page, ['chro-2', 'cdo-2']);
      assert.equal(await page.locator('select[data-option="focus"]').inputValue(), 'external');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('a content file opened: its duties become the table, and what a table cannot hold is kept and named', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openBuilder();
    try {
      await page.locator('input[data-builder="file"]').setInputFiles(path.join(ROOT, 'content', 'roles.json'));
      await page.locator('[data-builder="kept"]').waitFor();
      assert.equal(
        await page.locator('[data-builder="kept"]').textContent(),
        "Kept from your file: 5 perspectives, 5 figures, 17 links, 6 focus claims, 5 short names, 5 role summaries, 2 roles shown on request, 5 duties marked as one article's view.",
      );
      const text = await page.locator(INPUT).inputValue();
      assert.match(text, /^id,role,role_name,text,focus,line,topics,source,source_title,source_by,source_date\n/, 'a table with a header row');
      await page.locator(`${PREVIEW} details[data-perspective]`).first().waitFor({ state: 'attached' });
      const view = await readView(page, { within: PREVIEW });
      assert.deepEqual(view.roles, ['cio', 'cto', 'cmo'], 'the roles the file hides at first are hidden at first');

      // A row's text changed: the kept parts stay with it.
      const edited = text.replace('Manages the IT infrastructure the whole enterprise runs on.', 'Runs the IT the whole company stands on.');
      await page.locator(INPUT).fill(edited);
      await page.waitForFunction((p) => document.querySelector(p)?.textContent.includes('Runs the IT the whole company stands on.'), PREVIEW);
      assert.equal(await page.locator(`${PREVIEW} details[data-perspective]`).count() > 0, true, 'the perspectives are still there');

      // The JSON download is a content file with all of it.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-builder="download-json"]')]);
      assert.equal(download.suggestedFilename(), 'role-compare-cio-cto-cmo-ciso-coo.json');
      const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(file.version, 1);
      assert.equal(file.perspectives.length, 5);
      assert.equal(file.duties.flatMap((d) => d.links ?? []).length, 17);
      assert.equal(file.duties.find((d) => d.id === 'cio-infrastructure').text, 'Runs the IT the whole company stands on.');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('the CSV download guards formula-looking cells, and reads back as the same table', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openBuilder();
    try {
      const formula = TSV.replace('Keeps the books and the budget.', '=HYPERLINK("http://evil.example","Keeps the books")');
      await page.locator(INPUT).fill(formula);
      await waitForPreview(page, DUTIES);
      const sentence = await page.locator(`${PREVIEW} [data-duty="cfo-1"] .rc-duty-text`).textContent();
      assert.equal(sentence.trim(), '=HYPERLINK("http://evil.example","Keeps the books")', 'a formula-looking cell is text');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-builder="download-csv"]')]);
      assert.equal(download.suggestedFilename(), 'role-compare-cdo-cfo-chro.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      assert.ok(csv.startsWith('\ufeffid,role,role_name,text,'), 'a byte order mark, then the header');
      assert.ok(csv.includes(',"\'=HYPERLINK(""http://evil.example"",""Keeps the books"")",'), 'the formula is guarded by a leading quote');
      assert.ok(csv.includes('\r\n'), 'CRLF line ends');

      // Opened again, it is the same comparison.
      await page.locator('input[data-builder="file"]').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('[data-builder="notice"]', { hasText: 'again.csv' }).waitFor();
      await waitForPreview(page, DUTIES);
      assert.equal((await page.locator(`${PREVIEW} [data-duty="cfo-1"] .rc-duty-text`).textContent()).trim(), sentence.trim());
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('templates: the built-in content as a table, an empty table, a template CSV to download; start over and undo', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openBuilder();
    try {
      assert.equal(await page.locator(INPUT).inputValue(), 'role,role_name,text,focus,line,topics,source,source_title,source_url\n', 'a new author starts from an empty table');
      assert.match(await page.locator(PREVIEW).textContent(), /appears here once your table has a row/);

      await page.click('button[data-builder="template-built-in"]');
      await page.locator(`${PREVIEW} [data-duty="cio-infrastructure"]`).waitFor();
      assert.match(await page.locator('[data-builder="kept"]').textContent(), /^Kept from the built-in content: 5 perspectives/);

      const [template] = await Promise.all([page.waitForEvent('download'), page.click('button[data-builder="download-template"]')]);
      assert.equal(template.suggestedFilename(), 'role-compare-template.csv');
      const csv = readFileSync(await template.path(), 'utf8');
      assert.ok(csv.startsWith('\ufeffrole,role_name,text,focus,line,topics,source,source_title,source_by,source_date,source_url\r\n'));

      await page.click('button[data-builder="template-empty"]');
      await page.waitForFunction((s) => document.querySelector(s).value.split('\n').length === 2, INPUT);

      await page.locator(INPUT).fill(TSV);
      await waitForPreview(page, DUTIES);
      await page.click('button[data-builder="start-over"]');
      await page.waitForFunction((s) => document.querySelector(s).value.startsWith('role,role_name') && !document.querySelector(s).value.includes('CDO'), INPUT);
      await page.click('button[data-builder="undo"]');
      await page.waitForFunction(([s, tsv]) => document.querySelector(s).value === tsv, [INPUT, TSV]);
      await waitForPreview(page, DUTIES);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('a reload keeps the text, problems and all', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openBuilder();
    try {
      const typed = TSV.replace('Builds the employer brand.', 'Builds the employer brand').replace('top\tPeople; Brand', 'sideways\tPeople; Brand');
      await page.locator(INPUT).fill(typed);
      await page.locator(PROBLEMS).first().waitFor();
      await page.reload();
      await page.locator(INPUT).waitFor();
      assert.equal(await page.locator(INPUT).inputValue(), typed, 'the same text after a reload');
      await page.locator(PROBLEMS).first().waitFor();
      assert.deepEqual((await problems(page)).map((p) => [p.row, p.column]), [['7', 'E']]);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('a published sheet\'s address loads its table; no other request leaves the page', { timeout: 60_000 }, async () => {
    // A "sheet" on a third origin, as Google publishes one: CSV at an address without .csv.
    const sheet = createServer((req, res) => {
      if (req.url === '/spreadsheets/d/e/2PACX-test/pub?output=csv') {
        res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
        res.end(SHEET.map((row) => row.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n'));
      } else {
        res.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
        res.end();
      }
    });
    await new Promise((resolve) => sheet.listen(0, '127.0.0.1', resolve));
    const sheetOrigin = `http://127.0.0.1:${sheet.address().port}`;
    const { context, page, errors, requests } = await openBuilder();
    try {
      await page.locator('input[data-builder="address"]').fill(`${sheetOrigin}/spreadsheets/d/e/2PACX-test/pub?output=csv`);
      await page.click('button[data-builder="load"]');
      await waitForPreview(page, DUTIES);
      assert.match(await page.locator(INPUT).inputValue(), /^role,role_name,text,/);
      const foreign = requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
      assert.deepEqual(foreign, [`${sheetOrigin}/spreadsheets/d/e/2PACX-test/pub?output=csv`], 'the address the author gave, and nothing else');
      await assertStrictPolicyKept(page, 'builder after loading an address');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
      await new Promise((resolve) => sheet.close(resolve));
    }
  });

  for (const [viewport, colorScheme] of [[DESKTOP, 'light'], [PHONE, 'dark']]) {
    test(`axe (WCAG 2.2 AA), ${viewport.width} px, ${colorScheme}: the builder with a preview, a problem and the snippets`, { timeout: 60_000 }, async () => {
      const { context, page, errors } = await openBuilder({ viewport, colorScheme });
      try {
        await page.locator(INPUT).fill(TSV);
        await waitForPreview(page, DUTIES);
        await page.locator(INPUT).fill(TSV.replace('partners.\texternal', 'partners.\tintern'));
        await page.locator(PROBLEMS).first().waitFor();
        await page.locator('[data-builder="stale"]').waitFor();
        // Evaluated, not added as a script tag: the page's policy allows no inline script.
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async (values) => {
          // eslint-disable-next-line no-undef
          const result = await axe.run(document, { runOnly: { type: 'tag', values } });
          return result.violations.map((v) => `${v.id}: ${v.help} [${v.nodes.length}] e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }, AXE_TAGS);
        assert.deepEqual(violations, []);
        if (viewport === PHONE) {
          // On a phone the preview comes under the data, not beside it.
          const data = await page.locator('.rcb-data').boundingBox();
          const preview = await page.locator('.rcb-preview').boundingBox();
          assert.ok(preview.y >= data.y + data.height, 'the preview is under the table');
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `nothing wider than the screen (${width} px)`);
        }
        assert.deepEqual(errors, [], describeErrors(errors));
      } finally {
        await context.close();
      }
    });
  }

  test('offline once opened: the builder\'s files are cached when it is opened (not for every reader), and a reload offline keeps the work', { timeout: 90_000 }, async () => {
    const worker = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
    const files = JSON.parse(/^const FILES = (\[[\s\S]*?\]);$/m.exec(worker)[1]);
    assert.ok(!files.some((url) => /builder/.test(url)), 'the precache every reader gets holds none of the builder');
    const { context, page, errors } = await openBuilder();
    try {
      await page.locator('[data-builder="offline"]', { hasText: 'works offline' }).waitFor({ timeout: 30_000 });
      await page.locator(INPUT).fill(TSV);
      await waitForPreview(page, DUTIES);
      await context.setOffline(true);
      await page.reload();
      await page.locator(INPUT).waitFor();
      await waitForPreview(page, DUTIES);
      assert.equal(await page.locator(INPUT).inputValue(), TSV);
      assert.match(await page.locator('textarea[data-snippet="script"]').inputValue(), /data-role-compare/, 'the snippets too (release.json is cached)');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('the widget\'s own wasm carries none of the builder', () => {
    const release = JSON.parse(readFileSync(path.join(DIST, 'release.json'), 'utf8'));
    const widget = readFileSync(path.join(DIST, release.files.wasm.path));
    const builder = readFileSync(path.join(DIST, readdirSync(DIST).find((n) => /^role-compare-builder_bg\.[0-9a-f]{12}\.wasm$/.test(n))));
    for (const text of ['Start from the built-in comparison', 'kept from ', 'wp:role-compare/comparison', 'as it was before its problems']) {
      assert.ok(builder.includes(text), `the builder's wasm holds "${text}"`);
      assert.ok(!widget.includes(text), `the widget's wasm does not hold "${text}"`);
    }
  });
});
