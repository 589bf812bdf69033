import { startSimulator, type Simulator } from '../../src/simulator';
import { credentialsFor, demoAccount, soapCall, suiteql } from '../helpers/sim-client';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    fixture: demoAccount((doc) => {
      // A role with SOAP but no record permissions, and one without SOAP Web Services.
      doc.roles.push({ internalId: 2100, scriptId: 'customrole_bare', name: 'Bare', permissions: { ADMI_WEBSERVICES: 'Full', ADMI_LOGIN_OAUTH: 'Full', TRAN_FIND: 'View', TRAN_SALESORD: 'View' } });
      doc.roles.push({ internalId: 2101, scriptId: 'customrole_nosoap', name: 'No SOAP', permissions: { ADMI_LOGIN_OAUTH: 'Full', ADMI_RESTWEBSERVICES: 'Full' } });
      doc.roles.push({ internalId: 2102, scriptId: 'customrole_noworkbook', name: 'No Workbook', permissions: { ADMI_LOGIN_OAUTH: 'Full', ADMI_RESTWEBSERVICES: 'Full', ADMI_MANAGEROLES: 'Full' } });
      // SOAP and a transaction type, but not Find Transaction.
      doc.roles.push({ internalId: 2103, scriptId: 'customrole_nofind', name: 'No Find', permissions: { ADMI_WEBSERVICES: 'Full', ADMI_LOGIN_OAUTH: 'Full', TRAN_SALESORD: 'View' } });
      doc.users[0].roles.push('customrole_bare', 'customrole_nosoap', 'customrole_noworkbook', 'customrole_nofind');
      for (const [name, role] of [['bare', 'customrole_bare'], ['nosoap', 'customrole_nosoap'], ['noworkbook', 'customrole_noworkbook'], ['nofind', 'customrole_nofind']]) {
        doc.tokens.push({ name, integration: 'Polytomic', user: 501, role, tokenId: name.padEnd(32, 'k'), tokenSecret: name.padEnd(32, 's') });
      }
    }),
  });
});
afterAll(() => sim.stop());

const search = (type: string, inner = '') => `<platformMsgs:search><platformMsgs:searchRecord xsi:type="platformCommon:${type}">${inner}</platformMsgs:searchRecord></platformMsgs:search>`;
const txType = (...types: string[]) => `<platformCommon:type operator="anyOf">${types.map((t) => `<platformCore:searchValue>_${t}</platformCore:searchValue>`).join('')}</platformCommon:type>`;
const denied = (label: string) => `<platformCore:status isSuccess="false"><platformCore:statusDetail type="ERROR"><platformCore:code>INSUFFICIENT_PERMISSION</platformCore:code><platformCore:message>Permission Violation: You need  the '${label}' permission to access this page. Please contact your account administrator.</platformCore:message>`;

