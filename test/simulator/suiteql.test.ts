import { startSimulator, type Simulator, type SimAccount } from '../../src/simulator';
import { credentialsFor, demoAccount, suiteql } from '../helpers/sim-client';

let sim: Simulator;
beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount() }); });
afterAll(() => sim.stop());
const auditor = () => credentialsFor(sim, 'auditor');

describe('the SuiteQL subset', () => {
  test('SELECT * FROM role returns every column as a string, with links per item', async () => {
    const r = await suiteql(sim, auditor(), "SELECT * FROM role WHERE scriptid = 'customrole_polytomic'");
    expect(r.status).toBe(200);
    // Booleans are always T/F.
    expect(r.body.items).toEqual([{
      links: [], id: '1028', isinactive: 'F', iswebserviceonlyrole: 'T', employeeselectionunrestricted: 'T', name: 'Polytomic', scriptid: 'customrole_polytomic', centertype: 'SYSADMINCENTER',
      coreadminpermission: 'F', issalesrole: 'F', issupportrole: 'F', ispartnerrole: 'F', issinglesignononly: 'F', restrictbydevice: 'F', subsidiaryviewingallowed: 'F', restricttimeandexpenses: 'F',
    }]);
    expect(r.body).toMatchObject({ count: 1, hasMore: false, offset: 0, totalResults: 1 });
  });

  test('a null column is left out of the item, as SuiteQL answers (a role with no center type)', async () => {
    const other = await startSimulator({ fixture: demoAccount((doc) => { delete doc.roles[0].settings; }) });
    try {
      const r = await suiteql(other, credentialsFor(other, 'auditor'), "SELECT * FROM role WHERE scriptid = 'customrole_polytomic'");
      expect(r.status).toBe(200);
      expect(Object.keys(r.body.items[0])).not.toContain('centertype');
      expect(r.body.items[0].coreadminpermission).toBe('F');
    } finally {
      await other.stop();
    }
  });

  test('WHERE with IN and AND, ORDER BY several columns', async () => {
    const r = await suiteql(sim, auditor(), "SELECT role, permkey, permlevel FROM rolepermissions WHERE role IN ('1028', '1029') AND permkey IN ('TRAN_SALESORD', 'LIST_FIND') ORDER BY permkey DESC, role");
    expect(r.body.items.map((i: Record<string, string>) => `${i.role}:${i.permkey}:${i.permlevel}`)).toEqual(['1028:TRAN_SALESORD:4', '1029:TRAN_SALESORD:3', '1029:LIST_FIND:4']);
  });

  test('numbers compare as numbers; keywords in any case', async () => {
    const r = await suiteql(sim, auditor(), 'select id from role where id > 1028 order by id asc');
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual(['1029', '1030', '1031', '1032', '1033']);
  });

  test('rolepermissions rows carry name and restriction as Oracle\'s example shows', async () => {
    const r = await suiteql(sim, auditor(), "SELECT * FROM rolepermissions WHERE role = 1028 AND permkey = 'ADMI_CUSTFIELD'");
    expect(r.body.items).toEqual([{ links: [], name: 'Custom Fields', permkey: 'ADMI_CUSTFIELD', permlevel: '1', restriction: '-1', role: '1028' }]);
  });

  test.each([
    ['an unknown table', 'SELECT id FROM roles', "Record 'roles' was not found."],
    ['a table named like a property every object has', 'SELECT id FROM constructor', "Record 'constructor' was not found."],
    ['a table named __proto__', 'SELECT id FROM __proto__', "Record '__proto__' was not found."],
    ['an unknown column', 'SELECT permissionlevel FROM role', "Field 'permissionlevel' for record 'role' was not found."],
    ['UPPER on a value, not a column', "SELECT id FROM role WHERE UPPER('x') = 'X'", 'expected a column'],
    ['a join', 'SELECT r.id FROM role r JOIN rolepermissions p ON p.role = r.id', "unexpected character '.'"],
    ['OR', "SELECT id FROM role WHERE id = '1' OR id = '2'", 'unsupported syntax'],
    ['LIKE', "SELECT id FROM role WHERE name LIKE 'P%'", 'unsupported condition'],
    ['a function outside the subset', 'SELECT SUM(id) FROM role', 'expected FROM'],
    ['an unterminated string', "SELECT id FROM role WHERE name = 'x", 'unterminated string literal'],
    ['not a SELECT', "DELETE FROM role WHERE id = '1'", 'expected SELECT'],
  ])('%s is a 400 with NetSuite\'s error body, never an empty result', async (_name, q, detail) => {
    const r = await suiteql(sim, auditor(), q);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ title: 'Bad Request', status: 400 });
    expect(r.body['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'q' });
    expect(r.body['o:errorDetails'][0].detail).toContain(detail);
    expect(r.body.items).toBeUndefined();
  });

  test.each([['0'], ['1001'], ['abc']])('limit %s is rejected', async (limit) => {
    const r = await suiteql(sim, auditor(), 'SELECT id FROM role', { limit: limit as unknown as number });
    expect(r.status).toBe(400);
    expect(r.body['o:errorDetails'][0]['o:errorQueryParam']).toBe('limit');
  });
});

