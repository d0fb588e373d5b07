// The content files against the published JSON Schema, with a real validator (Ajv, draft
// 2020-12): the built-in content, the fixtures, the test hosts' content and the example
// article's inline content. The schema is what authors' editors check against, so it must
// accept what the widget accepts and refuse the broken fixtures the widget refuses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file) => readFileSync(path.join(root, file), 'utf8');
const schema = JSON.parse(read('schema/role-compare.content.schema.json'));
// strict: unknown keywords or formats in the schema are errors too.
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

function problems(content) {
  return validate(content) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

function jsonFiles(dir) {
  return readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(dir, name));
}

test('the built-in content follows the schema', () => {
  const content = JSON.parse(read('content/roles.json'));
  assert.deepEqual(problems(content), []);
  assert.ok(content.duties.length >= 40, 'the whole built-in content was checked');
});

test('valid content files of the tests follow the schema', () => {
  const files = ['tests/fixtures/custom-valid.json', ...jsonFiles('tests/e2e/hosts/content')];
  for (const file of files) assert.deepEqual(problems(JSON.parse(read(file))), [], file);
});

test("the example article's inline content follows the schema", () => {
  const html = read('examples/blog.html');
  const blocks = [...html.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)];
  assert.ok(blocks.length >= 1, 'the article carries inline content');
  for (const [, json] of blocks) assert.deepEqual(problems(JSON.parse(json)), []);
});

test('the schema refuses the broken fixtures the widget refuses (except what only the widget checks)', () => {
  // broken-references.json is well-formed: its problems (unknown ids, a duplicate) are the
  // widget's own checks, which a schema cannot express.
  for (const file of ['tests/fixtures/broken-focus.json', 'tests/fixtures/broken-types.json']) {
    assert.notDeepEqual(problems(JSON.parse(read(file))), [], file);
  }
  assert.deepEqual(problems(JSON.parse(read('tests/fixtures/broken-references.json'))), []);
  const focus = problems(JSON.parse(read('tests/fixtures/broken-focus.json')));
  assert.ok(focus.some((p) => p.startsWith('/duties/3/focus')), focus.join('\n'));
});
