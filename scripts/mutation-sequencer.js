// Jest test sequencer for `npm run mutation`: runs only the test files that hold a test Stryker
// asked for. Stryker's jest runner re-runs jest once per mutant with --testNamePattern naming the
// tests that cover it (per-test coverage), but jest still loads every test file to find them:
// most of a mutant's time went on loading files with nothing to run. The file of each test name
// comes from scripts/mutation-test-names.js (a plain jest run before Stryker starts); a name it does
// not know (a test written since) keeps every file, so the filter can only save time, never a kill.
const { readFileSync } = require('node:fs');
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

let cached; // { path, byFile: Map<relative test file, full test names> }

function namesByFile(path) {
  if (cached?.path !== path) {
    const byFile = new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8'))));
    cached = { path, byFile };
  }
  return cached.byFile;
}

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options.globalConfig;
  }

  // Files that failed last time first (they killed the last mutant nearby), then the quickest:
  // with scripts/mutation-environment.js the first failure ends a mutant's run.
  sort(tests) {
    const seen = (test) => this._getCache(test)[test.path] ?? [1, Number.MAX_SAFE_INTEGER];
    const sorted = [...tests].sort((a, b) => seen(a)[0] - seen(b)[0] || seen(a)[1] - seen(b)[1]);
    const pattern = this.globalConfig?.testNamePattern;
    const mapPath = process.env.NS_MUTATION_TEST_NAMES;
    if (!pattern || !mapPath) return sorted;
    let byFile;
    try {
      byFile = namesByFile(mapPath);
    } catch {
      return sorted;
    }
    // jest matches --testNamePattern case-insensitively against a test's full name.
    const wanted = new RegExp(pattern, 'i');
    const rootDir = this.globalConfig.rootDir;
    const keep = sorted.filter((test) => (byFile.get(relative(rootDir, test.path)) ?? []).some((name) => wanted.test(name)));
    return keep.length > 0 ? keep : sorted;
  }
}

module.exports = MutationSequencer;
