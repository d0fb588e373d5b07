// Where a benchmark run goes in BENCHMARKS.md: between one `bench:start` and one `bench:end`
// marker, replacing what a previous run wrote there and keeping the rest of the file. Apart from
// scripts/bench.mjs so that tests/node/bench-report.test.mjs can check it without running a
// benchmark.
//
// A file whose markers are not exactly one pair, in order, is refused rather than guessed at:
// with a second `bench:end` further down, replacing up to the first one left a previous run's
// sections below it, so the file showed them twice.

/** The marker before a run's report (written as is; found by its start, which may vary). */
export const START = '<!-- bench:start (written by scripts/bench.mjs; edit outside these markers) -->';
/** The marker after it. */
export const END = '<!-- bench:end -->';

const START_RE = /<!-- bench:start\b[^>]*-->/g;
const END_RE = /<!-- bench:end -->/g;

/**
 * Why `text` cannot take a report, or null when it can: it has no markers at all (the report is
 * appended) or exactly one start marker followed by one end marker.
 */
export function markerProblem(text) {
  const starts = [...text.matchAll(START_RE)].map((m) => m.index);
  const ends = [...text.matchAll(END_RE)].map((m) => m.index);
  if (starts.length === 0 && ends.length === 0) return null;
  if (starts.length !== 1 || ends.length !== 1) {
    return `has ${starts.length} bench:start and ${ends.length} bench:end markers; a report goes between exactly one pair`;
  }
  if (ends[0] < starts[0]) return 'has its bench:end marker before its bench:start marker';
  return null;
}

/** Throws, naming `file`, when `text` cannot take a report (see markerProblem). */
export function assertMarkers(text, file = 'the report file') {
  const problem = markerProblem(text);
  if (problem) throw new Error(`${file} ${problem}: fix it by hand (keep one pair, delete the rest) and run again`);
}

/**
 * `text` with `body` between its markers (what was there before is dropped), or with the markers
 * and `body` appended when it has none. Throws, naming `file`, when the markers are not one pair.
 */
export function spliceReport(text, body, file = 'the report file') {
  assertMarkers(text, file);
  const block = `${START}\n${body}\n${END}`;
  const start = text.search(START_RE);
  if (start === -1) return `${text.trimEnd()}\n\n${block}\n`;
  const end = text.search(END_RE) + END.length;
  return text.slice(0, start) + block + text.slice(end);
}
