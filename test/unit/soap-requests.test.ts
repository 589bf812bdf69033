import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Limiter } from '../../src/adapters/netsuite/limiter';
import { PROBE_PAGE_SIZE, PROBES, probeBody } from '../../src/adapters/netsuite/probes';
import { createSoapClient } from '../../src/adapters/netsuite/soap-client';
import { createTransport } from '../../src/adapters/netsuite/transport';

// The client's SOAP requests, byte for byte as node-soap sends them, held to captures that were
// checked against NetSuite's real XSDs (xmllint with the 2023_2 schemas) when they were made.
const CASES: Array<[string, string]> = [
  ['client-search-customers.xml', 'LIST_CUSTJOB'],
  ['client-search-sales-orders.xml', 'TRAN_SALESORD'],
  ['client-search-transactions.xml', 'TRAN_FIND'],
  ['client-get-customization-id-custom-lists.xml', 'ADMI_CUSTLIST'],
];

test('probe and getServerTime requests match the XSD-checked captures', async () => {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let b = '';
    req.on('data', (d) => (b += d));
    req.on('end', () => { bodies.push(b); res.writeHead(500); res.end('<x/>'); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const client = await createSoapClient({
      credentials: { accountId: '123', consumerKey: 'a', consumerSecret: 'b', tokenId: 'c', tokenSecret: 'd' },
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      version: '2023_2',
      transport: createTransport({ limiter: new Limiter(1), retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 1 } }),
      signingContext: () => ({ nonce: 'abcdef12', timestamp: 1700000000 }),
    });
    for (const [, id] of CASES) {
      const p = PROBES[id].probe;
      const op = p.kind === 'customization' ? 'getCustomizationId' : 'search';
      await client.call(op, probeBody(p, '2023_2')!, op === 'search' ? PROBE_PAGE_SIZE : undefined).catch(() => undefined);
    }
    await client.call('getServerTime', '<getServerTime xmlns="urn:messages_2023_2.platform.webservices.netsuite.com"/>').catch(() => undefined);
  } finally {
    server.close();
  }
  const expected = [...CASES.map(([f]) => f), 'client-get-server-time.xml'].map((f) => readFileSync(join(__dirname, '..', 'fixtures', 'soap-requests', f), 'utf8'));
  expect(bodies).toEqual(expected);
});
