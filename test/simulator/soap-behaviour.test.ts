import { startSimulator, type Simulator } from '../../src/simulator';
import { credentialsFor, demoAccount, envelope, postSoap, soapCall } from '../helpers/sim-client';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fixture: demoAccount((doc) => { doc.records.customer = Array.from({ length: 12 }, (_, i) => `Customer ${i + 1}`); }) });
});
afterAll(() => sim.stop());

const prefs = (n: number) => `<platformMsgs:searchPreferences><platformMsgs:pageSize>${n}</platformMsgs:pageSize></platformMsgs:searchPreferences>`;
const customers = '<platformMsgs:search><platformMsgs:searchRecord xsi:type="platformCommon:CustomerSearchBasic"/></platformMsgs:search>';
const more = (id: string, page: number) => `<platformMsgs:searchMoreWithId><platformMsgs:searchId>${id}</platformMsgs:searchId><platformMsgs:pageIndex>${page}</platformMsgs:pageIndex></platformMsgs:searchMoreWithId>`;
const tag = (xml: string, name: string) => new RegExp(`<platformCore:${name}>([^<]*)</platformCore:${name}>`).exec(xml)?.[1];

describe('SOAP search paging', () => {
  test('pageSize, totalRecords, totalPages, searchId, then searchMoreWithId page by page', async () => {
    const c = credentialsFor(sim, 'polytomic');
    const first = await soapCall(sim, c, customers, { extraHeader: prefs(5) });
    expect([tag(first.text, 'totalRecords'), tag(first.text, 'pageSize'), tag(first.text, 'totalPages'), tag(first.text, 'pageIndex')]).toEqual(['12', '5', '3', '1']);
    expect(first.text.match(/<platformCore:record /g)).toHaveLength(5);
    const id = tag(first.text, 'searchId')!;
    const p3 = await soapCall(sim, c, more(id, 3));
    expect(tag(p3.text, 'pageIndex')).toBe('3');
    expect(p3.text.match(/<platformCore:record /g)).toHaveLength(2);
    const p4 = await soapCall(sim, c, more(id, 4));
    expect(p4.text).toContain('<platformCore:code>INVALID_PAGE_INDEX</platformCore:code>');
    const bad = await soapCall(sim, c, more('WEBSERVICES_nope', 1));
    expect(bad.text).toContain('<platformCore:code>INVALID_SEARCH_MORE</platformCore:code>');
  });

  test.each([[4], [1001]])('pageSize %i is refused', async (n) => {
    const r = await soapCall(sim, credentialsFor(sim, 'polytomic'), customers, { extraHeader: prefs(n) });
    expect(r.text).toContain('<platformCore:code>INVALID_SEARCH_PAGE_SIZE</platformCore:code>');
  });
});

describe('anything else is a SOAP fault, never a crash or a hang', () => {
  test.each([
    ['not XML', 'this is not xml', 'malformed request'],
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', 'DOCTYPE is not allowed'],
    ['not an envelope', '<foo/>', 'not a SOAP 1.1 Envelope'],
    ['an empty body', envelope('2024_2', ''), 'the SOAP Body is empty'],
    ['a write operation', envelope('2024_2', '<platformMsgs:add><platformMsgs:record/></platformMsgs:add>'), 'operation add is not supported'],
    ['the wrong version namespace', envelope('2023_2', '<platformMsgs:getServerTime/>'), 'must be in namespace urn:messages_2024_2'],
  ])('%s', async (_name, xml, message) => {
    const r = await postSoap(sim, xml);
    expect(r.status).toBe(500);
    expect(r.text).toContain('<soapenv:Fault>');
    expect(r.text).toContain(message);
  });

  // A name every JavaScript object inherits is not a record or customization type: a client fault, never an internal error.
  test.each([
    ['a search of type constructor', '<platformMsgs:search><platformMsgs:searchRecord xsi:type="platformCommon:constructor"/></platformMsgs:search>', 'search: constructor is not supported'],
    ['a search of type __proto__', '<platformMsgs:search><platformMsgs:searchRecord xsi:type="platformCommon:__proto__"/></platformMsgs:search>', 'search: __proto__ is not supported'],
    ['getCustomizationId of type toString', '<platformMsgs:getCustomizationId><platformMsgs:customizationType getCustomizationType="toString"/></platformMsgs:getCustomizationId>', 'getCustomizationId: toString is not supported'],
  ])('%s', async (_name, body, message) => {
    const r = await soapCall(sim, credentialsFor(sim, 'polytomic'), body);
    expect(r.text).toContain(message);
    expect(r.text).not.toContain('UNEXPECTED_ERROR');
  });

  test('a transaction search filtered to a type named like an inherited property returns no rows', async () => {
    const body = '<platformMsgs:search><platformMsgs:searchRecord xsi:type="platformCommon:TransactionSearchBasic"><platformCommon:type operator="anyOf"><platformCore:searchValue>_constructor</platformCore:searchValue></platformCommon:type></platformMsgs:searchRecord></platformMsgs:search>';
    const r = await soapCall(sim, credentialsFor(sim, 'polytomic'), body);
    expect(tag(r.text, 'totalRecords')).toBe('0');
  });

  test('an unsupported endpoint version', async () => {
    const r = await postSoap(sim, envelope('2019_1', '<platformMsgs:getServerTime/>'), '2019_1');
    expect(r.text).toContain('UNSUPPORTED_WS_VERSION');
  });

  test('a body over 1 MiB is refused with 413', async () => {
    const r = await postSoap(sim, 'x'.repeat(1024 * 1024 + 10));
    expect(r.status).toBe(413);
  });

  test('unknown paths are 404 in NetSuite\'s REST error shape', async () => {
    const r = await fetch(`${sim.url}/services/rest/record/v1/customer/1`);
    expect(r.status).toBe(404);
    const body = (await r.json()) as { 'o:errorDetails': Array<{ 'o:errorCode': string }> };
    expect(body['o:errorDetails'][0]['o:errorCode']).toBe('NONEXISTENT_ID');
  });

  test('the WSDL is served per version with the simulator\'s address', async () => {
    const r = await fetch(`${sim.url}/wsdl/v2025_1_0/netsuite.wsdl`);
    const text = await r.text();
    expect(text).toContain('urn:messages_2025_1.platform.webservices.netsuite.com');
    expect(text).toContain(`<soap:address location="${sim.url}/services/NetSuitePort_2025_1"/>`);
    expect(text).not.toContain('{{');
  });

  test('governance info reports the account limit', async () => {
    const r = await soapCall(sim, credentialsFor(sim, 'polytomic'), '<platformMsgs:getAccountGovernanceInfo/>');
    expect(tag(r.text, 'accountConcurrencyLimit')).toBe('5');
  });
});
