/**
 * Strict JSON for the files the tool reads back (baselines, fix provenance): every syntax error and
 * every repeated key is an issue at its line and column, never a value quietly chosen.
 */
import { parseJsonFile } from '../../src/core/input/json-file';

const problems = (text: string) => parseJsonFile('f.json', text).issues.map((i) => `${i.loc.line}:${i.loc.column} ${i.code} ${i.message}`);

test('valid JSON reads as JSON.parse reads it, with no issues', () => {
  const text = '{"a": [1, {"b": null}], "c": "\\u00e9", "d": {"a": 2}}';
  expect(parseJsonFile('f.json', text)).toEqual({ value: JSON.parse(text), issues: [] });
  expect(parseJsonFile('f.json', '[{"a": 1}, {"a": 2}]').value).toEqual([{ a: 1 }, { a: 2 }]);
});

test('a key repeated in one object is placed at its second occurrence, escapes decoded', () => {
  expect(problems('{\n  "a": 1,\n  "a": 2\n}')).toEqual(['3:3 DUPLICATE_KEY "a" appears twice in the same object']);
  expect(problems('{"\\u0061": 1, "a": 2}')).toEqual(['1:15 DUPLICATE_KEY "a" appears twice in the same object']);
  // Nested objects and objects in a list each have keys of their own; a repeat deep inside is found.
  expect(problems('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2, "b": 3, "a": 4}]}')).toEqual(['1:50 DUPLICATE_KEY "a" appears twice in the same object']);
  expect(parseJsonFile('f.json', '{"a": 1, "a": 2}').value).toBeUndefined();
});

test('syntax errors: the first, at its place, in words', () => {
  expect(problems('{"a": 1,}')).toEqual(['1:9 JSON_SYNTAX not valid JSON here: a property name (in double quotes) expected']);
  expect(problems('{"a": 1\n ,"b": }')).toEqual(['2:8 JSON_SYNTAX not valid JSON here: a value expected']);
  expect(problems('[1, 2')).toEqual(["1:6 JSON_SYNTAX not valid JSON here: a ']' expected"]);
  expect(problems('{"a" 1}')).toEqual(["1:6 JSON_SYNTAX not valid JSON here: a ':' expected"]);
  expect(problems('')).toEqual(['1:1 JSON_SYNTAX not valid JSON here: a value expected']);
  expect(problems('// note\n{}')).toEqual(['1:1 JSON_SYNTAX not valid JSON here: a comment (JSON has none)']);
  expect(problems('{} x')).toEqual(['1:4 JSON_SYNTAX not valid JSON here: an unexpected character']);
  expect(problems("{'a': 1}")).toEqual(['1:2 JSON_SYNTAX not valid JSON here: an unexpected character']);
});

test('a file of many repeats reports twenty, not all of them', () => {
  const text = `{${Array.from({ length: 50 }, () => '"a": 1').join(', ')}}`;
  expect(parseJsonFile('f.json', text).issues.length).toBe(20);
});

describe('each syntax error in words, at its line and column; only the first', () => {
  const first = (text: string) => {
    const { value, issues } = parseJsonFile('b.json', text);
    expect(value).toBeUndefined();
    return issues.map((i) => `${i.loc.line}:${i.loc.column} ${i.code} ${i.message}`);
  };
  test.each([
    ['{"a": @}', '1:7 JSON_SYNTAX not valid JSON here: an unexpected character'],
    ['{"a": 1,}', '1:9 JSON_SYNTAX not valid JSON here: a property name (in double quotes) expected'],
    ['{"a": }', '1:7 JSON_SYNTAX not valid JSON here: a value expected'],
    ['{"a" 1}', '1:6 JSON_SYNTAX not valid JSON here: a \':\' expected'],
    ['{"a": 1 "b": 2}', '1:9 JSON_SYNTAX not valid JSON here: a \',\' expected'],
    ['{"a": 1', '1:8 JSON_SYNTAX not valid JSON here: a \'}\' expected'],
    ['[1, 2', '1:6 JSON_SYNTAX not valid JSON here: a \']\' expected'],
    ['{} {}', '1:4 JSON_SYNTAX not valid JSON here: text after the end of the document'],
    ['{\n  // note\n  "a": 1\n}', '2:3 JSON_SYNTAX not valid JSON here: a comment (JSON has none)'],
    // Comments are refused before their end is looked for: the unfinished one reads as a comment.
    ['{"a": 1 /* x', '1:9 JSON_SYNTAX not valid JSON here: a comment (JSON has none)'],
    ['{"a": "x', '1:7 JSON_SYNTAX not valid JSON here: an unfinished string'],
    ['{"a": 1e}', '1:7 JSON_SYNTAX not valid JSON here: an unfinished number'],
    ['{"a": "\\u12"}', '1:7 JSON_SYNTAX not valid JSON here: a \\u escape written wrong'],
    ['{"a": "\\q"}', '1:7 JSON_SYNTAX not valid JSON here: an escape JSON does not have'],
    ['{"a": "x\ty"}', '1:7 JSON_SYNTAX not valid JSON here: a control character inside a string'],
  ])('%j', (text, expected) => {
    expect(first(text)).toEqual([expected]);
  });
});

test('a key may repeat in different objects, never in one; places on later lines are right', () => {
  expect(parseJsonFile('b.json', '{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}]}').issues).toEqual([]);
  const { issues } = parseJsonFile('b.json', '{\n  "a": {"k": 1},\n  "b": {\n    "k": 1,\n    "k": 2\n  },\n  "a": 3\n}\n');
  expect(issues.map((i) => `${i.loc.line}:${i.loc.column} ${i.message} | ${i.suggestion}`)).toEqual([
    '5:5 "k" appears twice in the same object | keep one of the two entries',
    '7:3 "a" appears twice in the same object | keep one of the two entries',
  ]);
  expect(parseJsonFile('b.json', '\n\n\n  [1,]').issues.map((i) => `${i.loc.line}:${i.loc.column}`)).toEqual(['4:6']);
});
