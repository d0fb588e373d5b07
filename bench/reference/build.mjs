// Generates the plain HTML/JS reference page from a content file (format v1): the duties are in
// the HTML, reference.js adds the filters the widget has (roles, focus, line, topics behind
// "More filters", search) by setting `hidden` on what does not fit. No framework. The
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
  const shownRole = (r) => r.shownByDefault !== false;
  // Every role's column is in the HTML, those not shown by default `hidden`, so that a role
  // toggle only shows or hides one (as the widget's role toggles add or remove one).
  const columns = content.roles.map((role) => {
    const items = content.duties
      .filter((d) => d.role === role.id)
      .map((d) => {
        const topics = d.topics.map((t) => topicLabel.get(t) ?? t).join(', ');
        return `<li data-duty="${esc(d.id)}" data-focus="${d.focus}" data-line="${d.line}" data-topics="${esc(d.topics.join(' '))}"><p>${esc(d.text)}</p><p class="tags">${d.focus} · ${d.line} line · <span class="topics">${esc(topics)}</span></p></li>`;
      })
      .join('\n');
    return `<section data-role="${esc(role.id)}"${shownRole(role) ? '' : ' hidden'}><h2>${esc(role.title)} <small>${esc(role.name ?? role.title)}</small></h2>
<p>${esc(role.summary ?? '')}</p>
<ul>
${items}
</ul></section>`;
  });
  // Counts and status as reference.js computes them with no filter, so its first run shifts
  // nothing: a toggle counts the duties that fit every other facet (the roles shown included).
  const roles = content.roles.filter(shownRole);
  const shown = content.duties.filter((d) => roles.some((r) => r.id === d.role));
  const count = (facet, value) =>
    facet === 'roles' ? content.duties.filter((d) => d.role === value).length
      : facet === 'topic' ? shown.filter((d) => d.topics.includes(value)).length
        : shown.filter((d) => d[facet] === value).length;
  const status = `${shown.length} of ${shown.length} duties · ${roles.map((r) => `${r.title} ${shown.filter((d) => d.role === r.id).length}`).join(' · ')}`;
  const toggle = (facet, value, label, pressed = false) =>
    `<button type="button" data-filter="${facet}:${esc(value)}" aria-pressed="${pressed}">${esc(label)} <span class="n">${count(facet, value)}</span></button>`;
  const roleToggles = content.roles.length > 1 ? `<span>Roles</span> ${content.roles.map((r) => toggle('roles', r.id, r.title, shownRole(r))).join(' ')}\n` : '';
  const topics = content.topics ?? [];
  // The topics fold behind "More filters", as the widget's do.
  const more = topics.length
    ? `<button type="button" data-action="filters" aria-expanded="false" aria-controls="ref-more">More filters</button>
</div>
<div class="bar" id="ref-more" hidden>
<span>Topic</span> ${topics.map((t) => toggle('topic', t.id, t.label)).join(' ')}
`
    : '';
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
<label>Search <input type="search" autocomplete="off"></label>
${roleToggles}<span>Focus</span> ${toggle('focus', 'internal', 'Internal')} ${toggle('focus', 'external', 'External')}
<span>Line</span> ${toggle('line', 'top', 'Top line')} ${toggle('line', 'bottom', 'Bottom line')}
${more}</div>
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
