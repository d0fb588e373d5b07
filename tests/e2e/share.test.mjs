// End-to-end tests of sharing a view (issue 9, part 5) in headless Chromium against the built
// site (dist/): the CSV and JSON downloads hold exactly the visible duties, the JSON mounted as
// content shows the same view, the embed panel's snippets pasted into a fresh page on another
// origin show the same view, the copied link opens the same view (and a refused clipboard shows
// the link selected for copying by hand), and the printed page names the filters and hides the
// controls. Run `make dist` first, then `node --test --test-concurrency=1 tests/e2e/share.test.mjs`.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { serve, widgetOriginIn } from './support/server.mjs';
import { launch, openPage, waitForWidget, describeErrors } from './support/browser.mjs';
import { readView, pressedFilters, assertStatusMatchesDom, waitForView } from './support/widget.mjs';
import { readRelease } from './support/release.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RC_DIST_DIR || path.join(here, '..', '..', 'dist'));
const HOSTS = path.join(here, 'hosts');
const DESKTOP = { width: 1280, height: 900 };
const RELEASE = readRelease(DIST);

let site; // dist/, with CORS, as a CDN serves the widget to blogs
let blog; // tests/e2e/hosts/, another origin
let pasted; // a directory of pages made by the tests, a third origin
let pastedDir;
let browser;

const ids = (view) => view.duties.map((d) => d.id);

/** Opens `url`, waits for the live widget, runs `body`, then asserts no error was logged. */
async function withPage(url, body, { viewport = DESKTOP, ready = waitForWidget } = {}) {
  const { context, page, errors } = await openPage(browser, url, { viewport, waitForWidget: false });
  try {
    await ready(page);
    await body(page, context, errors);
    assert.deepEqual(errors, [], `${url} logged errors: ${describeErrors(errors)}`);
  } finally {
    await context.close();
  }
}

/** Clicks `selector` and returns the download it starts: its suggested name and its text. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.locator(selector).click()]);
  const text = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** RFC 4180 text into records (quotes undone); fails on a line not ended by CRLF. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r') {
      assert.equal(text[i + 1], '\n', 'CR is followed by LF');
      i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      assert.notEqual(c, '\n', 'no bare LF ends a line');
      field += c;
    }
  }
  assert.equal(field + record.join(''), '', 'the text ends with CRLF');
  return records;
}

/** Waits for the share bar's live region to say something matching `pattern`; returns it. */
async function message(page, pattern) {
  await waitForView(
    page,
    `the share message to match ${pattern}`,
    `${pattern}.test(document.querySelector('.rc-mount:not([data-prerendered]) .rc-share-message')?.textContent ?? '')`,
  );
  return page.locator('.rc-mount:not([data-prerendered]) .rc-share-message').textContent();
}

const BUILT = existsSync(path.join(DIST, 'index.html'));
if (!BUILT) {
  test('the site is built', () => assert.fail(`${path.join(DIST, 'index.html')} is missing: run make dist first`));
}

