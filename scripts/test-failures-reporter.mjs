// A node:test reporter (`--test-reporter=./scripts/test-failures-reporter.mjs`) that writes one
// JSON line per test that failed: its file, its full name (the describe blocks' names, then its
// own, joined by " > "), where it failed and its error; and one per test that passed (`ok`), so
// that the tests can be listed and run one by one. scripts/test-repeat.mjs gives it a file of
// its own per run (`--test-reporter-destination`) beside the usual spec output, and adds the
// lines up over the runs. Suites that failed only because a test inside them did are left out:
// the test itself is listed.

/** The error's message, as the assertion wrote it (node:test wraps it in ERR_TEST_FAILURE). */
function messageOf(error) {
  const inner = error?.cause ?? error;
  if (inner == null) return 'failed, with no error';
  if (typeof inner !== 'object') return String(inner);
  return String(inner.message ?? inner);
}

/** The first line of the error's stack inside a test file or its support: where it failed. */
function locationOf(error) {
  const stack = String((error?.cause ?? error)?.stack ?? '');
  const line = stack.split('\n').find((l) => /\/tests\/.*\.m?js:\d+/.test(l) && !/node_modules|node:internal/.test(l));
  const m = line && /(tests\/[^\s:)]+:\d+)/.exec(line);
  return m ? m[1] : null;
}

export default async function* failuresReporter(source) {
  // The names of the tests started at each nesting level, per file: the path of a failing test.
  const open = new Map();
  for await (const event of source) {
    const data = event.data ?? {};
    const file = data.file ?? '(no file)';
    if (event.type === 'test:start') {
      const names = open.get(file) ?? [];
      names.length = data.nesting;
      names[data.nesting] = data.name;
      open.set(file, names);
    } else if (event.type === 'test:pass') {
      // A test that ran and passed (not a suite, not one skipped or left to do).
      if (data.skip || data.todo || data.details?.type === 'suite') continue;
      const parents = (open.get(file) ?? []).slice(0, data.nesting);
      yield JSON.stringify({ ok: true, file, name: [...parents, data.name].join(' > '), test: data.name }) + '\n';
    } else if (event.type === 'test:fail') {
      const error = data.details?.error;
      const kind = error?.failureType;
      if (kind === 'subtestsFailed') continue;
      const parents = (open.get(file) ?? []).slice(0, data.nesting);
      const name = [...parents, data.name].join(' > ');
      yield JSON.stringify({
        ok: false,
        file,
        name,
        test: data.name,
        kind: kind ?? null,
        error: messageOf(error),
        at: locationOf(error) ?? (data.line ? `${file}:${data.line}` : null),
      }) + '\n';
    }
  }
}
