// The reference page's filters: focus and line toggles (OR within a facet, AND across), a
// search matching every word against a duty's text, topics and role (case and accents
// ignored), a count on each toggle and a status line. Non-matching duties get `hidden`.
(() => {
  const norm = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const root = document.getElementById('ref');
  const status = root.querySelector('[role=status]');
  const search = root.querySelector('input[type=search]');
  const buttons = [...root.querySelectorAll('button[data-filter]')];
  const columns = [...root.querySelectorAll('section[data-role]')].map((section) => ({
    title: section.querySelector('h2').firstChild.textContent.trim(),
    duties: [...section.querySelectorAll('li[data-duty]')].map((el) => ({
      el,
      focus: el.dataset.focus,
      line: el.dataset.line,
      hay: norm(`${el.firstChild.textContent} ${el.querySelector('.topics').textContent} ${section.dataset.role}`),
    })),
  }));
  const all = columns.flatMap((c) => c.duties);
  const chosen = { focus: new Set(), line: new Set() };

  const fits = (d, words, skip) =>
    (skip === 'focus' || chosen.focus.size === 0 || chosen.focus.has(d.focus)) &&
    (skip === 'line' || chosen.line.size === 0 || chosen.line.has(d.line)) &&
    words.every((w) => d.hay.includes(w));

  function update() {
    const words = norm(search.value).split(/\s+/).filter(Boolean);
    const counts = columns.map((c) => {
      let n = 0;
      for (const d of c.duties) {
        const show = fits(d, words);
        if (d.el.hidden === show) d.el.hidden = !show;
        if (show) n++;
      }
      return n;
    });
    for (const b of buttons) {
      const [facet, value] = b.dataset.filter.split(':');
      const n = all.filter((d) => d[facet] === value && fits(d, words, facet)).length;
      if (b.lastElementChild.textContent !== String(n)) b.lastElementChild.textContent = n;
      const pressed = String(chosen[facet].has(value));
      if (b.getAttribute('aria-pressed') !== pressed) b.setAttribute('aria-pressed', pressed);
    }
    const shown = counts.reduce((a, b) => a + b, 0);
    const line = `${shown} of ${all.length} duties · ${columns.map((c, i) => `${c.title} ${counts[i]}`).join(' · ')}`;
    if (status.textContent !== line) status.textContent = line;
  }

  for (const b of buttons) {
    b.addEventListener('click', () => {
      const [facet, value] = b.dataset.filter.split(':');
      if (!chosen[facet].delete(value)) chosen[facet].add(value);
      update();
    });
  }
  search.addEventListener('input', update);
  update(); // the HTML already holds the unfiltered view; this changes nothing unless it is stale
})();
