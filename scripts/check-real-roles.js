#!/usr/bin/env node
// Runs the tool over any folder of SDF role files, as a user would, and prints a summary:
//   npm run check:real-roles -- <folder>
// For every customrole*.xml under the folder: `validate` and `audit` with the starter policy
// `pull --as policy` would write for it (it must validate and pass its own role), and `compare`
// of the file with itself (exit 0). Prints files read, exit-2 count, standard IDs no catalog
// lists and key forms no parser knows. A maintainer script: no test runs it (the real exports
// are reference material outside the project); the project's own corpus is in test/fixtures.
'use strict';
const { readdirSync, readFileSync, writeFileSync, mkdtempSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');
const { tmpdir } = require('node:os');
const { spawn } = require('node:child_process');
const { parseSdfRole, getCatalog } = require('../dist');
const { parsePermkey } = require('../dist/core/catalog/permkey');
const { formatStarterPolicy } = require('../dist/core/policy/starter');

const BIN = join(__dirname, '..', 'bin', 'ns-role-audit.js');
const folder = process.argv[2];
if (!folder) {
  console.error('usage: npm run check:real-roles -- <folder of SDF role files>');
  process.exit(2);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /^customrole.*\.xml$/i.test(e.name) ? [p] : [];
  });
}

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function main() {
  if (!statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  const files = walk(folder).sort();
  const tmp = mkdtempSync(join(tmpdir(), 'check-real-roles-'));
  const catalog = getCatalog();
  const tally = { files: files.length, parsed: 0, exit2: 0, validateFailed: 0, auditFailed: 0, compareUnequal: 0, permissions: 0 };
  const uncatalogued = new Map();
  const unknownForms = new Map();
  const problems = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const name = relative(folder, file);
      let role;
      try {
        role = parseSdfRole(file, readFileSync(file, 'utf8'));
        tally.parsed++;
      } catch (e) {
        problems.push(`${name}: ${e.message}`);
      }
      if (role) {
        for (const p of role.permissions) {
          tally.permissions++;
          const k = parsePermkey(p.permkey);
          if (k.kind === 'standard' && !catalog.byId(k.id)) uncatalogued.set(k.id, (uncatalogued.get(k.id) ?? 0) + 1);
          if (k.kind === 'unknown') unknownForms.set(p.permkey, (unknownForms.get(p.permkey) ?? 0) + 1);
        }
      }
      const policy = join(tmp, `${next}-${role ? role.scriptId : 'x'}.yaml`);
      if (role) writeFileSync(policy, formatStarterPolicy(role, { source: name, capturedAt: 'check', schemaPath: 'schema/policy.schema.json' }));
      const results = await Promise.all([
        role ? run(['validate', policy]) : Promise.resolve({ code: 0 }),
        role ? run(['audit', '--policy', policy, '--role-file', file, '--fail-on', 'error']) : run(['audit', '--policy', join(__dirname, '..', 'policies', 'polytomic.yaml'), '--role-file', file]),
        run(['compare', '--role-file', file, '--with-file', file]),
      ]);
      const [validate, audit, compare] = results;
      if (results.some((r) => r.code === 2)) { tally.exit2++; problems.push(`${name}: exit 2\n${results.filter((r) => r.code === 2).map((r) => r.out).join('\n')}`); }
      if (validate.code !== 0) tally.validateFailed++;
      if (audit.code !== 0 && role) { tally.auditFailed++; problems.push(`${name}: its own starter policy fails it (exit ${audit.code})\n${audit.out}`); }
      if (compare.code !== 0) tally.compareUnequal++;
    }
  };
  await Promise.all([worker(), worker()]);
  console.log(`files read:                 ${tally.files} (${tally.parsed} parsed, ${tally.permissions} permission lines)`);
  console.log(`exit 2 (could not audit):   ${tally.exit2}`);
  console.log(`starter policy invalid:     ${tally.validateFailed}`);
  console.log(`own starter policy fails:   ${tally.auditFailed}`);
  console.log(`compare with itself unequal: ${tally.compareUnequal}`);
  console.log(`uncatalogued standard IDs:  ${uncatalogued.size}${uncatalogued.size ? ` (${[...uncatalogued].map(([k, n]) => `${k} x${n}`).join(', ')})` : ''}`);
  console.log(`unknown key forms:          ${unknownForms.size}${unknownForms.size ? ` (${[...unknownForms].map(([k, n]) => `${k} x${n}`).join(', ')})` : ''}`);
  for (const p of problems.slice(0, 20)) console.log(`\n${p}`);
  if (problems.length > 20) console.log(`\n... and ${problems.length - 20} more`);
  process.exitCode = tally.exit2 || tally.validateFailed || tally.auditFailed || tally.compareUnequal || uncatalogued.size || unknownForms.size ? 1 : 0;
}

main().catch((e) => { console.error(e.message); process.exitCode = 2; });
