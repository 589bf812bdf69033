// Offline core benchmark: validate the Polytomic policy and audit a generated 700-permission role,
// 1,000 times; then the cold start of `ns-role-audit audit` beside a bare `node -e 0`.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
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

  const time = (args) => {
    const runs = [];
    for (let i = 0; i < 7; i++) {
      const s = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
      if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      runs.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    return median(runs);
  };
  const bare = time(['-e', '0']);
  const audit = time(['bin/ns-role-audit.js', 'audit', '--policy', 'policies/polytomic.yaml', '--role-file', 'fixtures/sdf-project/src/Objects/customrole_polytomic.xml']);
  const help = time(['bin/ns-role-audit.js', '--version']);
  console.log(`cold start (median of 7): node -e 0 ${bare.toFixed(0)} ms; ns-role-audit --version ${help.toFixed(0)} ms; ns-role-audit audit (SDF file) ${audit.toFixed(0)} ms (+${(audit - bare).toFixed(0)} ms over bare node)`);
};
