#!/usr/bin/env node
// Build step: writes the catalog-driven parts of schema/policy.schema.json, so editors offer
// every permission's name and ID under its subtab, and a level after each. The rest of the schema
// is kept as written. Deterministic: a test (test/unit/schema-drift.test.ts) regenerates the
// schema in memory and fails if the committed file differs.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const LEVELS = ['None', 'View', 'Create', 'Edit', 'Full'];
/** Any case is accepted (the tool reads levels in any case); one casing is offered. */
const anyCase = (w) => [...w].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('');

/** The policy schema with its generated parts, from a catalog's permissions ({id, name, aliases, subtab, levels}). */
function generatePolicySchema(base, permissions) {
  const schema = JSON.parse(JSON.stringify(base));
  schema.$defs.level = {
    description: 'A level as on the role page: None, View, Create, Edit, Full (any case is accepted).',
    type: 'string',
    pattern: `^(?:${LEVELS.map(anyCase).join('|')})$`,
    examples: LEVELS,
  };
  schema.$defs.permissionSpec = {
    description: 'A minimum level, or {min, max} / {exact}, and optionally the line\'s restriction.',
    anyOf: [
      { $ref: '#/$defs/level' },
      {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          min: { $ref: '#/$defs/level' },
          max: { $ref: '#/$defs/level' },
          exact: { $ref: '#/$defs/level' },
          restriction: { type: 'string', minLength: 1, description: "The permission line's Restrict column: NONE (unrestricted), EDIT, VIEWANDEDIT, OWNONLY, DEFAULTTOOWN" },
        },
      },
    ],
  };
  delete schema.$defs.permissionMap;
  const subtabs = { transactions: 'Transactions', reports: 'Reports', lists: 'Lists', setup: 'Setup', customRecords: 'Custom Record' };
  schema.properties.permissions.properties = Object.fromEntries(Object.entries(subtabs).map(([key, label]) => {
    const props = {};
    for (const p of permissions.filter((x) => x.subtab === key && x.levels.length).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const offered = p.levels.map((l) => l[0] + l.slice(1).toLowerCase()).join(', ');
      const spec = { $ref: '#/$defs/permissionSpec', description: `${p.name} (${p.id}); the role page offers ${offered}` };
      if (!props[p.name]) props[p.name] = spec;
      if (!props[p.id]) props[p.id] = spec;
    }
    return [key, {
      type: 'object',
      description: `The ${label} subtab: permissions by name or ID${key === 'customRecords' ? ', and custom records and segments by script id' : key === 'transactions' ? ', and custom transaction types by script id' : ''} (plurals and aliases too).`,
      properties: props,
      additionalProperties: { $ref: '#/$defs/permissionSpec' },
    }];
  }));
  return schema;
}

module.exports = { generatePolicySchema };

if (require.main === module) {
  const root = join(__dirname, '..');
  const file = join(root, 'schema', 'policy.schema.json');
  const { getCatalog } = require(join(root, 'dist', 'core', 'catalog'));
  const out = JSON.stringify(generatePolicySchema(JSON.parse(readFileSync(file, 'utf8')), getCatalog().all()), null, 2) + '\n';
  if (out !== readFileSync(file, 'utf8')) writeFileSync(file, out);
}
