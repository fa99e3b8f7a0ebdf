// The JSON Schema of the framework format (data/career-framework.schema.json),
// checked against the shipped data and against broken variants of it.
// Run: node --test tests/schema/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

const schema = readJson('data/career-framework.schema.json');
const data = readJson('data/infrastructure.json');

// Strict mode makes unknown keywords and ambiguous types in the schema errors,
// not warnings. strictRequired is off: the `oneOf: [{required: [dimension]},
// {required: [section]}]` idiom names properties defined one level up.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const validate = ajv.compile(schema);

const clone = () => structuredClone(data);
const errorsOf = (doc) => (validate(doc) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.keyword} ${e.message}`));

function assertRejected(doc, expected) {
  const errors = errorsOf(doc);
  assert.ok(errors.length > 0, 'the schema accepted a broken file');
  assert.ok(errors.some((e) => expected.test(e)), `no error matches ${expected}:\n${errors.join('\n')}`);
}

test('the schema is draft 2020-12', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
});

test('infrastructure.json validates', () => {
  assert.deepEqual(errorsOf(data), []);
});

test('a minimal framework validates, optional fields left out', () => {
  const doc = {
    format: 'career-framework',
    formatVersion: 1,
    framework: { id: 'demo', name: 'Demo', version: '1', cumulative: false },
    components: [{ id: 'c', name: 'C' }],
    dimensions: [{ id: 'd', name: 'D', component: 'c' }],
    levels: [{ id: 'l1', name: 'L1', order: 1, scope: 'Learns.', published: true }],
    expectations: [{ id: 'l1.d.1', level: 'l1', dimension: 'd', text: 'Does things.' }],
  };
  assert.deepEqual(errorsOf(doc), []);
  doc.$schema = 'career-framework.schema.json';
  assert.deepEqual(errorsOf(doc), []);
});

test('unknown fields are rejected at every level', () => {
  const places = [
    (d) => d,
    (d) => d.framework,
    (d) => d.components[0],
    (d) => d.dimensions[0],
    (d) => d.sections[0],
    (d) => d.levels[0],
    (d) => d.expectations[0],
    (d) => d.expectations.find((e) => e.links).links[0],
  ];
  for (const place of places) {
    const doc = clone();
    place(doc).colour = 'blue';
    assertRejected(doc, /additionalProperties/);
  }
});

test('missing text is rejected', () => {
  const doc = clone();
  delete doc.expectations[3].text;
  assertRejected(doc, /^\/expectations\/3 required .*text/);
});

test('missing required fields are rejected', () => {
  for (const field of ['format', 'formatVersion', 'framework', 'components', 'dimensions', 'levels', 'expectations']) {
    const doc = clone();
    delete doc[field];
    assertRejected(doc, new RegExp(`required .*'${field}'`));
  }
  const doc = clone();
  delete doc.levels[2].published;
  assertRejected(doc, /^\/levels\/2 required/);
  // sections are optional
  const noSections = clone();
  delete noSections.sections;
  noSections.expectations = noSections.expectations.filter((e) => e.dimension);
  assert.deepEqual(errorsOf(noSections), []);
});

test('bad ids are rejected', () => {
  for (const id of ['Senior', 'senior level', '-senior', '.x', '', 'a'.repeat(65), 's\u00e9nior']) {
    const doc = clone();
    doc.levels[0].id = id;
    assertRejected(doc, /^\/levels\/0\/id (pattern|maxLength)/);
  }
  for (const id of ['a'.repeat(64), '0', 'a.b_c-d']) {
    const doc = clone();
    doc.expectations[0].id = id;
    assert.deepEqual(errorsOf(doc), [], id);
  }
});

test('an expectation needs exactly one of dimension and section', () => {
  const both = clone();
  const e = both.expectations.find((x) => x.dimension);
  e.section = 'leadership';
  assertRejected(both, /oneOf/);
  const neither = clone();
  delete neither.expectations[0].section;
  delete neither.expectations[0].dimension;
  assertRejected(neither, /^\/expectations\/0 oneOf/);
});

test('another formatVersion or format is rejected', () => {
  for (const version of [2, 0, '1', 1.5]) {
    const doc = clone();
    doc.formatVersion = version;
    assertRejected(doc, /^\/formatVersion const/);
  }
  const doc = clone();
  doc.format = 'career-matrix';
  assertRejected(doc, /^\/format const/);
});

test('wrong types, blank and over-long texts are rejected', () => {
  const cases = [
    [(d) => { d.framework.cumulative = 'yes'; }, /^\/framework\/cumulative type/],
    [(d) => { d.levels[1].order = 1.5; }, /^\/levels\/1\/order type/],
    [(d) => { d.levels[1].order = 1000001; }, /^\/levels\/1\/order maximum/],
    [(d) => { d.expectations[0].text = '  \n'; }, /^\/expectations\/0\/text pattern/],
    [(d) => { d.expectations[0].text = 'x'.repeat(4001); }, /^\/expectations\/0\/text maxLength/],
    [(d) => { d.framework.name = 'x'.repeat(201); }, /^\/framework\/name maxLength/],
    [(d) => { d.components = {}; }, /^\/components type/],
    [(d) => { d.expectations[0].links = 'x'; }, /^\/expectations\/0\/links type/],
  ];
  for (const [edit, expected] of cases) {
    const doc = clone();
    edit(doc);
    assertRejected(doc, expected);
  }
  const doc = clone();
  doc.expectations[0].text = 'x'.repeat(4000);
  doc.framework.name = 'x'.repeat(200);
  assert.deepEqual(errorsOf(doc), []);
});

test('hashes are 16 lower-case hex digits', () => {
  for (const hash of ['E71FA2190541574B', 'e71fa2190541574', 'e71fa2190541574b0', 'e71fa2190541574g']) {
    const doc = clone();
    doc.expectations[0].hash = hash;
    assertRejected(doc, /^\/expectations\/0\/hash pattern/);
  }
  const doc = clone();
  doc.expectations[0].hash = 'e71fa2190541574b';  // the schema cannot check that it matches the text
  assert.deepEqual(errorsOf(doc), []);
});

test('links must be http(s) URLs or site paths', () => {
  const withLink = (url) => {
    const doc = clone();
    doc.expectations.find((e) => e.links).links[0].url = url;
    return doc;
  };
  for (const url of ['javascript:alert(1)', '//evil.example', 'data:text/html,x', 'ftp://x', 'https://', 'http://', 'example.com']) {
    assertRejected(withLink(url), /\/links\/0\/url pattern/);
  }
  for (const url of ['https://example.com', 'http://a', '/handbook/values/', '/']) {
    assert.deepEqual(errorsOf(withLink(url)), [], url);
  }
  const doc = clone();
  delete doc.expectations.find((e) => e.links).links[0].url;
  assertRejected(doc, /required/);
});
