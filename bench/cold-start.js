// Cold start: the CPU time (user + system) of `ns-role-audit audit` of one SDF file, paired with
// a bare `node -e 0` run right before it, 21 pairs; prints the median of the ratios (the target
// is at most 1.5) and the median times. CPU, not wall time, so a busy machine disturbs it less.
// The bin keeps a V8 code cache per command (bin/ns-role-audit.js): the figures are with it warm
// (every run after the first) and, once, with it off (a first run, or NS_ROLE_AUDIT_CACHE_DIR=off).
'use strict';
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const helper = join(__dirname, 'helpers', 'cpu-on-exit.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

module.exports = function coldStart() {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-cold-'));
  const cpuFile = join(dir, 'cpu');
  const cacheDir = join(dir, 'cache');
  const cpu = (args, env = {}) => {
    rmSync(cpuFile, { force: true });
    const r = spawnSync(process.execPath, ['-r', helper, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_CPU_FILE: cpuFile, NS_ROLE_AUDIT_CACHE_DIR: cacheDir, ...env } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return Number(readFileSync(cpuFile, 'utf8').trim()) / 1000;
  };
  const audit = ['bin/ns-role-audit.js', 'audit', '--policy', 'policies/polytomic.yaml', '--role-file', 'fixtures/sdf-project/src/Objects/customrole_polytomic.xml'];
  const pairs = (args, env) => {
    cpu(args, env); // warms the code cache (when on) and the file system cache
    const bare = [];
    const tool = [];
    const ratios = [];
    for (let i = 0; i < 21; i++) {
      const b = cpu(['-e', '0']);
      const t = cpu(args, env);
      bare.push(b);
      tool.push(t);
      ratios.push(t / b);
    }
    return { bare: median(bare), tool: median(tool), ratio: median(ratios) };
  };
  const warm = pairs(audit);
  const off = pairs(audit, { NS_ROLE_AUDIT_CACHE_DIR: 'off' });
  const version = pairs(['bin/ns-role-audit.js', '--version']);
  rmSync(dir, { recursive: true, force: true });
  const line = (name, r) => `cold start, ${name}: ${r.tool.toFixed(1)} ms CPU vs node -e 0 ${r.bare.toFixed(1)} ms: ratio ${r.ratio.toFixed(2)} (median of 21 pairs)`;
  console.log(line('audit of one SDF file', warm) + (warm.ratio <= 1.5 ? '' : '  ABOVE the 1.5 target'));
  console.log(line('the same without the code cache (a first run)', off));
  console.log(line('--version', version));
};
