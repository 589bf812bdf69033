/**
 * The small modules of src/core, each at its edges: account ids, file error words, error
 * wrapping and issue lines, the SOAP read table, XML names and the calendar. Written against the
 * mutants these modules kept alive when only the CLI tests reached them.
 */
import { accountHost, accountIdProblem, canonicalAccount } from '../../src/core/account-id';
import { AuditError, formatIssue, withContext } from '../../src/core/errors';
import { getCatalog } from '../../src/core/catalog';
import { child, parseXmlTree, resolveQName } from '../../src/core/xml-tree';
import { addDays, isCalendarDate } from '../../src/core/dates';
import { loadedHere } from '../helpers/loaded-here';

const fileErrorText = (e: unknown) => loadedHere<typeof import('../../src/core/file-errors')>(require.resolve('../../src/core/file-errors')).fileErrorText(e);
const reads = () => loadedHere<typeof import('../../src/core/netsuite-reads')>(require.resolve('../../src/core/netsuite-reads'));

describe('account ids', () => {
  test.each(['1234567', '1234567_SB1', '1234567-sb1', 'TSTDRV1234567', '  1234567_RP2  '])('%j is an account id', (id) => expect(accountIdProblem(id)).toBeUndefined());
  test.each([
    ['https://1234567.suitetalk.api.netsuite.com', 'is a URL or host name'],
    ['HTTP://x', 'is a URL or host name'],
    ['1234567.app.netsuite.com', 'is a URL or host name'],
    ['1234567_SB1_X', 'is not an account id'],
    ['1234567__SB1', 'is not an account id'],
    ['_1234567', 'is not an account id'],
    ['1234567_', 'is not an account id'],
    ['12 34', 'is not an account id'],
    ['', 'is not an account id'],
  ])('%j is refused: %s', (id, why) => {
    const problem = accountIdProblem(id);
    expect(problem).toContain(why);
    expect(problem).toContain(`'${id.trim()}'`);
  });
  test('the canonical id is upper case with an underscore; the host label lower case with a hyphen, both trimmed', () => {
    expect(canonicalAccount(' 1234567-sb1 ')).toBe('1234567_SB1');
    expect(canonicalAccount('tstdrv1-a-b')).toBe('TSTDRV1_A_B');
    expect(accountHost(' 1234567_SB1 ')).toBe('1234567-sb1');
    expect(accountHost('TSTDRV1_A_B')).toBe('tstdrv1-a-b');
  });
});

