/**
 * "Did you mean" in process (core/catalog/suggest.ts): the bounded edit distance, what `closest`
 * offers and in which order, and the fast suggester over the catalog's names giving exactly what
 * the plain search gives (its length buckets, letter counts and memo only save time).
 */
import fc from 'fast-check';
import { closest, createSuggester, editDistance } from '../../src/core/catalog/suggest';
import { getCatalog } from '../../src/core/catalog';

test('edit distance: insertions, deletions and substitutions, each 1; past the bound, bound + 1', () => {
  expect([editDistance('', ''), editDistance('abc', 'abc'), editDistance('', 'abc'), editDistance('abc', '')]).toEqual([0, 0, 3, 3]);
  expect([editDistance('kitten', 'sitting'), editDistance('flaw', 'lawn'), editDistance('abc', 'acb'), editDistance('sales', 'slaes')]).toEqual([3, 2, 2, 2]);
  expect([editDistance('kitten', 'sitting', 2), editDistance('kitten', 'sitting', 3), editDistance('a', 'abcdef', 2), editDistance('abcdef', 'uvwxyz', 1)]).toEqual([3, 3, 3, 2]);
  // The bound stops early but never changes an answer within it.
  fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (a, b, max) => {
    const full = editDistance(a, b);
    expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
    expect(editDistance(b, a)).toBe(full);
  }), { numRuns: 300 });
});

test('closest: case-insensitive, within a third of the length (at least 2), best first then by name, a prefix or word counts', () => {
  const names = ['Sales Order', 'Sales Orders', 'Cash Sale', 'Customer Payment', 'Customer', 'Currency', 'Item'];
  expect(closest('sales ordr', names)).toEqual(['Sales Order', 'Sales Orders']);
  expect(closest('CASH SAL', names)).toEqual(['Cash Sale']);
  expect(closest('itme', names)).toEqual(['Item']);
  expect(closest('xyzzy', names)).toEqual([]);
  // A prefix of four letters or more, or a whole word, is offered at the edge of reach.
  expect(closest('Cust', names)).toEqual(['Customer', 'Customer Payment']);
  expect(closest('payment', names)).toEqual(['Customer Payment']);
  expect(closest('cus', names)).toEqual([]);
  expect(closest('sales ordr', names, 1)).toEqual(['Sales Order']);
  expect(closest('a', ['b', 'ab', 'abc', 'abcd'])).toEqual(['ab', 'b', 'abc']);
  expect(closest('x', ['y', 'y'])).toEqual(['y']);
});

test('the catalog suggester gives exactly what the plain search gives', () => {
  const names = [...new Set(getCatalog().all().flatMap((p) => [p.name, ...(p.aliases ?? [])]))];
  const suggest = createSuggester(names);
  const typo = fc.tuple(fc.constantFrom(...names), fc.array(fc.tuple(fc.nat(40), fc.constantFrom('', 'x', 'e', ' ', 'S')), { maxLength: 3 }))
    .map(([name, edits]) => edits.reduce((s, [at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice((at % (s.length + 1)) + (c === '' ? 1 : 0)), name));
  fc.assert(fc.property(fc.oneof(typo, fc.string({ maxLength: 10 })), fc.integer({ min: 1, max: 5 }), (q, limit) => {
    expect(suggest(q, limit)).toEqual(closest(q, names, limit));
    // Asked again (from the memo), the same answer.
    expect(suggest(q, limit)).toEqual(closest(q, names, limit));
  }), { numRuns: process.env.NS_MUTATION ? 40 : 300 });
  expect(suggest('Sales Ordr')).toEqual(closest('Sales Ordr', names));
  expect(suggest('Sales Ordr')[0]).toBe('Sales Order');
});
