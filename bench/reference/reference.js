// The reference page's filters, as plain as they come: roles (a column shown or hidden), focus,
// line and topic toggles (OR within a facet, AND across), a search matching every word against a
// duty's text, topics and role (case and accents ignored), a count on each toggle and a status
// line. Non-matching duties get `hidden`; nothing is created or removed after the first parse.
(() => {
  const norm = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const root = document.getElementById('ref');
  const status = root.querySelector('[role=status]');
  const search = root.querySelector('input[type=search]');
  const grid = root.querySelector('.cols');
  const more = root.querySelector('[data-action=filters]');
  const buttons = [...root.querySelectorAll('button[data-filter]')].map((el) => {
    const [facet, value] = el.dataset.filter.split(':');
    return { el, facet, value, count: el.lastElementChild };
  });
  const columns = [...root.querySelectorAll('section[data-role]')].map((section) => ({
    section,
    role: section.dataset.role,
    title: section.querySelector('h2').firstChild.textContent.trim(),
    duties: [...section.querySelectorAll('li[data-duty]')].map((el) => ({
      el,
      role: section.dataset.role,
      focus: el.dataset.focus,
      line: el.dataset.line,
      topics: el.dataset.topics.split(' '),
      hay: norm(`${el.firstChild.textContent} ${el.querySelector('.topics').textContent} ${section.dataset.role}`),
    })),
  }));
  const chosen = { roles: new Set(columns.filter((c) => !c.section.hidden).map((c) => c.role)), focus: new Set(), line: new Set(), topic: new Set() };
  const FACETS = ['roles', 'focus', 'line', 'topic'];
  const has = {
    roles: (d) => chosen.roles.has(d.role),
    focus: (d) => chosen.focus.size === 0 || chosen.focus.has(d.focus),
    line: (d) => chosen.line.size === 0 || chosen.line.has(d.line),
    topic: (d) => chosen.topic.size === 0 || d.topics.some((t) => chosen.topic.has(t)),
  };

  function update() {
    const words = norm(search.value).split(/\s+/).filter(Boolean);
    // One pass: a duty that fits every facet shows and counts for each of its values; one that
    // misses exactly one facet still counts for its value there (a toggle counts the duties
    // that fit every other facet).
    const counts = new Map(buttons.map((b) => [b.el.dataset.filter, 0]));
    const bump = (facet, value) => counts.has(`${facet}:${value}`) && counts.set(`${facet}:${value}`, counts.get(`${facet}:${value}`) + 1);
    const perColumn = columns.map((c) => {
      let n = 0;
      for (const d of c.duties) {
        const misses = words.every((w) => d.hay.includes(w)) ? FACETS.filter((f) => !has[f](d)) : null;
        // A duty's own `hidden` leaves out its role: a column not shown is hidden as a whole.
        const show = misses !== null && misses.every((f) => f === 'roles');
        if (d.el.hidden === show) d.el.hidden = !show;
        if (show) n++;
        if (misses === null || misses.length > 1) continue;
        for (const f of misses.length ? misses : FACETS) {
          if (f === 'roles') bump('roles', d.role);
          else if (f === 'topic') for (const t of d.topics) bump('topic', t);
          else bump(f, d[f]);
        }
      }
      return n;
    });
    for (const b of buttons) {
      const n = String(counts.get(b.el.dataset.filter));
      if (b.count.textContent !== n) b.count.textContent = n;
      const pressed = String(chosen[b.facet].has(b.value));
      if (b.el.getAttribute('aria-pressed') !== pressed) b.el.setAttribute('aria-pressed', pressed);
    }
    const shownColumns = columns.filter((c) => chosen.roles.has(c.role));
    for (const c of columns) if (c.section.hidden === chosen.roles.has(c.role)) c.section.hidden = !chosen.roles.has(c.role);
    const n = String(Math.max(1, shownColumns.length));
    if (grid.style.getPropertyValue('--n') !== n) grid.style.setProperty('--n', n);
    const total = shownColumns.reduce((t, c) => t + c.duties.length, 0);
    const shown = columns.reduce((t, c, i) => t + (chosen.roles.has(c.role) ? perColumn[i] : 0), 0);
    const line = `${shown} of ${total} duties · ${shownColumns.map((c) => `${c.title} ${perColumn[columns.indexOf(c)]}`).join(' · ')}`;
    if (status.textContent !== line) status.textContent = line;
  }

  for (const b of buttons) {
    b.el.addEventListener('click', () => {
      if (!chosen[b.facet].delete(b.value)) chosen[b.facet].add(b.value);
      update();
    });
  }
  more?.addEventListener('click', () => {
    const open = more.getAttribute('aria-expanded') !== 'true';
    more.setAttribute('aria-expanded', String(open));
    document.getElementById(more.getAttribute('aria-controls')).hidden = !open;
  });
  search.addEventListener('input', update);
  update(); // the HTML already holds the unfiltered view; this changes nothing unless it is stale
})();
