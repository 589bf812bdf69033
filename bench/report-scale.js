// Reports at a consultancy's scale: 1,000 roles of 150 permissions each, audited against the
// API-only template (about 147,000 findings). Prints each format's size and time, the GitHub
// annotations and job summary against GitHub's limits, and, when Chromium is installed, the HTML
// report in the browser: elements after load, first paint and the load event.
'use strict';
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const ROLES = 1000;
const PERMS = 150;

function fleet() {
  const root = join(__dirname, '..');
  const { readPolicy, auditSnapshot, buildReport, getCatalog, parseSdfRole } = require('../dist');
  const policy = readPolicy(join(root, 'policies/templates/api-only-integration.yaml'));
  const good = parseSdfRole('role.xml', readFileSync(join(root, 'fixtures/sdf-project/src/Objects/customrole_polytomic.xml'), 'utf8'));
  const levels = ['NONE', 'VIEW', 'CREATE', 'EDIT', 'FULL'];
  const base = policy.rules.map((r) => ({ permkey: r.id, level: r.min || 'FULL' }));
  const ids = getCatalog().all().map((p) => p.id).filter((id) => !base.some((b) => b.permkey === id));
  const results = [];
  for (let i = 0; i < ROLES; i++) {
    const permissions = base.filter((_, j) => (i + j) % 17 !== 0);
    for (let j = 0; permissions.length < PERMS; j++) permissions.push({ permkey: ids[(i * 7 + j) % ids.length], level: levels[1 + ((i + j) % 4)] });
    const role = { ...good, lines: undefined, scriptId: `customrole_gen_${i}`, internalId: String(10000 + i), name: `Generated ${i}`, origin: `suiteql:ACCT${i % 12}`, flags: { ...good.flags, webServicesOnly: i % 9 !== 0 }, settings: { ...good.settings, coreAdminPermissions: false }, permissions };
    results.push(auditSnapshot(policy, role, { selector: { scriptId: role.scriptId }, source: { kind: 'suiteql', location: `https://acct${i % 12}.suitetalk.api.netsuite.com`, account: `ACCT${i % 12}`, connection: `acct${i % 12}` }, today: '2026-11-27' }));
  }
  return buildReport(results, { version: 'bench', generatedAt: new Date().toISOString(), failOn: 'error' });
}

const mb = (s) => `${(Buffer.byteLength(s) / 1024 / 1024).toFixed(2)} MB`;

module.exports = async function reportScale() {
  const { FORMATS } = require('../dist');
  const started = Date.now();
  const report = fleet();
  const findings = report.results.reduce((n, r) => n + r.findings.length, 0);
  console.log(`report scale: ${ROLES} roles x ${PERMS} permissions, ${findings} findings (audited in ${Date.now() - started} ms)`);
  const outputs = {};
  for (const name of Object.keys(FORMATS)) {
    const s = Date.now();
    outputs[name] = FORMATS[name].report(report, { color: false, artifacts: ['results.sarif', 'report.html'] });
    console.log(`report scale: ${name.padEnd(8)} ${mb(outputs[name]).padStart(9)} in ${Date.now() - s} ms`);
  }
  const kinds = outputs.github.split('\n').filter((l) => l.startsWith('::')).map((l) => /^::(\w+)/.exec(l)[1]);
  const count = (k) => kinds.filter((x) => x === k).length;
  const n = (k, word) => `${count(k)} ${word}${count(k) === 1 ? '' : 's'}`;
  console.log(`report scale: GitHub annotations: ${kinds.length} (${n('error', 'error')}, ${n('warning', 'warning')}, ${n('notice', 'notice')}; limits: 10 of each per step, 50 per job)`);
  const summary = FORMATS.markdown.report(report, { color: false, maxBytes: 1024 * 1024 - 16 * 1024, artifacts: ['report.html'] });
  console.log(`report scale: job summary ${mb(summary)} (GitHub's limit: 1 MiB; the whole checklist: ${mb(outputs.markdown)}), ${(summary.match(/^## /gm) || []).length} roles shown`);

  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((p) => p && existsSync(p));
  if (!chromium) { console.log('report scale: browser figures skipped (no Chromium; apt-get install chromium)'); return; }
  const { chromium: pw } = require('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'nsra-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, outputs.html);
  const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const s = Date.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const load = Date.now() - s;
    const paint = await page.evaluate(() => performance.getEntriesByType('paint').map((p) => `${p.name} ${Math.round(p.startTime)} ms`));
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const heap = await page.evaluate(() => (performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1024 / 1024) : undefined));
    console.log(`report scale: HTML in Chromium: ${elements} elements after load (target at most 25,000), load event ${load} ms, ${paint.join(', ')}${heap ? `, JS heap ${heap} MB` : ''}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
