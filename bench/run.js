// `npm run bench [-- name...]`: runs the named benchmarks (all by default) and prints figures.
'use strict';
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

(async () => {
  // Benchmarks are the .js files here; helpers/ holds what they preload, not benchmarks.
  const all = readdirSync(__dirname, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).filter((f) => f.endsWith('.js') && f !== 'run.js').map((f) => f.replace(/\.js$/, '')).sort();
  const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
  for (const name of chosen) {
    if (!all.includes(name)) { console.error(`unknown benchmark '${name}'; have: ${all.join(', ')}`); process.exit(2); }
    console.log(`== ${name}`);
    await require(join(__dirname, name))();
  }
})().catch((e) => { console.error(e); process.exit(1); });