describe('sharing a view (dist/)', { skip: !BUILT && 'dist/ is missing' }, () => {
  before(async () => {
    site = await serve(DIST, { cors: true });
    blog = await serve(HOSTS, { transform: widgetOriginIn(site.origin) });
    pastedDir = await mkdtemp(path.join(os.tmpdir(), 'rc-share-'));
    pasted = await serve(pastedDir);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await Promise.all([site?.close(), blog?.close(), pasted?.close()]);
    if (pastedDir) await rm(pastedDir, { recursive: true, force: true });
  });

  test('the CSV download holds exactly the visible duties, quoted per RFC 4180, with a BOM', async () => {
    await withPage(site.url + '#focus=internal&topic=security,data', async (page) => {
      const view = await readView(page);
      assert.ok(view.duties.length > 0, 'some duties show');
      const { name, text } = await download(page, '.rc-mount:not([data-prerendered]) [data-export="csv"]');
      assert.equal(name, 'role-compare-cio-cto-cmo.csv');
      assert.ok(text.startsWith('\ufeff'), 'a UTF-8 byte order mark, for Excel');
      const [header, ...rows] = parseCsv(text.slice(1));
      assert.deepEqual(header, ['id', 'role', 'text', 'focus', 'line', 'topics', 'source']);
      assert.deepEqual(rows.map((r) => r[0]), ids(view), 'one row per visible duty, in the order shown');
      for (const [row, duty] of rows.map((r, i) => [r, view.duties[i]])) {
        assert.equal(row[1], duty.role.toUpperCase(), `${duty.id}: the role's title`);
        assert.equal(row[2], duty.sentence, `${duty.id}: the text as shown`);
        assert.equal(row[3], duty.focus);
        assert.equal(row[4], duty.line);
        assert.match(row[5], /Security|Data/, `${duty.id}: its topics`);
        assert.ok(row[6].length > 0, `${duty.id}: its source`);
      }
      assert.match(await message(page, /Downloading/), /Downloading role-compare-cio-cto-cmo\.csv/);
    });
  });

  test('the JSON download is content that, mounted, shows the same duties', async () => {
    let exported;
    let expected;
    await withPage(site.url + '#roles=cio,ciso&line=bottom', async (page) => {
      const view = await readView(page);
      expected = { roles: view.roles, duties: ids(view) };
      assert.deepEqual(view.roles, ['cio', 'ciso']);
      const { name, text } = await download(page, '.rc-mount:not([data-prerendered]) [data-export="json"]');
      assert.equal(name, 'role-compare-cio-ciso.json');
      exported = JSON.parse(text);
    });
    assert.equal(exported.version, 1);
    assert.deepEqual(exported.duties.map((d) => d.id), expected.duties, 'exactly the visible duties');
    assert.deepEqual(exported.roles.map((r) => r.id), ['cio', 'ciso']);

    await withPage(
      blog.url + 'api.html',
      async (page) => {
        await page.evaluate((content) => {
          const div = document.createElement('div');
          div.id = 'exported';
          document.querySelector('#slot').append(div);
          return window.RoleCompare.mount(div, { content });
        }, exported);
        await page.locator('#exported .rc [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 });
        const view = await readView(page, { within: '#exported' });
        assert.equal(view.error, null, 'the export is valid content');
        assert.deepEqual(view.roles, expected.roles, 'the same columns');
        assert.deepEqual(ids(view), expected.duties, 'the same duties');
        assertStatusMatchesDom(view);
      },
      { ready: (page) => page.waitForFunction(() => typeof window.RoleCompare?.mount === 'function', undefined, { timeout: 15_000 }) },
    );
  });

  test('with no duty visible, the downloads say so instead of saving an empty file', async () => {
    await withPage(
      site.url + '#q=zzzqqqxxx',
      async (page) => {
        await page.locator('.rc-mount:not([data-prerendered]) [data-export="json"]').click();
        assert.match(await message(page, /nothing to export/), /No duty is shown/);
      },
      { ready: (page) => page.locator('.rc-mount:not([data-prerendered]) .rc-empty').waitFor({ timeout: 15_000 }) },
    );
  });

  test('the embed panel: both snippets, pasted into a page on another origin, show the same view', async () => {
    let snippets;
    let expected;
    await withPage(site.url + '#roles=cmo,cio&focus=external&topic=marketing,data', async (page) => {
      const view = await readView(page);
      expected = { roles: view.roles, duties: ids(view), pressed: pressedFilters(view) };
      assert.deepEqual(expected.roles, ['cio', 'cmo']);
      assert.ok(expected.duties.length > 0);
      const button = page.locator('.rc-mount:not([data-prerendered]) [data-action="embed"]');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      const script = page.locator('.rc textarea[data-snippet="script"]');
      await waitForView(page, 'the script snippet', `(document.querySelector('.rc textarea[data-snippet="script"]')?.value ?? '').includes('embed.js')`);
      snippets = {
        script: await script.inputValue(),
        iframe: await page.locator('.rc textarea[data-snippet="iframe"]').inputValue(),
        readonly: await script.getAttribute('readonly'),
      };
      // A filter changed while the panel is open changes the snippet too.
      await page.locator('.rc button[data-filter="line:top"]').click();
      await waitForView(page, 'the snippet to follow the view', `/<div data-role-compare [^>]*data-line="top"/.test(document.querySelector('.rc textarea[data-snippet="script"]')?.value ?? '')`);
      await page.locator('.rc button[data-filter="line:top"]').click();
      await waitForView(page, 'the snippet to follow back', `/<div data-role-compare data-roles="cio,cmo" data-focus="external" data-topic="marketing,data">/.test(document.querySelector('.rc textarea[data-snippet="script"]')?.value ?? '')`);
      assert.equal(await script.inputValue(), snippets.script, 'the same snippet for the same view');
    });

    const { script, iframe } = snippets;
    assert.notEqual(snippets.readonly, null, 'the snippet field is read-only');
    // Pinned: the release's own folder, each file with its integrity (release.json's).
    const { css, embed, frameParent } = RELEASE.files;
    const pinned = `${site.url}v${RELEASE.version}/`;
    assert.ok(
      script.startsWith(`<link rel="stylesheet" href="${pinned}${css.path}" integrity="${css.integrity}" crossorigin="anonymous">\n<div data-role-compare `),
      script.slice(0, 300),
    );
    assert.match(script, /<div data-role-compare data-roles="cio,cmo" data-focus="external" data-topic="marketing,data">/, 'the options that differ from a plain widget, no others');
    assert.match(
      script,
      /<!--rc-prerendered--><div class="rc-mount" data-prerendered><div (class="rc" data-theme="auto"|data-theme="auto" class="rc")>.*<\/div><!--\/rc-prerendered--><\/div>\n/s,
      'the view pre-rendered inside, wrapped as the build wraps it',
    );
    assert.ok(script.trimEnd().endsWith(`<script type="module" src="${pinned}embed.js" integrity="${embed.integrity}" crossorigin="anonymous"></script>`), script.slice(-300));
    assert.doesNotMatch(script, /rc-share-message">[^<]|rc-embed"|rc-notice|aria-current/, 'no panel, message or notice of this session in the copy');
    const prerendered = [...script.matchAll(/data-duty="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(prerendered, expected.duties, 'the pre-rendered view holds the same duties');
    assert.match(iframe, new RegExp(`^<iframe data-role-compare-frame src="${pinned.replaceAll('.', '\\.')}embed\\.html\\?roles=cio,cmo&amp;focus=external&amp;topic=marketing,data" title="CIO and CMO duties compared"`));
    assert.ok(iframe.endsWith(`<script src="${pinned}frame-parent.js" integrity="${frameParent.integrity}" crossorigin="anonymous" defer></script>\n`), iframe.slice(-300));

    await writeFile(path.join(pastedDir, 'script.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><main><h1>An article</h1>\n${script}</main></body></html>`);
    await writeFile(path.join(pastedDir, 'iframe.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><main><h1>An article</h1>\n${iframe}</main></body></html>`);

    await withPage(pasted.url + 'script.html', async (page) => {
      const view = await readView(page);
      assert.deepEqual(view.roles, expected.roles, 'the same columns');
      assert.deepEqual(ids(view), expected.duties, 'the same duties');
      assert.deepEqual(pressedFilters(view), expected.pressed, 'the same filters pressed');
      assert.equal(view.notice, null, 'no option was ignored');
      assert.equal(await page.locator('.rc').count(), 1, 'one widget: the live one replaced the pre-rendered view');
    });
    await withPage(
      pasted.url + 'iframe.html',
      async (page) => {
        const frame = page.frames().find((f) => f.url().includes('embed.html'));
        const view = await readView(frame);
        assert.deepEqual(view.roles, ['cio', 'cmo']);
        assert.deepEqual(ids(view), expected.duties, 'the same duties in the frame');
        assert.deepEqual(pressedFilters(view), expected.pressed, 'the same filters pressed in the frame');
      },
      { ready: (page) => page.frameLocator('iframe').locator('.rc-mount:not([data-prerendered]) [data-duty]').first().waitFor({ state: 'attached', timeout: 15_000 }) },
    );
  });

  test('the embed panel pins its snippets from the release the page carries (the offline edition) or says why it cannot', async () => {
    // The snippet, or what the panel says instead once release.json has been read or has failed:
    // not "Making the snippet…", which it says while the read is under way.
    const scriptSnippet = (page) =>
      page.waitForFunction(() => {
        const said = document.querySelector('.rc-embed p.rc-embed-item')?.textContent;
        return document.querySelector('.rc textarea[data-snippet="script"]')?.value || (said !== 'Making the snippet…' && said);
      });
    const { css, embed } = RELEASE.files;
    // The offline edition has no address to read release.json from: it carries its release.
    const single = await openPage(browser, pathToFileURL(path.join(DIST, 'role-compare.html')).href, { viewport: DESKTOP });
    try {
      await single.page.locator('.rc-mount:not([data-prerendered]) [data-action="embed"]').click();
      const text = await (await scriptSnippet(single.page)).jsonValue();
      const pinned = `https://example.org/role-compare/v${RELEASE.version}/`;
      assert.ok(text.startsWith(`<link rel="stylesheet" href="${pinned}${css.path}" integrity="${css.integrity}" crossorigin="anonymous">`), text.slice(0, 300));
      assert.ok(text.trimEnd().endsWith(`<script type="module" src="${pinned}embed.js" integrity="${embed.integrity}" crossorigin="anonymous"></script>`), text.slice(-300));
      assert.deepEqual(single.errors, [], describeErrors(single.errors));
    } finally {
      await single.context.close();
    }
    // A host that lost release.json: the panel says what is missing, and offers no snippet.
    const copy = await mkdtemp(path.join(os.tmpdir(), 'rc-no-release-'));
    await cp(DIST, copy, { recursive: true });
    await rm(path.join(copy, 'release.json'));
    const host = await serve(copy);
    const missing = await openPage(browser, host.url, { viewport: DESKTOP, expectedMissing: [`${host.url}release.json`] });
    try {
      await missing.page.locator('.rc-mount:not([data-prerendered]) [data-action="embed"]').click();
      const said = await (await scriptSnippet(missing.page)).jsonValue();
      assert.equal(said, `The snippets could not be made: ${host.url}release.json could not be read (HTTP 404).`);
      assert.equal(await missing.page.locator('.rc textarea[data-snippet]').count(), 0, 'no snippet to copy');
      assert.deepEqual(missing.errors, [], describeErrors(missing.errors));
    } finally {
      await missing.context.close();
      await host.close();
      await rm(copy, { recursive: true, force: true });
    }
  });

  test('copy link puts a link to this view on the clipboard, and the link opens the same view', async () => {
    let link;
    let expected;
    await withPage(site.url, async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      await page.locator('.rc button[data-filter="focus:external"]').click();
      await page.locator('.rc input[type="search"]').fill('customer');
      await waitForView(page, 'the search to apply', `location.hash.includes('q=customer')`);
      const view = await readView(page);
      expected = { roles: view.roles, duties: ids(view), pressed: pressedFilters(view) };
      await page.locator('.rc [data-action="copy-link"]').click();
      assert.equal(await message(page, /copied/), 'Link copied');
      link = await page.evaluate(() => navigator.clipboard.readText());
    });
    assert.equal(link, `${site.url}#focus=external&q=customer`);
    await withPage(link, async (page) => {
      const view = await readView(page);
      assert.deepEqual(view.roles, expected.roles);
      assert.deepEqual(ids(view), expected.duties, 'the same duties');
      assert.deepEqual(pressedFilters(view), expected.pressed, 'the same filters');
      assert.equal(view.search, 'customer');
    });
  });

  test('a refused clipboard shows the link selected in a read-only field, with a message', async () => {
    const { context, page, errors } = await openPage(browser, 'about:blank', { waitForWidget: false });
    try {
      // As in an insecure context: no async clipboard at all.
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
      await page.goto(site.url + '#line=bottom');
      await waitForWidget(page);
      await page.locator('.rc [data-action="copy-link"]').click();
      assert.match(await message(page, /did not let/), /press Ctrl\+C/);
      const field = page.locator('.rc textarea[data-snippet="link"]');
      await field.waitFor();
      const state = await field.evaluate((el) => ({
        value: el.value,
        readOnly: el.readOnly,
        focused: document.activeElement === el,
        selected: el.selectionStart === 0 && el.selectionEnd === el.value.length,
        label: el.closest('label')?.textContent.trim(),
      }));
      assert.deepEqual(state, { value: `${site.url}#line=bottom`, readOnly: true, focused: true, selected: true, label: 'Link to this view' });
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally {
      await context.close();
    }
  });

  test('printing shows the visible duties in columns across the page, the filters named, no controls', async () => {
    await withPage(site.url + '#roles=cio,cto,cmo,ciso,coo&focus=internal&line=top&topic=security,data&q=e', async (page) => {
      const filters = page.locator('.rc-mount:not([data-prerendered]) .rc-print-filters');
      assert.equal(await filters.isVisible(), false, 'the filters line is for print only');
      const onScreen = await readView(page);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await filters.isVisible(), true, 'the filters line prints');
      assert.equal(await filters.textContent(), 'Filters: Focus internal; Line top (revenue); Topics Security, Data; Search "e"');
      const printed = await page.evaluate(() => {
        const root = document.querySelector('.rc-mount:not([data-prerendered]) .rc');
        const shown = (el) => el.checkVisibility({ visibilityProperty: true });
        const strip = root.querySelector('.rc-columns');
        const columns = [...root.querySelectorAll('[data-role]')].map((c) => c.getBoundingClientRect());
        const box = root.getBoundingClientRect();
        return {
          controls: [...root.querySelectorAll('button, input, textarea')].filter(shown).map((el) => el.outerHTML.slice(0, 80)),
          filterBar: [root.querySelector('.rc-toolbar'), root.querySelector('.rc-chips')].some(shown),
          roleBar: shown(root.querySelector('.rc-rolebar')),
          headings: [...root.querySelectorAll('.rc-column > .rc-role-title')].filter(shown).map((h) => h.getBoundingClientRect().width > 10),
          duties: [...root.querySelectorAll('[data-duty]')].filter(shown).map((d) => d.dataset.duty),
          scrolls: strip.scrollWidth > strip.clientWidth + 1,
          inside: columns.every((c) => c.left >= box.left - 1 && c.right <= box.right + 1),
          filtersTop: root.querySelector('.rc-print-filters').getBoundingClientRect().top,
          columnsTop: strip.getBoundingClientRect().top,
        };
      });
      assert.deepEqual(printed.controls, [], 'no button, field or toggle prints');
      assert.equal(printed.filterBar, false, 'the toolbar and the chips do not print');
      assert.equal(printed.roleBar, false, 'the role bar does not print: it cannot follow wrapped columns');
      assert.deepEqual(printed.headings, [true, true, true, true, true], 'each printed column shows its own heading');
      assert.deepEqual(printed.duties, ids(onScreen), 'every visible duty prints');
      assert.equal(printed.scrolls, false, 'no sideways strip on paper');
      assert.ok(printed.inside, 'every column within the page width');
      assert.ok(printed.filtersTop < printed.columnsTop, 'the filters line heads the duties');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await filters.isVisible(), false);
    });
  });

  test('the share bar fits a 320 px wide page and its buttons are large enough to tap', async () => {
    await withPage(
      site.url,
      async (page) => {
        await page.locator('.rc [data-action="embed"]').click();
        await page.locator('.rc textarea[data-snippet="script"]').waitFor();
        const fit = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          small: [...document.querySelectorAll('.rc-share button')]
            .map((b) => b.getBoundingClientRect())
            .filter((r) => r.width < 24 || r.height < 24).length,
        }));
        assert.ok(fit.page <= 320, `no sideways scroll: the page is ${fit.page} px wide`);
        assert.equal(fit.small, 0, 'every share button at least 24 x 24 px');
      },
      { viewport: { width: 320, height: 640 } },
    );
  });
});
