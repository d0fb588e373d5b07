// Generated content in format v1, for the tests and the benchmark that need many duties: the
// 5,000-duty robustness test (tests/e2e/robust.test.mjs) and the bench's 5,000 duties
// (scripts/bench.mjs) mount the very same file.

/** `n` duties over 5 roles and 10 topics, sentences that vary. */
export function generatedContent(n) {
  const words = ['vendor', 'budget', 'security', 'customer', 'platform', 'data', 'cloud', 'brand', 'risk', 'hiring', 'pricing', 'support'];
  const roles = ['ceo', 'cfo', 'cio', 'cto', 'cmo'].map((id) => ({ id, title: id.toUpperCase() }));
  const topics = Array.from({ length: 10 }, (_, t) => ({ id: `topic-${t}`, label: `Topic ${t}` }));
  const duties = Array.from({ length: n }, (_, i) => ({
    id: `duty-${i}`,
    role: roles[i % roles.length].id,
    text: `Duty ${i}: owns the ${words[i % words.length]} work with the ${words[(i * 7) % words.length]} team, and reports on ${words[(i * 5) % words.length]} every quarter.`,
    focus: i % 2 ? 'internal' : 'external',
    line: i % 3 ? 'bottom' : 'top',
    topics: [`topic-${i % 10}`, `topic-${(i * 3) % 10}`].filter((t, k, all) => all.indexOf(t) === k),
    source: 'gen',
  }));
  return { version: 1, sources: [{ id: 'gen', title: 'Generated' }], topics, roles, duties };
}
