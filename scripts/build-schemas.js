#!/usr/bin/env node
// Build step: writes the published JSON Schemas (schema/*.schema.json) from their sources in
// src/core/input/schemas/, which the core imports as modules. The policy schema gains, under each
// subtab, every permission's name and ID with a level after each, so editors offer them; the rest
// is copied as written. Deterministic: a test (test/unit/schema-drift.test.ts) regenerates every
// schema in memory and fails if a committed file differs.
'use strict';
const { readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const SOURCES = join(__dirname, '..', 'src', 'core', 'input', 'schemas');
const PUBLISHED = join(__dirname, '..', 'schema');

/** The policy schema for editors: the source with every permission offered by name and ID under its subtab. */
function generatePolicySchema(source, permissions) {
  const schema = JSON.parse(JSON.stringify(source));
  for (const [key, tab] of Object.entries(schema.properties.permissions.properties)) {
    const props = {};
    for (const p of permissions.filter((x) => x.subtab === key && x.levels.length).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const offered = p.levels.map((l) => l[0] + l.slice(1).toLowerCase()).join(', ');
      const spec = { $ref: '#/$defs/permissionSpec', description: `${p.name} (${p.id}); the role page offers ${offered}` };
      if (!props[p.name]) props[p.name] = spec;
      if (!props[p.id]) props[p.id] = spec;
    }
    // Named properties first, so editors list them before the catch-all.
    schema.properties.permissions.properties[key] = { type: tab.type, description: tab.description, properties: props, additionalProperties: tab.additionalProperties };
  }
  return schema;
}

/** Every published schema as text, by file name. */
function generateSchemas(permissions) {
  const out = {};
  for (const file of readdirSync(SOURCES).filter((f) => f.endsWith('.schema.json')).sort()) {
    const source = JSON.parse(readFileSync(join(SOURCES, file), 'utf8'));
    out[file] = JSON.stringify(file === 'policy.schema.json' ? generatePolicySchema(source, permissions) : source, null, 2) + '\n';
  }
  return out;
}

module.exports = { generateSchemas, SOURCES, PUBLISHED };

if (require.main === module) {
  const { getCatalog } = require(join(__dirname, '..', 'dist', 'core', 'catalog'));
  for (const [file, text] of Object.entries(generateSchemas(getCatalog().all()))) {
    const path = join(PUBLISHED, file);
    let current;
    try { current = readFileSync(path, 'utf8'); } catch { current = undefined; }
    if (text !== current) writeFileSync(path, text);
  }
}
