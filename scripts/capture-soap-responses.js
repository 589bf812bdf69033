#!/usr/bin/env node
// Maintainer script (not run by the build or the tests). Captures one simulator response per SOAP
// operation and outcome into test/fixtures/soap-responses/, with time-dependent values fixed, so
// test/simulator/soap-responses.test.ts can hold the simulator to them. Then check them against
// NetSuite's real XSDs (2023_2 namespaces), e.g.:
//   for f in test/fixtures/soap-responses/*.xml; do
//     xmllint --noout --schema ../shared/reference/netsuite-wsdl/validation/all-2023_2.xsd "$f"; done
// All validate except invalid-login.xml: NetSuite's own INVALID_LOGIN_ATTEMPT code is missing from
// its FaultCodeType enum, and the simulator sends what NetSuite sends.
'use strict';
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { startSimulator } = require('../dist/simulator');
const { tokenPassportXml } = require('../dist/adapters/netsuite/signing');
const { SOAP_CASES, normalizeSoapResponse, soapEnvelope } = require('../test/helpers/soap-cases.js');

(async () => {
  const sim = await startSimulator({ fixture: join(__dirname, '..', 'fixtures', 'accounts', 'demo.yaml') });
  const out = join(__dirname, '..', 'test', 'fixtures', 'soap-responses');
  mkdirSync(out, { recursive: true });
  let n = 0;
  for (const c of SOAP_CASES) {
    const creds = c.token && sim.account.tokens.find((t) => t.name === c.token);
    const cred = creds && { accountId: sim.accountId, consumerKey: creds.integration.consumerKey, consumerSecret: creds.integration.consumerSecret, tokenId: creds.tokenId, tokenSecret: c.badSecret ? 'x'.repeat(64) : creds.tokenSecret };
    const header = cred ? tokenPassportXml(cred, { nonce: `capture${n++}x`, timestamp: Math.floor(Date.now() / 1000) }, '2023_2') : '';
    const r = await fetch(`${sim.url}/services/NetSuitePort_2023_2`, { method: 'POST', body: soapEnvelope('2023_2', c.body, header) });
    writeFileSync(join(out, `${c.name}.xml`), normalizeSoapResponse(await r.text(), sim.url));
  }
  await sim.stop();
  console.log(`captured ${SOAP_CASES.length} responses into ${out}`);
})();
