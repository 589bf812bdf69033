import { formatPermkey, getCatalog, oddCharacters, parseLevel, parsePermkey, permkeyProblem, subtabOf, wordProblem } from '../../src/core/catalog';
import { onFirstUse } from '../helpers/on-first-use';

// The 33 permissions of Polytomic's setup guide, as written there, and the IDs netsuite.md lists.
const GUIDE: Array<[string, string]> = [
  ['Cash Sale', 'TRAN_CASHSALE'], ['Cash Sale Refund', 'TRAN_CASHRFND'], ['Credit Memo', 'TRAN_CUSTCRED'],
  ['Customer Payments', 'TRAN_CUSTPYMT'], ['Customer Deposits', 'TRAN_CUSTDEP'], ['Customer Refunds', 'TRAN_CUSTRFND'],
  ['Find Transaction', 'TRAN_FIND'], ['Invoice', 'TRAN_CUSTINVC'], ['Invoice Approval', 'TRAN_CUSTINVCAPPRV'],
  ['Sales Order', 'TRAN_SALESORD'], ['SuiteAnalytics Workbook', 'REPO_ANALYTICS'], ['Transaction Detail', 'REPO_TRAN'],
  ['Accounts', 'LIST_ACCOUNT'], ['Contact Roles', 'LIST_CONTACTROLE'], ['Contacts', 'LIST_CONTACT'],
  ['Customers', 'LIST_CUSTJOB'], ['Employee Record', 'LIST_EMPLOYEE_RECORD'], ['Items', 'LIST_ITEM'],
  ['Payment Methods', 'LIST_PAYMETH'], ['Vendors', 'LIST_VENDOR'], ['Access Token Management', 'ADMI_MANAGE_OAUTH_TOKENS'],
  ['Custom Body Fields', 'ADMI_CUSTBODYFIELD'], ['Custom Column Fields', 'ADMI_CUSTCOLUMNFIELD'],
  ['Custom Entity Fields', 'ADMI_CUSTENTITYFIELD'], ['Custom Fields', 'ADMI_CUSTFIELD'], ['Custom Item Fields', 'ADMI_CUSTITEMFIELD'],
  ['Custom Lists', 'ADMI_CUSTLIST'], ['Custom Record Types', 'ADMI_CUSTRECORD'], ['Custom Transaction Fields', 'ADMI_CUSTTRANFIELD'],
  ['Log in using Access Tokens', 'ADMI_LOGIN_OAUTH'], ['REST Web Services', 'ADMI_RESTWEBSERVICES'],
  ['SOAP Web Services', 'ADMI_WEBSERVICES'], ['User Access Tokens', 'ADMI_MANAGE_OWN_OAUTH_TOKENS'],
];