describe('file errors in words', () => {
  test.each([
    ['ENOENT', 'no such file or folder'],
    ['EISDIR', 'is a folder, not a file'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['ELOOP', 'a loop of symbolic links'],
    ['ENAMETOOLONG', 'the name is too long'],
    ['EMFILE', 'too many files open'],
    ['EIO', 'an input/output error'],
    ['EBUSY', 'the file is busy'],
  ])('%s reads "%s"', (code, text) => expect(fileErrorText(Object.assign(new Error('x'), { code }))).toBe(text));
  test('an unknown code is named; no code at all, or none of text, says "error"; nothing else crashes it', () => {
    expect(fileErrorText({ code: 'EXDEV' })).toBe('cannot be read (EXDEV)');
    expect(fileErrorText({ code: 42 })).toBe('cannot be read (error)');
    expect(fileErrorText(new Error('boom'))).toBe('cannot be read (error)');
    expect(fileErrorText(undefined)).toBe('cannot be read (error)');
    // A code named like an object's own property is not a known code.
    expect(fileErrorText({ code: 'toString' })).toBe('cannot be read (toString)');
  });
});

describe('errors', () => {
  const loc = { file: 'p.yaml', line: 3, column: 5 };
  test('an issue line: place, severity, code and message, then the path and the suggestion when given', () => {
    expect(formatIssue({ code: 'X', message: 'bad', loc })).toBe('p.yaml:3:5: error X: bad');
    expect(formatIssue({ code: 'X', message: 'bad', loc, severity: 'warning', path: 'a.b', suggestion: 'try c' })).toBe('p.yaml:3:5: warning X: bad (at a.b)\n    try c');
  });
  test('an AuditError keeps its code, details, issues and cause (none when none given)', () => {
    const plain = new AuditError('C', 'm');
    expect([plain.name, plain.code, plain.message, plain.details, plain.issues, 'cause' in plain]).toEqual(['AuditError', 'C', 'm', {}, [], false]);
    const cause = new Error('low');
    const full = new AuditError('C', 'm', { cause, details: { a: 1 }, issues: [{ code: 'I', message: 'x', loc }] });
    expect([full.cause, full.details, full.issues.length]).toEqual([cause, { a: 1 }, 1]);
  });
  test('withContext keeps an AuditError\'s code, details and issues; anything else is INTERNAL with its message', () => {
    const inner = new AuditError('ROLE_NOT_FOUND', 'no role', { details: { id: 1 }, issues: [{ code: 'I', message: 'x', loc }] });
    const wrapped = withContext('fetch role x', inner);
    expect([wrapped.code, wrapped.message, wrapped.details, wrapped.issues, wrapped.cause]).toEqual(['ROLE_NOT_FOUND', 'fetch role x: no role', { id: 1 }, inner.issues, inner]);
    const bug = new TypeError('undefined is not a function');
    expect([withContext('ctx', bug).code, withContext('ctx', bug).message, withContext('ctx', bug).cause]).toEqual(['INTERNAL', 'ctx: undefined is not a function', bug]);
    expect(withContext('ctx', 'a string').message).toBe('ctx: a string');
  });
});

describe('the SOAP read table (which read proves which permission)', () => {
  const catalog = getCatalog();
  // The facts, stated once more here: a change to the table must change this test on purpose.
  test('basic searches, each with the permissions that allow it and the records it returns', () => {
    expect(reads().SEARCH_READS).toEqual({
      CustomerSearchBasic: { allowedBy: ['LIST_CUSTJOB'], records: ['customer'] },
      ContactSearchBasic: { allowedBy: ['LIST_CONTACT'], records: ['contact'] },
      ContactRoleSearchBasic: { allowedBy: ['LIST_CONTACTROLE'], records: ['contactRole'] },
      VendorSearchBasic: { allowedBy: ['LIST_VENDOR'], records: ['vendor'] },
      EmployeeSearchBasic: { allowedBy: ['LIST_EMPLOYEE', 'LIST_EMPLOYEE_RECORD'], records: ['employee'] },
      AccountSearchBasic: { allowedBy: ['LIST_ACCOUNT'], records: ['account'] },
      ItemSearchBasic: { allowedBy: ['LIST_ITEM'], records: ['inventoryItem'] },
      PaymentMethodSearchBasic: { allowedBy: ['LIST_PAYMETH'], records: ['paymentMethod'] },
    });
  });
  test('every permission in the table is catalogued on the subtab its kind of read implies', () => {
    const { SEARCH_READS, TRANSACTION_SEARCH_PERMISSION, TRANSACTION_TYPES, CUSTOMIZATION_READS } = reads();
    for (const { allowedBy } of Object.values(SEARCH_READS)) for (const id of allowedBy) expect([id, catalog.byId(id)?.subtab]).toEqual([id, 'lists']);
    expect(catalog.byId(TRANSACTION_SEARCH_PERMISSION)).toMatchObject({ name: 'Find Transaction', subtab: 'transactions' });
    for (const id of Object.values(TRANSACTION_TYPES)) expect([id, catalog.byId(id)?.subtab]).toEqual([id, 'transactions']);
    for (const id of Object.values(CUSTOMIZATION_READS)) expect([id, catalog.byId(id)?.subtab]).toEqual([id, 'setup']);
  });
  test('a transaction type maps to the permission named for it (the catalog\'s name, word for word)', () => {
    const words = (type: string) => type.replace(/([A-Z])/g, ' $1').toLowerCase();
    const named = Object.entries(reads().TRANSACTION_TYPES).map(([type, id]) => [words(type), catalog.byId(id)?.name.toLowerCase()]);
    expect(named).toEqual([
      ['cash sale', 'cash sale'], ['cash refund', 'cash sale refund'], ['credit memo', 'credit memo'], ['customer payment', 'customer payment'],
      ['customer deposit', 'customer deposit'], ['customer refund', 'customer refund'], ['invoice', 'invoice'], ['sales order', 'sales order'],
    ]);
  });
  test('a customization type maps to the Custom ... setup permission of its kind', () => {
    expect(Object.fromEntries(Object.entries(reads().CUSTOMIZATION_READS).map(([type, id]) => [type, catalog.byId(id)?.name]))).toEqual({
      transactionBodyCustomField: 'Custom Body Fields', transactionColumnCustomField: 'Custom Column Fields', entityCustomField: 'Custom Entity Fields',
      itemCustomField: 'Custom Item Fields', crmCustomField: 'Custom Fields', otherCustomField: 'Custom Transaction Fields',
      customList: 'Custom Lists', customRecordType: 'Custom Record Types',
    });
  });
});

describe('XML names', () => {
  const doc = parseXmlTree('<s:Envelope xmlns:s="urn:s" xmlns="urn:d"><s:Body><a x="1"/><p:a xmlns:p="urn:p"/></s:Body></s:Envelope>').root!;
  test('prefixed and default names resolve to their namespaces; attributes keep their names', () => {
    expect([doc.ns, doc.local]).toEqual(['urn:s', 'Envelope']);
    const body = child(doc, 'Body')!;
    expect(body.children.map((c) => [c.ns, c.local, c.attrs])).toEqual([['urn:d', 'a', { x: '1' }], ['urn:p', 'a', {}]]);
    expect(child(body, 'a', 'urn:p')?.ns).toBe('urn:p');
    expect(child(body, 'a', 'urn:none')).toBeUndefined();
    expect(child(undefined, 'a')).toBeUndefined();
    // A name beginning with its colon's position 0 is not "no prefix".
    const noDefault = parseXmlTree('<r><b/></r>').root!;
    expect([noDefault.ns, noDefault.children[0].ns]).toEqual(['', '']);
  });
  test('a QName value resolves in the node\'s scope, unprefixed to the default namespace, unknown prefixes to none', () => {
    const body = child(doc, 'Body')!;
    expect(resolveQName(body, 's:Thing')).toEqual({ ns: 'urn:s', local: 'Thing' });
    expect(resolveQName(body, 'Thing')).toEqual({ ns: 'urn:d', local: 'Thing' });
    expect(resolveQName(body, 'q:Thing')).toEqual({ ns: '', local: 'Thing' });
    expect(resolveQName(parseXmlTree('<r/>').root!, 'Thing')).toEqual({ ns: '', local: 'Thing' });
  });
  test('a malformed document says where', () => expect(parseXmlTree('<r><a></r>').error).toMatch(/\(line 1, column \d+\)$/));
});

describe('calendar edges', () => {
  test.each(['2026-01-00', 'x2026-01-01', '2026-01-01x', '2026-01-01\n'])('%j is not a calendar date', (d) => expect(isCalendarDate(d)).toBe(false));
  test('dates before the year 1000 keep four digits', () => expect(addDays('0999-12-31', 1)).toBe('1000-01-01'));
  test('leap days: every fourth year, not centuries, but every fourth century', () => {
    expect(['2024-02-29', '2000-02-29', '2100-02-29', '2023-02-29'].map(isCalendarDate)).toEqual([true, true, false, false]);
    expect(['2023-01-31', '2023-03-31', '2023-06-30', '2023-06-31', '2023-12-31', '2023-11-31'].map(isCalendarDate)).toEqual([true, true, true, false, true, false]);
  });
});
