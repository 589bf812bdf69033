#!/usr/bin/env node
// `node scripts/mutation-retest-survivors.js reports/<part>/stryker-incremental.json ...`: forgets the
// survivors (and mutants no test reached) of kept Stryker results, so the next incremental run
// tests them again and reuses every kill. Stryker's own incremental mode reuses a survivor when its
// code is unchanged, even after tests that kill it were added (seen here: a baseline mutant the new
// unit tests kill by hand stayed "Survived"); kills stay valid when tests are only added.
const { readFileSync, writeFileSync } = require('node:fs');

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node scripts/mutation-retest-survivors.js <stryker-incremental.json>...');
  process.exit(2);
}
for (const file of files) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let dropped = 0;
  for (const entry of Object.values(report.files)) {
    const before = entry.mutants.length;
    entry.mutants = entry.mutants.filter((m) => m.status !== 'Survived' && m.status !== 'NoCoverage');
    dropped += before - entry.mutants.length;
  }
  writeFileSync(file, JSON.stringify(report));
  console.log(`${file}: ${dropped} survivors to test again`);
}
