#!/usr/bin/env node
// Maintainer script, never run by the build, the CLI or the tests: it regenerates
// src/catalog/permissions.data.json from the reference copy of Oracle's catalog.
//   node scripts/derive-catalog.mjs ../shared/reference/netsuite-permissions/permissions.json
// Source: Oracle's NetSuite permission names and IDs (the SuiteCloud SDK's permissions.json,
// UPL licence), 669 unique IDs. Corrections applied below are documented in README "Catalog".
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2];
if (!input) {
  console.error('usage: derive-catalog.mjs <permissions.json>');
  process.exit(2);
}
const raw = JSON.parse(readFileSync(input, 'utf8'));

// Oracle labels ADMI_LOGIN_OAUTH with the OAuth 2.0 permission's name; its UI name is
// "Log in using Access Tokens" (TBA). The OAuth 2.0 name belongs to ADMI_LOGIN_OAUTH2 only.
const renames = { ADMI_LOGIN_OAUTH: 'Log in using Access Tokens' };
// Names seen in setup guides that the catalog lacks.
const extraAliases = {
  ADMI_LOGIN_OAUTH: ['Log In Using Access Tokens', 'Login using Access Tokens', 'TBA'],
  ADMI_WEBSERVICES: ['SOAP Web Services', 'Web Services'],
};
// Levels that NetSuite's role page allows (netsuite.md section 1). Absent = all five.
const levels = {
  ADMI_WEBSERVICES: ['NONE', 'FULL'],
  ADMI_RESTWEBSERVICES: ['NONE', 'FULL'],
  ADMI_LOGIN_OAUTH: ['NONE', 'FULL'],
  ADMI_LOGIN_OAUTH2: ['NONE', 'FULL'],
  ADMI_MANAGE_OAUTH_TOKENS: ['NONE', 'FULL'],
  ADMI_MANAGE_OWN_OAUTH_TOKENS: ['NONE', 'FULL'],
  ADMI_MANAGEROLES: ['NONE', 'FULL'],
  REPO_ANALYTICS: ['NONE', 'EDIT'],
  REPO_TRAN: ['NONE', 'VIEW'],
  LIST_EMPLOYEE_RECORD: ['VIEW', 'CREATE', 'EDIT', 'FULL'],
};

const byId = new Map();
for (const group of Object.values(raw.permissions)) {
  for (const { name, id } of group.permissions) {
    const entry = byId.get(id) ?? { id, names: [] };
    if (!entry.names.includes(name)) entry.names.push(name);
    byId.set(id, entry);
  }
}
const out = [...byId.values()]
  .sort((a, b) => a.id.localeCompare(b.id))
  .map(({ id, names }) => {
    let all = names.map((n) => (renames[id] && n === names[0] ? renames[id] : n));
    if (renames[id]) all = [renames[id], ...all.filter((n) => n !== renames[id] && !/OAuth 2\.0/.test(n))];
    for (const a of extraAliases[id] ?? []) if (!all.some((n) => n.toLowerCase() === a.toLowerCase())) all.push(a);
    const rec = { id, name: all[0] };
    if (all.length > 1) rec.aliases = all.slice(1);
    if (levels[id]) rec.levels = levels[id];
    return rec;
  });
if (out.length !== raw.metadata.uniquePermissionIds) {
  console.error(`expected ${raw.metadata.uniquePermissionIds} IDs, got ${out.length}`);
  process.exit(1);
}
const doc = {
  source:
    "Oracle NetSuite permission names and IDs (SuiteCloud SDK permissions.json, UPL 1.0), via scripts/derive-catalog.mjs; corrections: ADMI_LOGIN_OAUTH renamed 'Log in using Access Tokens', grantable levels from NetSuite's role page",
  count: out.length,
  permissions: out,
};
writeFileSync(new URL('../src/catalog/permissions.data.json', import.meta.url), JSON.stringify(doc, null, 1) + '\n');
console.log(`wrote ${out.length} permissions`);
