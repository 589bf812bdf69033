// Live-audit benchmark against the simulator (in this process, over real HTTP on loopback):
// one-role SuiteQL audit (requests, wall) beside the same requests replayed by curl; SOAP client
// ready time; the SOAP probe of the 33-permission Polytomic policy.
'use strict';
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const run = promisify(execFile);
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

module.exports = async function bench() {
  const t0 = process.hrtime.bigint();
  require('soap');
  const soapLoad = ms(t0);
  const { startSimulator } = require('../dist/simulator');
  const { openSession, createLiveSource, auditRole, readPolicy, oauthHeader } = require('../dist');
  const sim = await startSimulator({ fixture: join(__dirname, '..', 'fixtures', 'accounts', 'demo.yaml') });
  const conn = (name) => {
    const t = sim.account.tokens.find((x) => x.name === name);
    const credentials = { accountId: sim.accountId, consumerKey: t.integration.consumerKey, consumerSecret: t.integration.consumerSecret, tokenId: t.tokenId, tokenSecret: t.tokenSecret };
    return { name, credentials, accountId: sim.accountId, baseUrl: sim.url, soapVersion: '2024_2' };
  };
  const policy = readPolicy(join(__dirname, '..', 'policies', 'polytomic.yaml'));

  // SuiteQL: one role, several runs.
  const walls = [];
  let requests = 0;
  for (let i = 0; i < 15; i++) {
    const session = openSession(conn('auditor'));
    const t = process.hrtime.bigint();
    await auditRole(policy, createLiveSource(session, 'suiteql'), { scriptId: 'customrole_polytomic' }, '2026-11-27');
    walls.push(ms(t));
    requests = session.transport.requestCount;
  }
  const auditor = conn('auditor').credentials;
  const queries = [
    "SELECT id, scriptid, name, isinactive, iswebserviceonlyrole, centertype FROM role WHERE scriptid = 'customrole_polytomic' ORDER BY id",
    "SELECT permkey, permlevel, restriction FROM rolepermissions WHERE role = '1028' ORDER BY permkey",
  ];
  const url = `${sim.url}/services/rest/query/v1/suiteql?limit=1000&offset=0`;
  const curls = [];
  for (let i = 0; i < 15; i++) {
    // Headers are signed before the clock starts: curl gets the same work the client does on the wire.
    const signed = queries.map((q) => [oauthHeader(auditor, 'POST', url, { nonce: randomBytes(10).toString('hex'), timestamp: Math.floor(Date.now() / 1000) }), q]);
    const t = process.hrtime.bigint();
    for (const [auth, q] of signed) {
      await run('curl', ['-s', '-o', '/dev/null', '-X', 'POST', url, '-H', `Authorization: ${auth}`, '-H', 'Prefer: transient', '-H', 'Content-Type: application/json', '--data', JSON.stringify({ q })]);
    }
    curls.push(ms(t));
  }
  const w = median(walls);
  const c = median(curls);
  console.log(`live suiteql: one-role audit = ${requests} HTTP requests (target <= 2); wall median ${w.toFixed(1)} ms vs the same ${queries.length} requests replayed by curl ${c.toFixed(1)} ms: ratio ${(w / c).toFixed(2)} (target <= 1.5)`);

  // SOAP client ready time (node-soap loaded above, as the SOAP path loads it once).
  const readies = [];
  for (let i = 0; i < 10; i++) {
    const session = openSession(conn('polytomic'));
    const t = process.hrtime.bigint();
    await session.soap();
    readies.push(ms(t));
  }
  console.log(`live soap: require('soap') ${soapLoad.toFixed(0)} ms once; client ready (WSDL parsed) median ${median(readies).toFixed(1)} ms (target <= 50)`);

  const probes = [];
  let soapRequests = 0;
  for (let i = 0; i < 5; i++) {
    const session = openSession(conn('polytomic'));
    await session.soap();
    const t = process.hrtime.bigint();
    await auditRole(policy, createLiveSource(session, 'soap'), policy.role, '2026-11-27');
    probes.push(ms(t));
    soapRequests = session.transport.requestCount;
  }
  console.log(`live soap: probe of the ${policy.rules.length}-permission policy: ${soapRequests} SOAP requests, wall median ${median(probes).toFixed(1)} ms at concurrency ${sim.account.concurrencyLimit}`);
  await sim.stop();
};
