import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { spawnSync } from 'node:child_process';
import { BIN, runCli, ROOT } from '../helpers/run-cli';

const POLICY = 'policies/polytomic.yaml';
const SDF = 'fixtures/sdf-project';
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);

describe('ns-role-audit (built CLI, files only)', () => {
  test('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test.each(['audit', 'validate', 'catalog', 'simulate', 'compare', 'pull', 'doctor', 'demo'])('%s --help explains the command and exits 0', (cmd) => {
    const r = runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage: ns-role-audit ${cmd}`));
  });

  test('no command prints help and exits 2', () => {
    const r = runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Commands:');
  });

  test('compliant SDF role: exit 0', () => {
    const r = runCli(['audit', '--policy', POLICY, '--role-file', `${SDF}/src/Objects/customrole_polytomic.xml`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('compliant');
  });

  test('drifted role: exit 1; --fail-on never: exit 0', () => {
    const args = ['audit', '--policy', POLICY, '--role-file', SDF, '--role', 'customrole_polytomic_drifted'];
    const r = runCli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('LEVEL_TOO_LOW');
    expect(runCli([...args, '--fail-on', 'never']).code).toBe(0);
  });

  test('several formats in one run, each to its own file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-cli-'));
    const r = runCli(['audit', '--policy', POLICY, '--role-file', SDF, '--role', 'customrole_polytomic_drifted',
      '--format', `json=${dir}/r.json`, '--format', `junit=${dir}/out/r.xml`, '--format', `markdown=${dir}/r.md`, '--format', 'table']);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(`${dir}/r.json`, 'utf8')).summary.nonCompliant).toBe(1);
    expect(XMLValidator.validate(readFileSync(`${dir}/out/r.xml`, 'utf8'))).toBe(true);
    expect(readFileSync(`${dir}/r.md`, 'utf8')).toContain('- [ ] Add **Custom Lists**');
    expect(r.stdout).toContain('Polytomic (drifted)');
  });

  test('two formats on stdout is a usage error', () => {
    const r = runCli(['audit', '--policy', POLICY, '--role-file', SDF, '--format', 'json', '--format', 'table']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('only one --format can go to standard output');
  });

  test('a misspelt permission exits 2 naming the line and suggesting the name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-cli-'));
    const text = readFileSync(join(ROOT, POLICY), 'utf8').replace('Customer Deposits: View', 'Custmer Deposits: View');
    writeFileSync(join(dir, 'p.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.includes('Custmer Deposits')) + 1;
    const r = runCli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(ROOT, SDF)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`p.yaml:${line}:5: error UNKNOWN_PERMISSION: unknown permission 'Custmer Deposits'`);
    expect(r.stderr).toContain("did you mean 'Customer Deposit' (TRAN_CUSTDEP)?");
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });

  test.each([
    [['audit', '--policy', POLICY, '--role-file', 'nowhere.xml'], 'no such file or folder'],
    [['audit', '--role-file', SDF], '--policy is required'],
    [['audit', '--policy', POLICY, '--role-file', SDF, '--fail-on', 'warn'], "did you mean 'warning'?"],
    [['audit', '--policy', POLICY, '--role-file', SDF, '--formt', 'json'], "did you mean '--format'?"],
    [['audit', '--policy', POLICY, '--role-file', SDF, '--format', 'xml'], 'expected one of table, json, junit, markdown'],
    [['audit', '--policy', 'nowhere.yaml', '--role-file', SDF], 'nowhere.yaml: no such file'],
    [['audit', '--policy', POLICY, '--role-file', SDF, '--today', '27/11/2026'], 'expected a calendar date as YYYY-MM-DD'],
    [['audit', '--policy', POLICY, '--role-file', SDF, '--today', '2027-02-30'], '--today "2027-02-30": expected a calendar date as YYYY-MM-DD'],
    [['audti'], "did you mean 'audit'?"],
  ])('%j exits 2 with a clear error', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    noStack(r.stderr);
  });

  test('malformed role XML names the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-cli-'));
    writeFileSync(join(dir, 'customrole_bad.xml'), '<role scriptid="customrole_bad">\n  <name>Bad</name>\n  <permissions>\n    <permission><permkey>X</permkey>\n  </permissions>\n</role>\n');
    const r = runCli(['audit', '--policy', POLICY, '--role-file', join(dir, 'customrole_bad.xml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/customrole_bad\.xml:5:\d+: not well-formed XML: <\/permissions> where <\/permission> was expected/);
    noStack(r.stderr);
  });

  test('role not found: exit 1 with ROLE_NOT_FOUND, never a pass', () => {
    const r = runCli(['audit', '--policy', POLICY, '--role-file', SDF, '--role', 'customrole_nope', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0].findings.map((f: { code: string }) => f.code)).toEqual(['ROLE_NOT_FOUND']);
  });

  test('colour: never when piped, even less with NO_COLOR; FORCE_COLOR turns it on', () => {
    const args = ['audit', '--policy', POLICY, '--role-file', SDF, '--role', 'customrole_polytomic_drifted'];
    expect(runCli(args).stdout).not.toMatch(/\u001b\[/);
    expect(runCli(args, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[31m/);
    expect(runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  test('--no-color and --color, anywhere on the line, win over the environment; the last one given counts', () => {
    const args = ['audit', '--policy', POLICY, '--role-file', SDF, '--role', 'customrole_polytomic_drifted'];
    const noColor = runCli([...args, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect([noColor.code, noColor.stderr]).toEqual([1, '']);
    expect(noColor.stdout).toContain('customrole_polytomic_drifted');
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    expect(runCli(['--color', ...args], { env: { NO_COLOR: '1' } }).stdout).toMatch(/\u001b\[31m/);
    expect(runCli([...args, '--color', '--no-color']).stdout).not.toMatch(/\u001b\[/);
    expect(runCli(['--no-color', '--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('validate: 0 for valid, 2 for invalid, JSON on request', () => {
    expect(runCli(['validate', POLICY]).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'nsra-cli-'));
    writeFileSync(join(dir, 'bad.yaml'), 'excess: fial\n');
    const r = runCli(['validate', POLICY, join(dir, 'bad.yaml'), '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { valid: boolean }) => x.valid)).toEqual([true, false]);
    expect(out.results[1].issues[0]).toMatchObject({ code: 'INVALID_VALUE', loc: { line: 1, column: 9 } });
  });

  test('catalog finds a permission by plural name and prints JSON', () => {
    const r = runCli(['catalog', 'Customer', 'Payments', '--format', 'json', '--limit', '1']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: 'TRAN_CUSTPYMT', subtab: 'transactions' });
    expect(runCli(['catalog', 'zzzzqqq']).code).toBe(1);
  });

  test('a SuiteCloud project folder is read recursively', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-sdf-'));
    mkdirSync(join(dir, 'src', 'Objects', 'roles'), { recursive: true });
    writeFileSync(join(dir, 'src', 'Objects', 'roles', 'customrole_polytomic.xml'), readFileSync(join(ROOT, SDF, 'src/Objects/customrole_polytomic.xml')));
    expect(runCli(['audit', '--policy', POLICY, '--role-file', dir]).code).toBe(0);
  });
});

describe('errors are named, never "internal"', () => {
  const audit = ['audit', '--policy', POLICY, '--role-file', SDF];

  test('a reader that closes the pipe early (catalog | head -1): no stack trace, the usual exit code', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" catalog | head -1`], { encoding: 'utf8', cwd: ROOT });
    expect(r.stdout.split('\n')[0]).toMatch(/^ID\s+Name/);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  // /dev/full answers every write with ENOSPC (Linux): standard output on a full disk.
  (existsSync('/dev/full') ? test : test.skip)('standard output on a full disk (> /dev/full): a named error, exit 2, no stack, never exit 0', () => {
    for (const args of [['catalog'], [...audit, '--format', 'html']]) {
      const out = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
      closeSync(out);
      expect(r.stderr).toBe('ns-role-audit: error OUTPUT_FAILED: could not write to standard output: no space left on the device (ENOSPC); the output is incomplete\n');
      expect(r.status).toBe(2);
    }
  });

  test('reports, baselines and snapshots go into folders that do not exist yet: created', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-out-'));
    const r = runCli([...audit, '--format', `json=${dir}/a/b/report.json`, '--write-baseline', `${dir}/c/baseline.json`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'a', 'b', 'report.json'), 'utf8')).schemaVersion).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'c', 'baseline.json'), 'utf8')).kind).toBe('ns-role-audit/baseline');
  });

  test.each([
    ['an output name that is a folder', ['--format', 'json=reports/'], 'USAGE', 'names a folder'],
    ['a baseline name that is a folder', ['--write-baseline', 'out/'], 'USAGE', 'names a folder'],
    ['a place that cannot be written', ['--write-baseline', '/dev/full'], 'OUTPUT_UNWRITABLE', 'no space left'],
    ['an empty role file', ['--role-file', ''], 'USAGE', '--role-file was given an empty value'],
    ['an empty baseline name', ['--write-baseline', ''], 'USAGE', '--write-baseline was given an empty value'],
  ])('%s: exit 2 with a named error', (_name, extra, code, text) => {
    const r = runCli([...audit, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${code}`);
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toContain('internal error');
  });

  test('json=- is standard output', () => {
    const r = runCli([...audit, '--format', 'json=-']);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(2);
  });
});

test.each([['toString'], ['constructor'], ['__proto__']])('a command named like an object property (%s) is an unknown command, exit 2 (found by the fuzzer)', (name) => {
  const r = runCli([name]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`unknown command '${name}'`);
  expect(r.stderr).not.toContain('internal error');
});

test('no credentials in the environment while a config file lies in the folder: the hint names its connections', async () => {
  const { cli, folderWith } = await import('../helpers/cli-in-process');
  const config = 'connections:\n  prod:\n    accountId: "1234567"\n    consumerKeyEnv: P_CK\n    consumerSecretEnv: P_CS\n    tokenIdEnv: P_TI\n    tokenSecretEnv: P_TS\n  sandbox:\n    accountId: 1234567_SB1\n    consumerKeyEnv: S_CK\n    consumerSecretEnv: S_CS\n    tokenIdEnv: S_TI\n    tokenSecretEnv: S_TS\n';
  const withConfig = folderWith({ 'ns-role-audit.config.yaml': config });
  const r = await cli(['audit', '--policy', join(ROOT, POLICY)], { cwd: withConfig, env: {} });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('no NetSuite credentials');
  expect(r.stderr).toContain('ns-role-audit.config.yaml defines connections prod, sandbox: pass --connection prod');
  // Without a config at hand, the hint is the general one.
  const bare = await cli(['audit', '--policy', join(ROOT, POLICY)], { cwd: folderWith({}), env: {} });
  expect(bare.code).toBe(2);
  expect(bare.stderr).not.toContain('defines connections');
  expect(bare.stderr).toContain('set the NETSUITE_* variables');
});

test('the bin runs the bundle, and an offline audit loads no network or simulator code (only what it needs from outside the bundle)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-loads-'));
  const hook = join(dir, 'hook.js');
  writeFileSync(hook, `const M = require('module'); const seen = []; const load = M._load;
M._load = function (req, parent) { if (parent && /dist[\\\\/]cli\\.js$/.test(parent.filename) && !req.startsWith('node:')) seen.push(req); return load.apply(this, arguments); };
process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(join(dir, 'seen.json'))}, JSON.stringify(seen)));`);
  const r = spawnSync(process.execPath, ['-r', hook, BIN, 'audit', '--policy', POLICY, '--role-file', `${SDF}/src/Objects/customrole_polytomic.xml`], { encoding: 'utf8', cwd: ROOT });
  expect(r.status).toBe(0);
  const seen: string[] = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8'));
  // Node's built-ins aside, the bundle reached outside itself for nothing: not soap or undici
  // (network), not the other schemas' validators (they are required on use).
  expect(seen.filter((x) => !/^(fs|path|os|util|crypto|events|stream|buffer|url|tty|assert|child_process|net|http|https|zlib|worker_threads|readline|string_decoder|vm|module|process)$/.test(x))).toEqual([]);
  // A config file does reach out, for its own validator: the hook sees what leaves the bundle.
  writeFileSync(join(dir, 'config.yaml'), 'connections: {}\naudits: []\nunknown: 1\n');
  const config = spawnSync(process.execPath, ['-r', hook, BIN, 'audit', '--config', join(dir, 'config.yaml')], { encoding: 'utf8', cwd: ROOT });
  expect(config.status).toBe(2);
  expect(JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8'))).toContain('./core/input/compiled-schemas/config.js');
});

test('the code cache: one file per command the CLI has (a typo does not make one), written where NS_ROLE_AUDIT_CACHE_DIR says, and used', () => {
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NS_ROLE_AUDIT_CACHE_DIR: 'off' } });
  const commands = [...help.stdout.split('Commands:\n')[1].split('\n\n')[0].matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]);
  const listed = JSON.parse(/const COMMANDS = (\[[^\]]*\])/.exec(readFileSync(BIN, 'utf8'))![1].replace(/'/g, '"'));
  expect(listed).toEqual(commands);
  const dir = mkdtempSync(join(tmpdir(), 'nsra-cache-'));
  const env = { ...process.env, NS_ROLE_AUDIT_CACHE_DIR: dir };
  for (const args of [['catalog', 'sales'], ['catalgo'], ['catalog', 'items']]) spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, env });
  const files = readdirSync(dir).sort();
  expect(files.map((f) => f.split('-')[0])).toEqual(['catalog', 'other']);
  expect(files.every((f) => statSync(join(dir, f)).size > 10_000)).toBe(true);
  // A cache that is not V8's is ignored: the command still runs and answers.
  writeFileSync(join(dir, files[0]), 'not a code cache');
  const r = spawnSync(process.execPath, [BIN, 'catalog', 'sales'], { encoding: 'utf8', cwd: ROOT, env });
  expect([r.status, r.stderr]).toEqual([0, '']);
  expect(r.stdout).toMatch(/TRAN_SALESORD/);
});
