// Generates the plain HTML/JS reference page from a content file (format v1): the duties are in
// the HTML, reference.js adds the focus and line filters and the search. No framework. The
// benchmark (scripts/bench.mjs) regenerates it at every run from content/roles.json and from
// its generated 1,000-duty file, so it is always in step with the content.
//
//   node bench/reference/build.mjs [content.json] [out.html]
//   (defaults: content/roles.json -> bench/reference/index.html)

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * The reference page for `content` (a parsed v1 content object) as an HTML string. `assets` is
 * the URL prefix of reference.js and reference.css.
 */
export function renderReference(content, { title = 'CIO, CTO or CMO: who owns what? (plain reference)', assets = './' } = {}) {
  const topicLabel = new Map((content.topics ?? []).map((t) => [t.id, t.label]));
  const roles = content.roles.filter((r) => r.shownByDefault !== false);
  const columns = roles.map((role) => {
    const items = content.duties
      .filter((d) => d.role === role.id)
      .map((d) => {
        const topics = d.topics.map((t) => topicLabel.get(t) ?? t).join(', ');
        return `<li data-duty="${esc(d.id)}" data-focus="${d.focus}" data-line="${d.line}"><p>${esc(d.text)}</p><p class="tags">${d.focus} · ${d.line} line · <span class="topics">${esc(topics)}</span></p></li>`;
      })
      .join('\n');
    return `<section data-role="${esc(role.id)}"><h2>${esc(role.title)} <small>${esc(role.name ?? role.title)}</small></h2>
<p>${esc(role.summary ?? '')}</p>
<ul>
${items}
</ul></section>`;
  });
  // Counts and status as reference.js computes them with no filter, so its first run shifts nothing.
  const shown = content.duties.filter((d) => roles.some((r) => r.id === d.role));
  const count = (facet, value) => shown.filter((d) => d[facet] === value).length;
  const status = `${shown.length} of ${shown.length} duties · ${roles.map((r) => `${r.title} ${shown.filter((d) => d.role === r.id).length}`).join(' · ')}`;
  const toggle = (facet, value, label) =>
    `<button type="button" data-filter="${facet}:${value}" aria-pressed="false">${label} <span class="n">${count(facet, value)}</span></button>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="The duties of the CIO, CTO and CMO side by side: a plain HTML and JavaScript reference page for role-compare's benchmark.">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets}reference.css">
<script src="${assets}reference.js" defer></script>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<div id="ref">
<div class="bar">
<span>Focus</span> ${toggle('focus', 'internal', 'Internal')} ${toggle('focus', 'external', 'External')}
<span>Line</span> ${toggle('line', 'top', 'Top line')} ${toggle('line', 'bottom', 'Bottom line')}
<label>Search <input type="search" autocomplete="off"></label>
</div>
<p role="status">${esc(status)}</p>
<div class="cols" style="--n: ${roles.length}">
${columns.join('\n')}
</div>
</div>
</main>
</body>
</html>
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const input = process.argv[2] ?? path.join(here, '../../content/roles.json');
  const output = process.argv[3] ?? path.join(here, 'index.html');
  writeFileSync(output, renderReference(JSON.parse(readFileSync(input, 'utf8'))));
  console.log(`wrote ${output}`);
}