describe('SuiteQL paging', () => {
  test('pages by limit/offset with hasMore and links until the last row', async () => {
    const q = "SELECT permkey FROM rolepermissions WHERE role = '1028' ORDER BY permkey";
    const seen: string[] = [];
    let offset = 0;
    let pages = 0;
    for (;;) {
      const r = await suiteql(sim, auditor(), q, { limit: 10, offset });
      pages++;
      seen.push(...r.body.items.map((i: { permkey: string }) => i.permkey));
      expect(r.body.totalResults).toBe(33);
      const rels = r.body.links.map((l: { rel: string }) => l.rel);
      expect(rels).toContain('self');
      if (!r.body.hasMore) { expect(rels).not.toContain('next'); break; }
      expect(r.body.links.find((l: { rel: string }) => l.rel === 'next').href).toBe(`${sim.url}/services/rest/query/v1/suiteql?limit=10&offset=${offset + 10}`);
      offset += 10;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(33);
    expect(new Set(seen).size).toBe(33);
  });
});

describe('the 100,000-row cap', () => {
  let big: Simulator;
  beforeAll(async () => {
    const account: SimAccount = demoAccount();
    // 700 roles x 150 permissions = 105,000 rows: more than one query may reach.
    for (let i = 0; i < 700; i++) {
      account.roles.push({ internalId: String(5000 + i), scriptId: `customrole_gen_${i}`, name: `Gen ${i}`, settings: {}, recordRestrictions: [], restrictions: new Map(), inactive: false, allPermissions: false, webServicesOnly: true, doNotRestrictEmployeeFields: false,
        permissions: new Map(Array.from({ length: 150 }, (_, j) => [`LIST_GEN_${String(j).padStart(3, '0')}`, 'VIEW' as const])) });
    }
    big = await startSimulator({ fixture: account });
  });
  afterAll(() => big.stop());

  test('rows beyond 100,000 cannot be reached: hasMore ends there, offset past it is a 400', async () => {
    const c = credentialsFor(big, 'auditor');
    const q = 'SELECT role, permkey FROM rolepermissions ORDER BY role, permkey';
    const last = await suiteql(big, c, q, { limit: 1000, offset: 99_000 });
    expect(last.body).toMatchObject({ count: 1000, hasMore: false });
    expect(last.body.totalResults).toBeGreaterThan(100_000);
    const past = await suiteql(big, c, q, { limit: 1000, offset: 100_000 });
    expect(past.status).toBe(400);
    expect(past.body['o:errorDetails'][0].detail).toContain('Split the query');
  });
});

describe('aggregates, as the access reads use them', () => {
  test('GROUP BY with MAX and TO_CHAR: one row per group, the latest date, HH24', async () => {
    const r = await suiteql(sim, auditor(), "SELECT user, role, TO_CHAR(MAX(date), 'YYYY-MM-DD HH24:MI:SS') AS lastlogin, COUNT(*) AS n FROM loginaudit WHERE status = 'Success' GROUP BY user, role ORDER BY user, role");
    expect(r.status).toBe(200);
    const rows = r.body.items as Array<Record<string, string>>;
    expect(rows.map((x) => `${x.user}/${x.role}/${x.n}`)).toEqual(['501/1028/1', '501/1029/1', '502/1030/1', '503/3/1', '505/1031/1', '505/1032/1']);
    for (const x of rows) expect(x.lastlogin).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // The failed login of 504 is not a success.
    expect(rows.some((x) => x.user === '504')).toBe(false);
  });

  test('a date selected bare reads in the display format (why clients use TO_CHAR)', async () => {
    const r = await suiteql(sim, auditor(), "SELECT date FROM loginaudit WHERE user = '503'");
    expect(r.body.items[0].date).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2} (am|pm)$/);
  });

  test.each([
    ['a bare column outside GROUP BY', 'SELECT user, role FROM loginaudit GROUP BY user', 'not a GROUP BY expression: role'],
    ['a TO_CHAR format other than the one supported', "SELECT TO_CHAR(MAX(date), 'YYYY-MM-DD HH:MI:SS') AS d FROM loginaudit", "unsupported TO_CHAR format 'YYYY-MM-DD HH:MI:SS'"],
  ])('%s is a 400', async (_name, q, detail) => {
    const r = await suiteql(sim, auditor(), q);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain(detail);
  });

  test('who may read the login audit trail: a role without View Login Audit Trail gets the 400 "not found"', async () => {
    const r = await suiteql(sim, credentialsFor(sim, 'polytomic'), "SELECT user FROM loginaudit");
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain("Record 'loginaudit' was not found.");
  });
});
