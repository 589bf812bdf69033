// Offline core benchmark: validate the Polytomic policy and audit a generated 700-permission role,
// 1,000 times, and each formatter (the CLI's cold start: bench/cold-start.js).
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parsePolicyLayer, mergePolicyLayers, auditSnapshot, buildReport, getCatalog, FORMATS } = require('../dist');

const root = join(__dirname, '..');
const policyText = readFileSync(join(root, 'policies/polytomic.yaml'), 'utf8');

function generatedRole(n) {
  const base = mergePolicyLayers([parsePolicyLayer('p.yaml', policyText).layer]);
  const perms = base.rules.map((r) => ({ permkey: r.id, level: r.min }));
  const others = getCatalog().all().filter((p) => !perms.some((x) => x.permkey === p.id));
  for (let i = 0; perms.length < n; i++) perms.push({ permkey: others[i % others.length].id + (i >= others.length ? `_X${i}` : ''), level: 'VIEW' });
  return { scriptId: 'customrole_polytomic', flags: { webServicesOnly: true, doNotRestrictEmployeeFields: true, inactive: false }, permissions: perms, evidence: 'definition', origin: 'bench' };
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

module.exports = function run() {
  const role = generatedRole(700);
  const iterations = 1000;
  // warm-up (ajv compile, catalog index)
  for (let i = 0; i < 20; i++) {
    const p = mergePolicyLayers([parsePolicyLayer('p.yaml', policyText).layer]);
    auditSnapshot(p, role, { selector: p.role, source: { kind: 'bench', location: 'bench' }, today: '2026-11-27' });
  }
  const t0 = process.hrtime.bigint();
  let findings = 0;
  for (let i = 0; i < iterations; i++) {
    const { layer, issues } = parsePolicyLayer('p.yaml', policyText);
    if (issues.length) throw new Error('policy invalid');
    const p = mergePolicyLayers([layer]);
    const r = auditSnapshot(p, role, { selector: p.role, source: { kind: 'bench', location: 'bench' }, today: '2026-11-27' });
    findings += r.findings.length;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`core: validate + audit of a ${role.permissions.length}-permission role x${iterations}: ${ms.toFixed(0)} ms, ${(iterations / (ms / 1000)).toFixed(0)} audits/s (${findings / iterations} findings each)`);

  const report = buildReport([auditSnapshot(mergePolicyLayers([parsePolicyLayer('p.yaml', policyText).layer]), role, { selector: { scriptId: 'customrole_polytomic' }, source: { kind: 'bench', location: 'bench' }, today: '2026-11-27' })], { version: 'bench', generatedAt: 'now', failOn: 'error' });
  for (const [name, { report: f }] of Object.entries(FORMATS)) {
    const s = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) f(report, { color: false });
    console.log(`core: format ${name} (${role.permissions.length - 33} findings) x100: ${(Number(process.hrtime.bigint() - s) / 1e6 / 100).toFixed(2)} ms each`);
  }

};
