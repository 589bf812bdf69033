import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { cli, folderWith } from '../helpers/cli-in-process';
import { allSecrets, envFor, expectReadOnly } from '../helpers/live-env';

// `fix`: the role that complies, as SDF. Each test goes through the CLI as users run it; diffs are
// applied with git and patch, fixed files audited and validated with the tool's own commands,
// projects checked against a live (simulated) account that changes under them.

const ROOT = join(__dirname, '..', '..');
const POLICY = join(ROOT, 'policies', 'polytomic.yaml');
const DRIFTED = 'customrole_polytomic_drifted';

/** A copy of the shipped SuiteCloud project in a fresh folder (a git repository, for git apply). */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-fix-'));
  cpSync(join(ROOT, 'fixtures', 'sdf-project'), dir, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}
const roleFile = (dir: string, id = DRIFTED) => join(dir, 'src', 'Objects', `${id}.xml`);

describe('a role file', () => {
  test('prints a unified diff that git apply and patch both take; the patched file audits compliant', async () => {
    for (const tool of ['git', 'patch'] as const) {
      const dir = project();
      const r = await cli(['fix', '--policy', POLICY, '--role', DRIFTED, '--role-file', 'src/Objects'], { cwd: dir });
      expect(r.code).toBe(1); // a change to make
      expect(r.stdout).toMatch(/^--- a\/src\/Objects\/customrole_polytomic_drifted\.xml\n\+\+\+ b\/src\/Objects\/customrole_polytomic_drifted\.xml\n/m);
      expect(r.stderr).toContain('the fix for src/Objects/customrole_polytomic_drifted.xml: 4 changes');
      expect(r.stderr).toContain('Remove Perform Search (LIST_FIND)');
      writeFileSync(join(dir, 'fix.patch'), r.stdout);
      if (tool === 'git') execFileSync('git', ['apply', 'fix.patch'], { cwd: dir });
      else execFileSync('patch', ['-p1', '-i', 'fix.patch'], { cwd: dir, stdio: 'pipe' });
      const audit = await cli(['audit', '--policy', POLICY, '--role', DRIFTED, '--role-file', roleFile(dir)], { cwd: dir });
      expect([tool, audit.code]).toEqual([tool, 0]);
    }
  });

  test('--write rewrites the file; audit then exits 0, and a second fix changes nothing', async () => {
    const dir = project();
    const before = readFileSync(roleFile(dir), 'utf8');
    const r = await cli(['fix', '--policy', POLICY, '--role', DRIFTED, '--role-file', roleFile(dir), '--write'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const after = readFileSync(roleFile(dir), 'utf8');
    expect(after).not.toBe(before);
    expect((await cli(['audit', '--policy', POLICY, '--role', DRIFTED, '--role-file', roleFile(dir)], { cwd: dir })).code).toBe(0);
    expect((await cli(['validate', '--role-file', roleFile(dir)], { cwd: dir })).code).toBe(0);
    const again = await cli(['fix', '--policy', POLICY, '--role', DRIFTED, '--role-file', roleFile(dir), '--write'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already complies');
    expect(readFileSync(roleFile(dir), 'utf8')).toBe(after);
  });

  test('a compliant file is not written at all: same bytes, same modification time', async () => {
    const dir = project();
    const file = roleFile(dir, 'customrole_polytomic');
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const r = await cli(['fix', '--policy', POLICY, '--role-file', file, '--write'], { cwd: dir });
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  test('--format json gives the plan as data: changes with lines and XML, steps after the deploy, the diff', async () => {
    const dir = project();
    const r = await cli(['fix', '--policy', POLICY, '--role', DRIFTED, '--role-file', roleFile(dir), '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const plan = JSON.parse(r.stdout);
    expect(plan.role).toBe(DRIFTED);
    expect(plan.changes.map((c: { action: string; target: string }) => `${c.action} ${c.target}`).sort()).toEqual(['add ADMI_CUSTLIST', 'raise TRAN_SALESORD', 'remove LIST_FIND', 'set iswebserviceonlyrole']);
    expect(plan.changes.find((c: { target: string }) => c.target === 'ADMI_CUSTLIST').xml).toBe('<permkey>ADMI_CUSTLIST</permkey><permlevel>VIEW</permlevel>');
    expect(plan.afterDeploy).toEqual([expect.stringMatching(/^Permissions > Lists: Remove Perform Search \(LIST_FIND\)/)]);
    expect(plan.remaining).toEqual([]);
    expect(plan.written).toBe(false);
    expect(plan.diff).toContain('+      <permkey>ADMI_CUSTLIST</permkey>');
  });

  test('what no edit settles exits 1 and says why', async () => {
    const dir = folderWith({
      'p.yaml': 'version: 1\nrole: {scriptId: customrole_x}\nsettings: {centerType: SYSADMINCENTER}\n',
      'customrole_x.xml': '<role scriptid="customrole_x">\n  <centertype>BASIC</centertype>\n  <name>X</name>\n</role>\n',
    });
    const r = await cli(['fix', '--policy', join(dir, 'p.yaml'), '--role-file', 'customrole_x.xml', '--write'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot be fixed by an edit of its own');
    expect(r.stderr).toMatch(/SETTING_MISMATCH: Center Type is BASIC[^\n]*\n\s+NetSuite does not let a saved role's center type change/);
  });

  test.each([
    [['fix', '--policy', 'p.yaml'], /give one of --role-file, --out or --check/],
    [['fix', '--policy', 'p.yaml', '--role-file', 'r.xml', '--out', 'o'], /not --role-file and --out/],
    [['fix', '--policy', 'p.yaml', '--out', 'o', '--write'], /--write rewrites a role file/],
    [['fix', '--role-file', 'r.xml'], /--policy is required/],
    [['fix', '--policy', 'p.yaml', '--role-file', 'missing.xml'], /missing\.xml: no such file/],
    [['fix', '--policy', 'p.yaml', '--role-file', 'bad.xml'], /bad\.xml:3:\d+/],
    [['fix', '--policy', 'p.yaml', '--role-file', 'r.xml', '--format', 'yaml'], /--format/],
  ])('bad input exits 2 with a message that says where: %j', async (argv, message) => {
    const dir = folderWith({
      'p.yaml': 'version: 1\nrole: {scriptId: customrole_x}\n',
      'r.xml': '<role scriptid="customrole_x">\n  <name>X</name>\n</role>\n',
      'bad.xml': '<role scriptid="customrole_x">\n  <name>X</name>\n  <permissions><permission></role>\n',
    });
    const r = await cli(argv.map((a) => (a === 'p.yaml' ? join(dir, a) : a)), { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(js|ts):\d+/); // no stack trace
  });
});

describe('validate --role-file', () => {
  test('positioned errors for what a deploy refuses; exit 2', async () => {
    const dir = folderWith({
      'src/Objects/customrole_x.xml': '<role scriptid="customrole_x">\n  <name>X</name>\n  <permissions>\n    <permission>\n      <permkey>REPO_ANALYTICS</permkey>\n      <permlevel>FULL</permlevel>\n    </permission>\n    <permission>\n      <permkey>REPO_ANALYTICS</permkey>\n      <permlevel>EDIT</permlevel>\n      <restriction>EDIT</restriction>\n    </permission>\n  </permissions>\n</role>\n',
    });
    const r = await cli(['validate', '--role-file', 'src'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('src/Objects/customrole_x.xml: 4 problems');
    expect(r.stdout).toMatch(/customrole_x\.xml:1:1: .*<centertype> is required/);
    expect(r.stdout).toMatch(/customrole_x\.xml:6:7: .*cannot be Full; NetSuite offers None, Edit/);
    expect(r.stdout).toMatch(/customrole_x\.xml:8:5: .*listed twice \(first at line 4\)/);
    expect(r.stdout).toMatch(/customrole_x\.xml:11:7: .*standard permission/);
    const json = JSON.parse((await cli(['validate', '--role-file', 'src', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.results[0].issues.map((i: { code: string }) => i.code)).toEqual(['FIELD_REQUIRED', 'IMPOSSIBLE_LEVEL', 'DUPLICATE_PERMISSION', 'RESTRICTION_NOT_ALLOWED']);
  });

  test('the two sides of a custom record permission must agree within a project', async () => {
    const dir = folderWith({
      'src/Objects/customrole_x.xml': '<role scriptid="customrole_x">\n  <centertype>BASIC</centertype>\n  <name>X</name>\n  <permissions>\n    <permission>\n      <permkey>[scriptid=customrecord_kpi]</permkey>\n      <permlevel>EDIT</permlevel>\n    </permission>\n  </permissions>\n</role>\n',
      'src/Objects/customrecord_kpi.xml': '<customrecordtype scriptid="customrecord_kpi">\n  <permissions>\n    <permission>\n      <permittedlevel>VIEW</permittedlevel>\n      <permittedrole>[scriptid=customrole_x]</permittedrole>\n    </permission>\n  </permissions>\n</customrecordtype>\n',
    });
    const r = await cli(['validate', '--role-file', 'src'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/customrole_x\.xml:5:5: .*customrecord_kpi \(src\/Objects\/customrecord_kpi\.xml\) grants this role View, but the role holds it at Edit/);
    writeFileSync(join(dir, 'src/Objects/customrecord_kpi.xml'), readFileSync(join(dir, 'src/Objects/customrecord_kpi.xml'), 'utf8').replace('VIEW', 'EDIT'));
    expect((await cli(['validate', '--role-file', 'src'], { cwd: dir })).code).toBe(0);
  });

  test('the shipped project passes', async () => {
    const r = await cli(['validate', '--role-file', join(ROOT, 'fixtures', 'sdf-project')], { cwd: ROOT });
    expect([r.code, r.stdout.match(/✓/g)?.length]).toEqual([0, 2]);
  });
});

describe('a live role', () => {
  let sim: Simulator;
  beforeEach(async () => { sim = await startSimulator({ fixture: join(ROOT, 'fixtures', 'accounts', 'demo.yaml') }); });
  afterEach(async () => { expectReadOnly(sim); await sim.stop(); });

  test('--out writes a SuiteCloud project whose role audits compliant and validates; --check says 0, then 1 once the role changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-out-'));
    const env = envFor(sim, 'auditor');
    const r = await cli(['fix', '--policy', POLICY, '--role', DRIFTED, '--out', 'proj'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const out = join(dir, 'proj');
    expect(readdirSync(out).sort()).toEqual(['ns-role-audit.fix.json', 'src', 'suitecloud.config.js']);
    expect(readdirSync(join(out, 'src')).sort()).toEqual(['Objects', 'deploy.xml', 'manifest.xml']);
    expect(readFileSync(join(out, 'src', 'manifest.xml'), 'utf8')).toContain('<manifest projecttype="ACCOUNTCUSTOMIZATION">');
    expect((await cli(['audit', '--policy', POLICY, '--role', DRIFTED, '--role-file', out], { cwd: dir })).code).toBe(0);
    expect((await cli(['validate', '--role-file', out], { cwd: dir })).code).toBe(0);
    // The whole role as read: every permission the policy does not name is kept (Perform Search goes, as the policy says).
    const xml = readFileSync(roleFile(out), 'utf8');
    expect(xml).toContain('<centertype>SYSADMINCENTER</centertype>');
    expect(xml).not.toContain('LIST_FIND');
    expect(r.stderr).toContain('Remove Perform Search (LIST_FIND)');
    // The provenance: account, role, when, and a hash of the role as read; never a secret.
    const prov = JSON.parse(readFileSync(join(out, 'ns-role-audit.fix.json'), 'utf8'));
    expect(prov).toMatchObject({ kind: 'ns-role-audit/fix', account: '1234567_SB1', role: { scriptId: DRIFTED, internalId: '1029' }, readAt: '2026-12-01T00:00:00.000Z' });
    expect(prov.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const f of ['ns-role-audit.fix.json', 'src/Objects/customrole_polytomic_drifted.xml', 'src/manifest.xml']) {
      const text = readFileSync(join(out, f), 'utf8');
      for (const s of allSecrets(sim)) expect(text).not.toContain(s);
    }

    const same = await cli(['fix', '--check', 'proj'], { cwd: dir, env });
    expect([same.code, same.stdout]).toEqual([0, expect.stringContaining('is unchanged since 2026-12-01T00:00:00.000Z')]);

    sim.changeAccount((a) => { a.roles.find((x) => x.scriptId === DRIFTED)!.permissions.set('LIST_VENDOR', 'VIEW'); });
    const stale = await cli(['fix', '--check', 'proj'], { cwd: dir, env });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('changed since 2026-12-01T00:00:00.000Z');
    expect(stale.stdout).toMatch(/LIST_VENDOR|Vendors/);
  });

  test('--check refuses another account, and a folder fix --out did not write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-out-'));
    const env = envFor(sim, 'auditor');
    expect((await cli(['fix', '--policy', POLICY, '--role', DRIFTED, '--out', 'proj'], { cwd: dir, env })).code).toBe(0);
    const other = await cli(['fix', '--check', 'proj'], { cwd: dir, env: { ...env, NETSUITE_ACCOUNT_ID: '7654321' } });
    expect([other.code, other.stderr]).toEqual([2, expect.stringContaining('was made from account 1234567_SB1')]);
    const none = await cli(['fix', '--check', '.'], { cwd: dir, env });
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('no ns-role-audit.fix.json')]);
    // A provenance edited by hand into two values for one key is refused at the key, not read as the last.
    const prov = join(dir, 'proj', 'ns-role-audit.fix.json');
    writeFileSync(prov, readFileSync(prov, 'utf8').replace('"kind": "ns-role-audit/fix",', '"kind": "ns-role-audit/fix", "sha256": "0",'));
    const twice = await cli(['fix', '--check', 'proj'], { cwd: dir, env });
    expect([twice.code, twice.stderr]).toEqual([2, expect.stringMatching(/is not valid JSON\n.*ns-role-audit\.fix\.json:\d+:\d+: error DUPLICATE_KEY: "sha256" appears twice/)]);
    // --out will not write into a folder that holds other things.
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const busy = await cli(['fix', '--policy', POLICY, '--role', DRIFTED, '--out', '.'], { cwd: dir, env });
    expect([busy.code, busy.stderr]).toEqual([2, expect.stringContaining('the folder holds other files')]);
    expect(existsSync(join(dir, 'src'))).toBe(false);
  });

  test('a standard role cannot be SDF: the checklist is the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-out-'));
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, 'version: 1\nrole: {scriptId: administrator}\nsettings: {coreAdminPermissions: false}\n');
    const r = await cli(['fix', '--policy', policy, '--out', 'proj'], { cwd: dir, env: envFor(sim, 'auditor') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a standard role, which SDF cannot hold');
    expect(r.stdout).toMatch(/- \[ \] .*Core Administration Permissions/);
    expect(existsSync(join(dir, 'proj'))).toBe(false);
  });
});

test('the built command prints the same diff as the library (spawned, as users run it)', () => {
  const dir = project();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ns-role-audit.js'), 'fix', '--policy', POLICY, '--role', DRIFTED, '--role-file', 'src'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('-  <iswebserviceonlyrole>F</iswebserviceonlyrole>\n+  <iswebserviceonlyrole>T</iswebserviceonlyrole>');
});
