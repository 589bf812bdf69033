import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { tokenPassportXml } from '../../src/adapters/netsuite/signing';
import { credentialsFor, demoAccount, freshCtx, postSoap } from '../helpers/sim-client';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SOAP_CASES, normalizeSoapResponse, soapEnvelope } = require('../helpers/soap-cases.js') as {
  SOAP_CASES: SoapCase[];
  normalizeSoapResponse(xml: string, url: string): string;
  soapEnvelope(version: string, body: string, header: string): string;
};
interface SoapCase { name: string; token?: string; body: string; badSecret?: boolean }

// The simulator's responses, held to files that were checked against NetSuite's real XSDs
// (scripts/capture-soap-responses.js says how). A change here is a change on the wire.
let sim: Simulator;
beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount() }); });
afterAll(() => sim.stop());

describe.each(SOAP_CASES.map((c) => [c.name, c] as [string, SoapCase]))('SOAP response %s', (name, c) => {
  test('matches the XSD-checked capture', async () => {
    const cred = c.token ? credentialsFor(sim, c.token) : undefined;
    const header = cred ? tokenPassportXml(c.badSecret ? { ...cred, tokenSecret: 'x'.repeat(64) } : cred, freshCtx(), '2023_2') : '';
    const r = await postSoap(sim, soapEnvelope('2023_2', c.body, header), '2023_2');
    const expected = readFileSync(join(__dirname, '..', 'fixtures', 'soap-responses', `${name}.xml`), 'utf8');
    expect(normalizeSoapResponse(r.text, sim.url)).toBe(expected);
  });
});

test('a request written to NetSuite\'s XSD (the validation example, re-signed) is accepted', async () => {
  const example = readFileSync(join(__dirname, '..', 'fixtures', 'soap-requests', 'valid-search-employee.xml'), 'utf8');
  const passport = tokenPassportXml(credentialsFor(sim, 'polytomic'), freshCtx(), '2023_2')
    .replace(/ xmlns:platform(Msgs|Core)="[^"]+"/g, ''); // the example declares both prefixes on the envelope
  const xml = example.replace(/<platformMsgs:tokenPassport>[\s\S]*<\/platformMsgs:tokenPassport>/, passport);
  const r = await postSoap(sim, xml, '2023_2');
  expect(r.status).toBe(200);
  expect(r.text).toContain('<platformCore:status isSuccess="true"/>');
  expect(r.text).toContain('xsi:type="listEmp:Employee"');
});
