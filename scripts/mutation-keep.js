#!/usr/bin/env node
// `node scripts/mutation-keep.js save|restore [reports dir] [kept dir]`, from the project root: carries Stryker's incremental
// results (reports/*/stryker-incremental.json, not committed) from one machine to the next, so a
// mutation run of all of src/core (about 11,000 mutants, longer than one working session on 2 cores)
// adds up across sessions instead of starting over.
//
// save: each part's incremental file, with every source and test file's text replaced by its
// SHA-256, gzipped into mutation-kept/<part>.json.gz (50-100 kB, where the full file with
// every test file's text is megabytes).
// restore: for each kept part with no incremental file in reports/, the file is rebuilt from the
// files on disk: an entry whose file still has the kept hash gets its text back, so Stryker reuses
// its results; an entry whose file changed or went is dropped, so Stryker tests those mutants again
// (a changed test file: the mutants its tests covered). It can only make Stryker re-test, never
// reuse a result for code or tests that changed.
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { gunzipSync, gzipSync } = require('node:zlib');

const [mode, reportsDir = 'reports', keptDir = 'mutation-kept'] = process.argv.slice(2);
const sha = (text) => createHash('sha256').update(text).digest('hex');

function save() {
  mkdirSync(keptDir, { recursive: true });
  const parts = existsSync(reportsDir) ? readdirSync(reportsDir).filter((d) => existsSync(join(reportsDir, d, 'stryker-incremental.json'))) : [];
  for (const part of parts) {
    const report = JSON.parse(readFileSync(join(reportsDir, part, 'stryker-incremental.json'), 'utf8'));
    for (const group of ['files', 'testFiles']) {
      for (const entry of Object.values(report[group] ?? {})) {
        entry.sha256 = sha(entry.source ?? '');
        delete entry.source;
      }
    }
    const out = join(keptDir, `${part}.json.gz`);
    // mtime 0 in the gzip header: the same results give the same bytes, so git sees no change.
    writeFileSync(out, gzipSync(JSON.stringify(report), { level: 9 }));
    console.log(`kept ${part}: ${Object.values(report.files).reduce((n, f) => n + f.mutants.length, 0)} mutants -> ${out}`);
  }
}

function restore() {
  if (!existsSync(keptDir)) return;
  for (const name of readdirSync(keptDir).filter((n) => n.endsWith('.json.gz'))) {
    const part = name.slice(0, -'.json.gz'.length);
    const target = join(reportsDir, part, 'stryker-incremental.json');
    if (existsSync(target)) continue;
    const report = JSON.parse(gunzipSync(readFileSync(join(keptDir, name))).toString('utf8'));
    const counts = { kept: 0, dropped: 0 };
    for (const group of ['files', 'testFiles']) {
      for (const [path, entry] of Object.entries(report[group] ?? {})) {
        // Stryker names files relative to the project root, where this runs.
        const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
        if (text !== undefined && sha(text) === entry.sha256) {
          entry.source = text;
          delete entry.sha256;
          counts.kept += 1;
        } else {
          delete report[group][path];
          counts.dropped += 1;
        }
      }
    }
    mkdirSync(join(reportsDir, part), { recursive: true });
    writeFileSync(target, JSON.stringify(report));
    console.log(`restored ${part}: ${counts.kept} files unchanged, ${counts.dropped} changed (their mutants are tested again)`);
  }
}

if (mode === 'save') save();
else if (mode === 'restore') restore();
else {
  console.error('usage: node scripts/mutation-keep.js save|restore [reports dir] [kept dir]');
  process.exit(2);
}