describe('permission catalog', () => {
  const catalog = onFirstUse(() => getCatalog());

  test('holds every one of Oracle\'s 669 IDs and the 84 beyond them, each once', () => {
    expect(catalog.size).toBe(753);
    expect(new Set(catalog.all().map((p) => p.id)).size).toBe(753);
    expect(catalog.all().filter((p) => p.provenance === 'oracle')).toHaveLength(669);
  });

  test.each(GUIDE)('guide name %s resolves to %s', (name, id) => {
    const r = catalog.lookup(name);
    expect(r.ok && r.permission.id).toBe(id);
  });

  test('the guide lists 33 distinct permissions', () => {
    expect(new Set(GUIDE.map(([, id]) => id)).size).toBe(33);
  });

  test('lookups ignore case and spacing, and accept IDs', () => {
    for (const q of ['customer payments', '  CUSTOMER   PAYMENT ', 'tran_custpymt']) {
      const r = catalog.lookup(q);
      expect(r.ok && r.permission.id).toBe('TRAN_CUSTPYMT');
    }
  });

  test('known flaws are fixed: ADMI_LOGIN_OAUTH name, SOAP Web Services alias', () => {
    expect(catalog.byId('ADMI_LOGIN_OAUTH')!.name).toBe('Log in using Access Tokens');
    const oauth2 = catalog.lookup('Log In using OAuth 2.0 Access Tokens');
    expect(oauth2.ok && oauth2.permission.id).toBe('ADMI_LOGIN_OAUTH2');
    for (const n of ['SOAP Web Services', 'Web Services']) {
      const r = catalog.lookup(n);
      expect(r.ok && r.permission.id).toBe('ADMI_WEBSERVICES');
    }
  });

  test('misspellings get "did you mean" suggestions', () => {
    const r = catalog.lookup('Cash Sal');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.suggestions[0].id).toBe('TRAN_CASHSALE');
    const r2 = catalog.lookup('Custmers');
    expect(!r2.ok && r2.suggestions.map((p) => p.id)).toContain('LIST_CUSTJOB');
  });

  test('grantable levels follow the role page', () => {
    const levels = (id: string) => catalog.byId(id)!.levels;
    for (const id of ['ADMI_WEBSERVICES', 'ADMI_RESTWEBSERVICES', 'ADMI_LOGIN_OAUTH', 'ADMI_MANAGE_OAUTH_TOKENS', 'ADMI_MANAGE_OWN_OAUTH_TOKENS', 'ADMI_MANAGEROLES']) {
      expect(levels(id)).toEqual(['NONE', 'FULL']);
    }
    expect(levels('REPO_ANALYTICS')).toEqual(['NONE', 'EDIT']);
    expect(levels('REPO_TRAN')).toEqual(['NONE', 'VIEW']);
    expect(levels('LIST_EMPLOYEE_RECORD')).not.toContain('NONE');
    expect(levels('TRAN_SALESORD')).toEqual(['NONE', 'VIEW', 'CREATE', 'EDIT', 'FULL']);
  });

  test.each([
    ['TRAN_SALESORD', 'transactions'], ['REPO_TRAN', 'reports'], ['LIST_ITEM', 'lists'], ['REGT_ACCTPAY', 'lists'],
    ['ADMI_CUSTLIST', 'setup'], ['customrecord_invoice_extra', 'customRecords'], ['GRAP_SOMETHING', 'reports'], ['SUITEAPP_OWN_KEY', 'customRecords'],
  ])('subtab of %s is %s', (id, tab) => expect(subtabOf(id)).toBe(tab));

  test('levels parse from words, SDF, SOAP enums and SuiteQL numbers', () => {
    expect(['View', 'VIEW', '_view', '1', 1].map(parseLevel)).toEqual(['VIEW', 'VIEW', 'VIEW', 'VIEW', 'VIEW']);
    expect(parseLevel('Viewer')).toBeUndefined();
    expect(parseLevel('5')).toBeUndefined();
  });

  test.each([
    ['TRAN_SALESORD', 'TRAN_SALESORD', 'standard', 'transactions'],
    ['tran_salesord', 'TRAN_SALESORD', 'standard', 'transactions'],
    ['[scriptid=customrecord_x]', 'customrecord_x', 'customrecord', 'customRecords'],
    ['customrecord_x', 'customrecord_x', 'customrecord', 'customRecords'],
    ['[appid=com.netsuite.item360, scriptid=customrecord_item360_user_access]', 'customrecord_item360_user_access', 'customrecord', 'customRecords'],
    ['[appid=com.netsuite.item360,scriptid=CUSTOMRECORD_Y]', 'customrecord_y', 'customrecord', 'customRecords'],
    ['[scriptid=customsale_srp_f3plo]', 'customsale_srp_f3plo', 'customtransaction', 'transactions'],
    ['[scriptid=custompurchase_srp_3pl_purchase_order]', 'custompurchase_srp_3pl_purchase_order', 'customtransaction', 'transactions'],
    ['[type=customsegment, scriptid=cseg2]', 'cseg2', 'customsegment', 'customRecords'],
    ['[type=customsegment,scriptid=cseg_region]', 'cseg_region', 'customsegment', 'customRecords'],
    ['LIST_CUSTRECORDENTRY42', 'LIST_CUSTRECORDENTRY42', 'customrecordentry', 'lists'],
    ['GRAP_AP', 'GRAP_AP', 'standard', 'reports'],
    ['[foo]', '[foo]', 'unknown', 'customRecords'],
    ['[scriptid=somethingelse]', '[scriptid=somethingelse]', 'unknown', 'customRecords'],
    // Only XML white space is trimmed, inside brackets too; a script id is [a-z0-9_] only.
    ['\t TRAN_SALESORD\r\n', 'TRAN_SALESORD', 'standard', 'transactions'],
    ['[ \tscriptid = customrecord_x\t]', 'customrecord_x', 'customrecord', 'customRecords'],
    ['TRAN_SALESORD\u00a0', 'TRAN_SALESORD\u00a0', 'unknown', 'transactions'],
    ['[scriptid=customrecord_x\u200b]', '[scriptid=customrecord_x\u200b]', 'unknown', 'customRecords'],
    ['[scriptid=\u00a0customrecord_x]', '[scriptid=\u00a0customrecord_x]', 'unknown', 'customRecords'],
    ['customrecord-x', 'customrecord-x', 'unknown', 'customRecords'],
    ['[scriptid=cseg_a b]', '[scriptid=cseg_a b]', 'unknown', 'customRecords'],
    ['[type=customsegment]', '[type=customsegment]', 'unknown', 'customRecords'],
  ])('permission key %s is %s (%s) on %s', (raw, id, kind, subtab) => {
    const k = parsePermkey(raw);
    expect([k.id, k.kind, subtabOf(k.id)]).toEqual([id, kind, subtab]);
  });

  test('a key of no known form is a problem that names its odd characters; known forms are none', () => {
    expect(permkeyProblem('TRAN_SALESORD')).toBeUndefined();
    expect(permkeyProblem('[appid=com.acme.app, scriptid=customrecord_x]')).toBeUndefined();
    expect(permkeyProblem('TRAN_CUSTRFND\u200b')).toEqual({ message: '"TRAN_CUSTRFND\u200b" is not a permission key: it holds U+200B', suggestion: expect.stringContaining('TRAN_SALESORD') });
    expect(permkeyProblem('TRAN CUSTRFND')!.message).toBe('"TRAN CUSTRFND" is not a permission key');
  });

  test('NetSuite words are letters, digits and underscores in any case; anything else names its characters', () => {
    for (const w of ['DEPARTMENT', 'ownonly', 'OWN_AND_SUBORDINATES', 'LEVEL2']) expect(wordProblem(w)).toBeUndefined();
    expect(wordProblem('DEPARTMENT\u00a0')).toEqual({ message: '"DEPARTMENT\u00a0" is not a word NetSuite writes: it holds U+00A0', suggestion: expect.stringContaining('DEPARTMENT') });
    expect(wordProblem('OWN ONLY')!.message).toBe('"OWN ONLY" is not a word NetSuite writes');
    expect(wordProblem('')).toBeDefined();
  });

  test('odd characters: every one outside printable ASCII, each once, in order, as U+XXXX', () => {
    expect(oddCharacters('plain ASCII ~!')).toBe('');
    expect(oddCharacters('a\u200bb\u200bc\u00a0\t\u007f')).toBe(': it holds U+200B, U+00A0, U+0009, U+007F');
    expect(oddCharacters('\u{1d11e}')).toBe(': it holds U+1D11E');
  });

  test('a SuiteApp record keeps its appid and writes back in SDF form', () => {
    const k = parsePermkey('[appid=com.netsuite.item360, scriptid=customrecord_x]');
    expect(k.appId).toBe('com.netsuite.item360');
    expect(formatPermkey(k)).toBe('[appid=com.netsuite.item360, scriptid=customrecord_x]');
    expect(formatPermkey(parsePermkey('[type=customsegment, scriptid=cseg2]'))).toBe('[type=customsegment, scriptid=cseg2]');
    expect(parsePermkey('LIST_CUSTRECORDENTRY42').recordTypeId).toBe('42');
  });

  test('IDs beyond Oracle\'s table: catalogued with provenance, names only where NetSuite gives one, markers not grantable', () => {
    expect(catalog.size).toBe(753);
    expect(catalog.byId('GRAP_AP')).toMatchObject({ name: 'Accounts Payable Graphing', subtab: 'reports', provenance: 'rest-metadata' });
    expect(catalog.byId('LIST_OTHER_ADDRESS')).toMatchObject({ name: 'LIST_OTHER_ADDRESS', subtab: 'lists', provenance: 'rest-metadata' });
    expect(catalog.byId('NONE_NEEDED')?.levels).toEqual([]);
    expect(catalog.byId('TRAN_SALESORD')?.provenance).toBe('oracle');
    expect(catalog.all().filter((p) => p.provenance === 'rest-metadata')).toHaveLength(84);
  });

  test('search finds by words in names and IDs', () => {
    const ids = catalog.search('web services').map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['ADMI_WEBSERVICES', 'ADMI_RESTWEBSERVICES']));
  });
});