describe('SOAP permission checks against the token\'s role', () => {
  test.each([
    ['CustomerSearchBasic', 'Lists -&gt; Customers'],
    ['AccountSearchBasic', 'Lists -&gt; Accounts'],
    ['VendorSearchBasic', 'Lists -&gt; Vendors'],
    ['ItemSearchBasic', 'Lists -&gt; Items'],
  ])('%s without its permission: INSUFFICIENT_PERMISSION naming %s', async (type, label) => {
    const r = await soapCall(sim, credentialsFor(sim, 'bare'), search(type));
    expect(r.status).toBe(200);
    expect(r.text).toContain(denied(label));
    const ok = await soapCall(sim, credentialsFor(sim, 'polytomic'), search(type));
    expect(ok.text).toContain('<platformCore:status isSuccess="true"/>');
    expect(ok.text).toMatch(/<platformCore:totalRecords>[1-9]\d*<\/platformCore:totalRecords>/);
  });

  test('transaction searches: rows of types the role cannot see are dropped, not refused', async () => {
    const bare = await soapCall(sim, credentialsFor(sim, 'bare'), search('TransactionSearchBasic', txType('salesOrder', 'invoice')));
    expect(bare.text).toContain('<platformCore:status isSuccess="true"/><platformCore:totalRecords>2</platformCore:totalRecords>');
    expect(bare.text).not.toContain('tranSales:Invoice');
    const full = await soapCall(sim, credentialsFor(sim, 'polytomic'), search('TransactionSearchBasic', txType('salesOrder', 'invoice')));
    expect(full.text).toContain('<platformCore:totalRecords>3</platformCore:totalRecords>');
  });

  test('a transaction search without Find Transaction is refused, naming it, even with the type\'s permission', async () => {
    const body = search('TransactionSearchBasic');
    const refused = await soapCall(sim, credentialsFor(sim, 'nofind'), body);
    expect(refused.text).toContain(denied('Transactions -&gt; Find Transaction'));
    // The same search with Find Transaction runs: the refusal is the gate, not something else.
    const ok = await soapCall(sim, credentialsFor(sim, 'bare'), body);
    expect(ok.text).toContain('isSuccess="true"');
  });

  test('getCustomizationId checks the customization\'s permission', async () => {
    const body = '<platformMsgs:getCustomizationId><platformMsgs:customizationType getCustomizationType="customList"/><platformMsgs:includeInactives>false</platformMsgs:includeInactives></platformMsgs:getCustomizationId>';
    expect((await soapCall(sim, credentialsFor(sim, 'bare'), body)).text).toContain(denied('Setup -&gt; Custom Lists'));
    const drifted = await soapCall(sim, credentialsFor(sim, 'polytomic-drifted'), body);
    expect(drifted.text).toContain('INSUFFICIENT_PERMISSION');
    const ok = await soapCall(sim, credentialsFor(sim, 'polytomic'), body);
    expect(ok.text).toContain('scriptId="customlist_polytomic_status"');
  });

  test('a role without SOAP Web Services gets insufficientPermissionFault for every call', async () => {
    const r = await soapCall(sim, credentialsFor(sim, 'nosoap'), '<platformMsgs:getServerTime/>');
    expect(r.status).toBe(500);
    expect(r.text).toContain('<platformFaults:insufficientPermissionFault');
    expect(r.text).toContain('<platformFaults:code>INSUFFICIENT_PERMISSION</platformFaults:code>');
    expect(r.text).toContain('Setup -&gt; SOAP Web Services');
  });
});

describe('SuiteQL permission checks', () => {
  test('role tables need Bulk Manage Roles: by default the 400 "Record \'role\' was not found." public clients see', async () => {
    for (const table of ['role', 'rolepermissions']) {
      const r = await suiteql(sim, credentialsFor(sim, 'polytomic'), `SELECT * FROM ${table}`);
      expect(r.status).toBe(400);
      expect(r.body['o:errorDetails'][0].detail).toBe(`Invalid search query. Detailed unprocessed description follows. Search error occurred: Record '${table}' was not found.`);
    }
  });

  test('role tables need Bulk Manage Roles: a fixture can choose the unconfirmed 403 naming it', async () => {
    const other = await startSimulator({ fixture: demoAccount((doc) => { doc.account.suiteql = { roleTablesDenied: 403 }; }) });
    try {
      const r = await suiteql(other, credentialsFor(other, 'polytomic'), 'SELECT * FROM rolepermissions');
      expect(r.status).toBe(403);
      expect(r.body['o:errorDetails'][0]).toEqual({ detail: expect.stringContaining("'Setup -> Bulk Manage Roles'"), 'o:errorCode': 'INSUFFICIENT_PERMISSION' });
    } finally {
      await other.stop();
    }
  });

  test('SuiteQL needs SuiteAnalytics Workbook', async () => {
    const r = await suiteql(sim, credentialsFor(sim, 'noworkbook'), 'SELECT id FROM role');
    expect(r.status).toBe(403);
    expect(r.body['o:errorDetails'][0].detail).toContain('SuiteAnalytics Workbook');
  });

  test('SuiteQL needs REST Web Services', async () => {
    const r = await suiteql(sim, credentialsFor(sim, 'bare'), 'SELECT id FROM role');
    expect(r.status).toBe(403);
    expect(r.body['o:errorDetails'][0].detail).toContain('REST Web Services');
  });

  test('the auditor role reads role definitions', async () => {
    const r = await suiteql(sim, credentialsFor(sim, 'auditor'), "SELECT permkey, permlevel FROM rolepermissions WHERE role = '1029' AND permkey = 'TRAN_SALESORD'");
    expect(r.body.items).toEqual([{ links: [], permkey: 'TRAN_SALESORD', permlevel: '3' }]);
  });

  test('Prefer: transient is required', async () => {
    const r = await suiteql(sim, credentialsFor(sim, 'auditor'), 'SELECT id FROM role', { headers: { prefer: '' } });
    expect(r.status).toBe(400);
    expect(r.body['o:errorDetails'][0]['o:errorCode']).toBe('INVALID_HEADER');
  });
});
