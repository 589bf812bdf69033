import { ambiguityText, heldLevels } from '../../src/core/role/held-levels';
import type { RolePermission } from '../../src/core/model';

// One reading of duplicate permission lines for every check, comparison and starter policy
// (issue: duplicates were read as the last by compare and the highest by audit).

const p = (permkey: string, level: RolePermission['level'], restriction?: string): RolePermission => ({ permkey, level, ...(restriction ? { restriction } : {}) });

test('a permission listed once is held at its level, with its restriction', () => {
  expect([...heldLevels([p('A', 'VIEW'), p('B', 'FULL', 'OWNONLY')])]).toEqual([['A', { level: 'VIEW' }], ['B', { level: 'FULL', restriction: 'OWNONLY' }]]);
});

test('lines that agree are one line: no readings', () => {
  expect(heldLevels([p('A', 'EDIT'), p('A', 'EDIT'), p('A', 'EDIT')]).get('A')).toEqual({ level: 'EDIT' });
});

test.each([
  [['FULL', 'VIEW'], ['VIEW', 'FULL']],
  [['VIEW', 'FULL'], ['VIEW', 'FULL']],
  [['EDIT', 'NONE', 'CREATE', 'EDIT'], ['NONE', 'CREATE', 'EDIT']],
  [['CREATE', 'FULL', 'VIEW'], ['VIEW', 'CREATE', 'FULL']],
] as const)('lines at %j: the readings lowest first (%j), the level counted is the highest', (levels, readings) => {
  const held = heldLevels(levels.map((l) => p('A', l))).get('A')!;
  expect(held).toEqual({ level: readings[readings.length - 1], readings });
});

test('the restriction is the first line\'s that has one, whichever order', () => {
  expect(heldLevels([p('A', 'VIEW'), p('A', 'FULL', 'OWNONLY'), p('A', 'FULL', 'VIEWANDEDIT')]).get('A')!.restriction).toBe('OWNONLY');
  expect(heldLevels([p('A', 'VIEW', 'DEFAULTTOOWN'), p('A', 'VIEW')]).get('A')).toEqual({ level: 'VIEW', restriction: 'DEFAULTTOOWN' });
  expect(heldLevels([p('A', 'VIEW'), p('A', 'VIEW')]).get('A')).not.toHaveProperty('restriction');
});

test('keyOf decides which lines are one permission (a SuiteApp record is not the account\'s)', () => {
  const lines: RolePermission[] = [{ permkey: 'customrecord_x', level: 'VIEW' }, { permkey: 'customrecord_x', level: 'FULL', appId: 'com.acme.app' }];
  expect(heldLevels(lines).get('customrecord_x')!.readings).toEqual(['VIEW', 'FULL']);
  const byApp = heldLevels(lines, (l) => `${l.appId ?? ''}/${l.permkey}`);
  expect([...byApp]).toEqual([['/customrecord_x', { level: 'VIEW' }], ['com.acme.app/customrecord_x', { level: 'FULL' }]]);
});

test('the ambiguity is said in words, lowest level first', () => {
  const held = heldLevels([p('TRAN_SALESORD', 'FULL'), p('TRAN_SALESORD', 'VIEW')]).get('TRAN_SALESORD')!;
  expect(ambiguityText('TRAN_SALESORD', held)).toBe('the role lists TRAN_SALESORD more than once, at View and Full; which line NetSuite applies is unconfirmed');
});
