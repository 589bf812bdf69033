#!/usr/bin/env node
// Maintainer script, never run by the build, the CLI or the tests: it regenerates
// src/core/catalog/permissions.data.json from Oracle's catalog, the table of permission IDs
// beyond it, and the levels each permission accepts.
//   node scripts/derive-catalog.mjs <permissions.json> <permkeys-beyond-oracle-table.md> [levels.json]
// levels.json maps an ID to the levels an SDF role may hold it at ({ "ADMI_ACCOUNTING":
// {"levels": ["NONE", "FULL"]}, ... }): Oracle's SDF permission table (the valid permlevel values of
// each permkey in SDF's customrole reference), as machine-read in salto-io/salto,
// packages/netsuite-adapter/src/autogen/role_permissions/role_permissions.ts, with the additions
// that project found deploys accept (change_validators/role_permission_ids.ts, e.g.
// REPO_CUSTOMIZATION at Full). docs/netsuite.md "Permission levels" says how it is used.
// Source: Oracle's NetSuite permission names and IDs (the SuiteCloud SDK's permissions.json,
// UPL licence), 669 unique IDs. Corrections applied below are documented in README "Catalog".
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2];
const beyondFile = process.argv[3];
const levelsFile = process.argv[4];
const levelTable = levelsFile ? JSON.parse(readFileSync(levelsFile, 'utf8')) : {};
if (!input || !beyondFile) {
  console.error('usage: derive-catalog.mjs <permissions.json> <permkeys-beyond-oracle-table.md>');
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
    if (levels[id] ?? levelTable[id]) rec.levels = levels[id] ?? levelTable[id].levels;
    return rec;
  });
if (out.length !== raw.metadata.uniquePermissionIds) {
  console.error(`expected ${raw.metadata.uniquePermissionIds} IDs, got ${out.length}`);
  process.exit(1);
}
// IDs beyond Oracle's table: from NetSuite's REST record metadata (the permKey enum of the
// employee record's role-permission sublist). NetSuite publishes names for few of them: only
// those Oracle's permissions usage sheet names are given one; the rest show as their ID.
const beyondNames = {
  GRAP_AP: 'Accounts Payable Graphing',
  GRAP_AR: 'Accounts Receivable Graphing',
  GRAP_NETWORTH: 'Net Worth',
};
// Markers in that enum, not permissions a role page can grant.
const markers = new Set(['NONE_NEEDED', 'SYSTEM_STATUS', 'EDIT_FISCALCALENDAR']);
const known = new Set(out.map((p) => p.id));
const beyond = [...readFileSync(beyondFile, 'utf8').matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
if (beyond.length !== 84) {
  console.error(`expected 84 IDs beyond Oracle's table, got ${beyond.length}`);
  process.exit(1);
}
for (const id of beyond) {
  if (known.has(id)) continue;
  const rec = { id, name: beyondNames[id] ?? id, provenance: 'rest-metadata' };
  if (markers.has(id)) rec.levels = [];
  else if (levelTable[id]) rec.levels = levelTable[id].levels;
  out.push(rec);
}
out.sort((a, b) => a.id.localeCompare(b.id));

const doc = {
  source:
    "Oracle NetSuite permission names and IDs (SuiteCloud SDK permissions.json, UPL 1.0), via scripts/derive-catalog.mjs; corrections: ADMI_LOGIN_OAUTH renamed 'Log in using Access Tokens'. Levels: the levels an SDF role may hold each permission at (Oracle's SDF permission table, as machine-read by salto-io/salto, with the additions it found deploys accept); absent: not published, any level is read and accepted. Entries with provenance 'rest-metadata': the 84 IDs of NetSuite's REST metadata permKey enum that Oracle's table lacks (names only where Oracle's usage sheet gives one; markers NONE_NEEDED, SYSTEM_STATUS, EDIT_FISCALCALENDAR have no grantable level)",
  count: out.length,
  permissions: out,
};
writeFileSync(new URL('../src/core/catalog/permissions.data.json', import.meta.url), JSON.stringify(doc, null, 1) + '\n');
console.log(`wrote ${out.length} permissions`);
