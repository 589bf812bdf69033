// Simulator load test on loopback: mixed SOAP/REST at 200 requests/s for 30 s (NSRA_LOAD_SECONDS
// to change), bounded and self-stopping. The simulator runs as its own process (`simulate`),
// so its memory is measured alone (VmRSS from /proc) at the start, every 5 s, and at the end.
'use strict';
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');
const { tokenPassportXml, oauthHeader } = require('../dist/adapters/netsuite/signing');

const RATE = 200;
const SECONDS = Number(process.env.NSRA_LOAD_SECONDS ?? 30);

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

module.exports = async function run() {
  const child = spawn(process.execPath, ['--expose-gc', join(__dirname, '..', 'bin', 'ns-role-audit.js'), 'simulate', '--print-env', 'admin'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise((resolve) => child.stdout.on('data', (d) => { out += d; if (out.includes('NETSUITE_BASE_URL')) resolve(); }));
  const env = Object.fromEntries([...out.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
  const creds = { accountId: env.NETSUITE_ACCOUNT_ID, consumerKey: env.NETSUITE_CONSUMER_KEY, consumerSecret: env.NETSUITE_CONSUMER_SECRET, tokenId: env.NETSUITE_TOKEN_ID, tokenSecret: env.NETSUITE_TOKEN_SECRET };
  const url = env.NETSUITE_BASE_URL;
  const ctx = () => ({ nonce: randomBytes(12).toString('hex'), timestamp: Math.floor(Date.now() / 1000) });
  const V = '2024_2';
  const soapBody = (h) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:platformMsgs="urn:messages_${V}.platform.webservices.netsuite.com" xmlns:platformCommon="urn:common_${V}.platform.webservices.netsuite.com"><soap:Header>${h}<platformMsgs:searchPreferences><platformMsgs:pageSize>5</platformMsgs:pageSize></platformMsgs:searchPreferences></soap:Header><soap:Body><platformMsgs:search><platformMsgs:searchRecord xsi:type="platformCommon:CustomerSearchBasic"/></platformMsgs:search></soap:Body></soap:Envelope>`;
  const restUrl = `${url}/services/rest/query/v1/suiteql?limit=1000&offset=0`;
  const one = async (i) => {
    const t = process.hrtime.bigint();
    let r;
    if (i % 2) {
      r = await fetch(`${url}/services/NetSuitePort_${V}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: soapBody(tokenPassportXml(creds, ctx(), V)) });
    } else {
      r = await fetch(restUrl, { method: 'POST', headers: { authorization: oauthHeader(creds, 'POST', restUrl, ctx()), prefer: 'transient', 'content-type': 'application/json' }, body: JSON.stringify({ q: "SELECT permkey, permlevel FROM rolepermissions WHERE role = '1028'" }) });
    }
    await r.text();
    return { ok: r.status === 200, ms: Number(process.hrtime.bigint() - t) / 1e6 };
  };

  const heap = async () => ((await (await fetch(`${url}/_simulator/stats`)).json()).memory.heapUsed / 1048576);
  const rss = [rssMb(child.pid)];
  const heaps = [await heap()];
  const lat = [];
  let errors = 0;
  let sent = 0;
  const pending = new Set();
  const start = Date.now();
  const total = RATE * SECONDS;
  let lastRss = start;
  while (sent < total) {
    const due = start + (sent * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const p = one(sent).then((x) => { lat.push(x.ms); if (!x.ok) errors++; }, () => { errors++; }).finally(() => pending.delete(p));
    pending.add(p);
    sent++;
    if (Date.now() - lastRss >= 5000) { rss.push(rssMb(child.pid)); heap().then((h) => heaps.push(h)); lastRss = Date.now(); }
  }
  await Promise.all(pending);
  const elapsed = (Date.now() - start) / 1000;
  rss.push(rssMb(child.pid));
  heaps.push(await heap());
  const log = await (await fetch(`${url}/_simulator/requests`)).json();
  child.kill('SIGTERM');
  lat.sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(1);
  console.log(`simulator load: ${sent} requests (SOAP search + REST SuiteQL, half each) in ${elapsed.toFixed(1)} s = ${(sent / elapsed).toFixed(0)} req/s; errors ${errors}; latency p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${lat[lat.length - 1].toFixed(1)} ms; most in flight ${log.maxConcurrent}`);
  console.log(`simulator load: simulator RSS every 5 s (MB): ${rss.map((x) => x.toFixed(0)).join(' ')}; live heap after GC (MB): ${heaps.map((x) => x.toFixed(1)).join(' ')} (growth ${(heaps[heaps.length - 1] - heaps[1]).toFixed(1)} MB after warm-up, of which the bounded request log holds ${log.requests.length} entries)`);
};
