import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli';

// The package as users install it: packed into a tarball, installed into an empty folder and into
// a temporary global prefix, and run from there (never from the clone): --version, demo, simulate
// with a SOAP audit against it, validate of the shipped policies, an offline audit.

const work = mkdtempSync(join(tmpdir(), 'nsra-pkg-'));
const npm = (args: string[], cwd = work) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });
let local: string;
let global: string;

beforeAll(() => {
  npm(['pack', ROOT, '--pack-destination', work]);
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  npm(['init', '-y'], join(work));
  npm(['install', tarball, '--prefer-offline']);
  local = join(work, 'node_modules', '.bin', 'ns-role-audit');
  npm(['install', '-g', '--prefix', join(work, 'global'), tarball, '--prefer-offline']);
  global = join(work, 'global', 'bin', 'ns-role-audit');
}, 180_000);

const run = (bin: string, args: string[], env: Record<string, string> = {}) => spawnSync(bin, args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 });
const installedDir = () => join(work, 'node_modules', 'ns-role-audit');

test.each([['the local install', () => local], ['the global prefix', () => global]])('%s runs --version', (_name, bin) => {
  const r = run(bin(), ['--version']);
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('the README\'s first command works from the installed package: demo exits 0', () => {
  const r = run(global, ['demo']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('exit code in CI: 1');
});

test('validate of the shipped policies, and an offline audit, from the installed copy', () => {
  expect(run(local, ['validate', join(installedDir(), 'policies', 'polytomic.yaml')]).status).toBe(0);
  const role = join(work, 'customrole_x.xml');
  writeFileSync(role, '<role scriptid="customrole_polytomic"><name>P</name><iswebserviceonlyrole>T</iswebserviceonlyrole><permissions><permission><permkey>TRAN_SALESORD</permkey><permlevel>FULL</permlevel></permission></permissions></role>');
  const r = run(local, ['audit', '--policy', join(installedDir(), 'policies', 'polytomic.yaml'), '--role-file', role, '--format', 'json']);
  expect(r.status).toBe(1);
  expect(JSON.parse(r.stdout).results[0].role.found).toBe(true);
});

test('from an empty folder with only the package: pack:polytomic, the demo\'s suggestion, a missing policy named as missing', () => {
  const empty = mkdtempSync(join(tmpdir(), 'nsra-empty-'));
  const at = (args: string[]) => spawnSync(local, args, { cwd: empty, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 60_000 });
  writeFileSync(join(empty, 'role.xml'), readFileSync(join(ROOT, 'fixtures', 'sdf-project', 'src', 'Objects', 'customrole_polytomic.xml'), 'utf8'));
  const audit = at(['audit', '--policy', 'pack:polytomic', '--role-file', 'role.xml']);
  expect([audit.status, audit.stderr]).toEqual([0, '']);
  // The demo's "Next:" line names commands that work from here.
  const next = /Next: ns-role-audit (audit --policy \S+)/.exec(run(local, ['demo']).stdout)![1].split(' ');
  expect(at([...next, '--role-file', 'role.xml']).status).toBe(0);
  const missing = at(['audit', '--policy', 'policies/polytomic.yaml', '--role-file', 'role.xml']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('POLICY_NOT_FOUND: policies/polytomic.yaml: no such file or folder');
  expect(missing.stderr).toContain('pack:polytomic');
  expect(at(['validate', 'pack:stitch']).status).toBe(0);
});

test('simulate from the installed package, and a SOAP audit against it (the WSDL ships)', async () => {
  const sim = spawn(global, ['simulate', '--print-env', 'polytomic'], { cwd: work, env: { PATH: process.env.PATH } });
  try {
    const env = await new Promise<Record<string, string>>((resolve, reject) => {
      let out = '';
      sim.stdout.on('data', (d) => {
        out += d;
        const vars = Object.fromEntries([...out.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
        if (vars.NETSUITE_BASE_URL && vars.NETSUITE_TOKEN_SECRET) resolve(vars);
      });
      sim.on('exit', (code) => reject(new Error(`simulate exited ${code}: ${out}`)));
    });
    const r = run(local, ['audit', '--policy', join(installedDir(), 'policies', 'polytomic.yaml'), '--source', 'soap', '--accept-unverified', '--format', 'json'], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results[0].source.kind).toBe('soap');
  } finally {
    sim.kill();
  }
});

test('docs/library.md\'s example compiles with tsc --strict --noUncheckedIndexedAccess --exactOptionalPropertyTypes against the packed types, and runs', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'library.md'), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(doc)![1];
  writeFileSync(join(work, 'consumer.ts'), example);
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const compiled = spawnSync(process.execPath, [tsc, '--strict', '--noUncheckedIndexedAccess', '--exactOptionalPropertyTypes', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'consumer.ts'], { cwd: work, encoding: 'utf8' });
  expect(compiled.stdout + compiled.stderr).toBe('');
  expect(compiled.status).toBe(0);
  const ran = spawnSync(process.execPath, ['consumer.js'], { cwd: work, encoding: 'utf8' });
  expect(ran.stderr).toBe('');
  expect(ran.stdout).toMatch(/^\d+ missing; first: .+\(.+\) is missing; the policy requires/);
  expect(ran.stdout).toContain('# Role remediation checklist');
  expect(ran.status).toBe(1);
});

test('publint and arethetypeswrong find no problem in the package', () => {
  const publint = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'publint', 'src', 'cli.js')], { cwd: ROOT, encoding: 'utf8' });
  expect(publint.stdout).toContain('All good!');
  const attw = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'), '--pack', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  const problems = JSON.parse(attw.stdout).problems;
  expect(Array.isArray(problems) ? problems : Object.values(problems ?? {}).flat()).toEqual([]);
}, 120_000);

test('the packs ship: `packs` lists them from the installed copy, and a policy outside the package extends one', () => {
  const listed = run(global, ['packs', '--format', 'json']);
  expect(listed.status).toBe(0);
  expect((JSON.parse(listed.stdout).packs as unknown[]).length).toBeGreaterThanOrEqual(13);
  const policy = join(work, 'mine.yaml');
  writeFileSync(policy, 'version: 1\nextends: [pack:leapfin]\nrole: {scriptId: customrole_leapfin}\n');
  const v = run(local, ['validate', policy]);
  expect([v.status, v.stdout.trim()]).toEqual([0, `✓ ${policy}: valid (3 permissions)`]);
});
