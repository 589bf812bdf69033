#!/usr/bin/env node
'use strict';
// Runs the CLI bundle (dist/cli.js, scripts/bundle.js) with a V8 code cache per command, as
// Node 22's module.enableCompileCache() does: the second run of a command skips compiling what
// the first one compiled. The cache is only compiled code; V8 checks it against this exact source
// and Node version and ignores it when they differ. It lives in $NS_ROLE_AUDIT_CACHE_DIR, else
// $XDG_CACHE_HOME/ns-role-audit, else ~/.cache/ns-role-audit; NS_ROLE_AUDIT_CACHE_DIR=off turns
// it off. Any failure to read or write it only means a slower start.
const fs = require('node:fs');
const path = require('node:path');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');

let source;
try {
  source = fs.readFileSync(bundle, 'utf8');
} catch (e) {
  if (e && e.code === 'ENOENT') {
    process.stderr.write('ns-role-audit: not built yet; run `npm run build` first\n');
    process.exit(2);
  }
  throw e;
}

function cacheFile() {
  const env = process.env;
  if (env.NS_ROLE_AUDIT_CACHE_DIR === 'off') return undefined;
  let dir = env.NS_ROLE_AUDIT_CACHE_DIR;
  if (!dir) {
    const base = env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache');
    dir = path.join(base, 'ns-role-audit');
  }
  // One cache per command (test/cli/cli-offline.test.ts keeps this list equal to the CLI's).
  const COMMANDS = ['audit', 'validate', 'catalog', 'packs', 'simulate', 'compare', 'pull', 'access', 'history', 'review', 'fix', 'doctor', 'demo'];
  const command = COMMANDS.includes(process.argv[2]) ? process.argv[2] : 'other';
  // Keyed by the bundle's size and time and the runtime: a rebuilt or upgraded copy starts afresh.
  const stat = fs.statSync(bundle);
  const key = `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}-${process.version}-${process.arch}`;
  return path.join(dir, `${command}-${key}.cache`);
}

const vm = require('node:vm');
const Module = require('node:module');
let file;
let cached;
try {
  file = cacheFile();
  if (file) cached = fs.readFileSync(file);
} catch {
  cached = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
if (file && (!cached || script.cachedDataRejected)) {
  // Written at exit, so it holds every function this run compiled.
  process.on('exit', () => {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(tmp, file);
      // The same command's caches of other builds or Node versions will not be used again.
      const mine = path.basename(file);
      const prefix = mine.slice(0, mine.indexOf('-') + 1);
      for (const old of fs.readdirSync(path.dirname(file))) {
        if (old !== mine && old.startsWith(prefix) && old.endsWith('.cache')) fs.rmSync(path.join(path.dirname(file), old), { force: true });
      }
    } catch {
      // A cache that cannot be written is no cache.
    }
  });
}
const mod = { exports: {}, filename: bundle, id: bundle, loaded: false };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
mod.exports.main();
