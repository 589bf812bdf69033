// The mutation score of one or more Stryker JSON reports (reports/*/mutation.json), per file and in
// total, as Stryker counts it: detected (killed or timed out) over valid mutants (detected, survived
// or not covered by any test). Compile and runtime errors and ignored mutants are not counted.
//   node scripts/mutation-score.js reports/mutation/mutation.json [more reports...] [--survivors]
const { readFileSync } = require('node:fs');

const args = process.argv.slice(2);
const survivors = args.includes('--survivors');
const reports = args.filter((a) => a !== '--survivors');
if (reports.length === 0) {
  console.error('usage: node scripts/mutation-score.js <mutation.json>... [--survivors]');
  process.exit(2);
}

const rows = new Map();
for (const path of reports) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, { mutants, source }] of Object.entries(report.files)) {
    const row = rows.get(file) ?? { detected: 0, survived: 0, noCoverage: 0 };
    const lines = source.split('\n');
    for (const m of mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') row.detected += 1;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        row[m.status === 'Survived' ? 'survived' : 'noCoverage'] += 1;
        if (survivors) console.log(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}: ${lines[m.location.start.line - 1].trim().slice(0, 100)}`);
      }
    }
    rows.set(file, row);
  }
}

const pct = (r) => {
  const valid = r.detected + r.survived + r.noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * r.detected) / valid).toFixed(1)}%`;
};
const total = { detected: 0, survived: 0, noCoverage: 0 };
for (const [file, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  for (const k of Object.keys(total)) total[k] += r[k];
  console.log(`${pct(r).padStart(6)}  ${String(r.detected).padStart(5)} detected ${String(r.survived).padStart(4)} survived ${String(r.noCoverage).padStart(4)} no coverage  ${file}`);
}
console.log(`${pct(total).padStart(6)}  ${String(total.detected).padStart(5)} detected ${String(total.survived).padStart(4)} survived ${String(total.noCoverage).padStart(4)} no coverage  total over ${rows.size} files`);
