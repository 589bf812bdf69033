import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { cli, folderWith } from '../helpers/cli-in-process';
import { envFor } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// Identity is evidence and acceptance is narrow: a source that cannot show which role it read
// cannot pass it; two files for one role are not a choice to make; a baseline accepts what it saw,
// not more; and inputs that are not what they seem are refused, each with its cause.

const ROOT = join(__dirname, '..', '..');
const POLYTOMIC = join(ROOT, 'policies', 'polytomic.yaml');
const role = (name: string, level: string) => `<role scriptid="customrole_x">\n  <name>${name}</name>\n  <iswebserviceonlyrole>T</iswebserviceonlyrole>\n  <permissions>\n    <permission><permkey>LIST_CUSTJOB</permkey><permlevel>${level}</permlevel></permission>\n  </permissions>\n</role>\n`;
const POLICY = 'version: 1\nrole: {scriptId: customrole_x}\nflags: {webServicesOnly: true}\nexcess: fail\npermissions:\n  lists:\n    Customers: View\n';

describe('4. over SOAP the role cannot be identified, so it cannot pass', () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount() }); });
  afterAll(() => sim.stop());
  const policyFor = (scriptId: string) => folderWith({ 'p.yaml': `version: 1\nrole: {scriptId: ${scriptId}}\nexcess: ignore\npermissions:\n  lists:\n    Customers: View\n` });

  test.each([
    ['a role that does not exist', 'customrole_does_not_exist'],
    ['the role the token holds', 'customrole_polytomic'],
  ])('%s: "Role exists and is active" is not verifiable and the run fails', async (_name, scriptId) => {
    const dir = policyFor(scriptId);
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--source', 'soap', '--format', 'json'], { cwd: dir, env: envFor(sim, 'polytomic') });
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout).results[0];
    expect(result.rules).toContainEqual(expect.objectContaining({ id: 'role:active', status: 'unverifiable' }));
    expect(result.status).toBe('unverified');
  });

  test('9. a NOT_VERIFIABLE at warning severity fails the run unless accepted (a rule: waiver accepts only its rule)', async () => {
    const waive = (what: string) => `  - {code: NOT_VERIFIABLE, ${what}, reason: checked by hand in the UI, expires: 2027-01-31}\n`;
    const policy = (waivers: string) => `version: 1\nrole: {scriptId: customrole_polytomic}\nexcess: ignore\npermissions:\n  lists:\n    Customers: View\nconflicts:\n  - {name: c, reason: two hands, severity: warning, any: {Customers: Edit}, with: {Vendors: Edit}}\nwaivers:\n${waivers}`;
    const run = async (text: string) => {
      const dir = folderWith({ 'p.yaml': text });
      return cli(['audit', '--policy', join(dir, 'p.yaml'), '--source', 'soap', '--format', 'json'], { cwd: dir, env: envFor(sim, 'polytomic') });
    };
    const onlyWarning = await run(policy(waive('rule: role')));
    const open = JSON.parse(onlyWarning.stdout).results[0].findings.filter((f: { accepted?: unknown }) => !f.accepted);
    expect(open.map((f: { code: string; severity: string; rule: string }) => [f.code, f.severity, f.rule])).toEqual([['NOT_VERIFIABLE', 'warning', 'conflict:c']]);
    expect(onlyWarning.code).toBe(1);
    expect((await run(policy(waive('rule: role') + waive('conflict: c')))).code).toBe(0);
  });

  test('accepting what could not be verified says so, and the role is still not "compliant"', async () => {
    const dir = policyFor('customrole_does_not_exist');
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--source', 'soap', '--accept-unverified', '--format', 'json'], { cwd: dir, env: envFor(sim, 'polytomic') });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout).results[0];
    expect(result.status).toBe('unverified');
    expect(result.findings).toContainEqual(expect.objectContaining({ rule: 'role:active', code: 'NOT_VERIFIABLE', accepted: { by: 'accept-unverified' } }));
  });
});

describe('5. two files with one script id are ambiguous, never first-in-path-order', () => {
  test.each([
    ['a stale copy in archive/', { 'project/src/Objects/customrole_x.xml': role('X', 'VIEW'), 'project/archive/customrole_x.xml': role('X (old)', 'FULL') }],
    ['two names for one script id', { 'project/src/Objects/customrole_x.xml': role('X', 'VIEW'), 'project/src/Objects/customrole_x_copy.xml': role('X copy', 'VIEW') }],
  ])('%s: AMBIGUOUS_ROLE naming every candidate, exit 2', async (_name, files) => {
    const dir = folderWith({ 'p.yaml': POLICY, ...files });
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'project')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('AMBIGUOUS_ROLE');
    for (const f of Object.keys(files)) expect(r.stderr).toContain(f.split('/').pop()!);
    expect(r.stderr).toMatch(/2 roles match customrole_x/);
  });

  test('a snapshot listing one role twice is ambiguous too', async () => {
    const snap = 'kind: ns-role-audit/role-snapshot\nversion: 1\nroles:\n  - {scriptId: customrole_x, name: A, flags: {inactive: false}, permissions: [{permkey: LIST_CUSTJOB, level: VIEW}]}\n  - {scriptId: customrole_x, name: B, flags: {inactive: false}, permissions: [{permkey: LIST_CUSTJOB, level: FULL}]}\n';
    const dir = folderWith({ 'p.yaml': POLICY, 'r.yaml': snap });
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.yaml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/AMBIGUOUS_ROLE.*customrole_x "A".*customrole_x "B"/);
  });
});

describe('6. a baseline accepts what it saw, in the policy it saw it under', () => {
  const excessPolicy = 'version: 1\nrole: {scriptId: customrole_x}\nflags: {webServicesOnly: true}\nexcess: fail\npermissions:\n  lists:\n    Customers: View\n';
  const withExtra = (level: string) => role('X', 'VIEW').replace('</permissions>', `  <permission><permkey>LIST_VENDOR</permkey><permlevel>${level}</permlevel></permission>\n  </permissions>`);

  async function baselineThen(before: string, after: string, policies: Record<string, string> = { 'p.yaml': excessPolicy }, auditWith = 'p.yaml') {
    const dir = folderWith({ ...policies, 'r.xml': before });
    const first = Object.keys(policies)[0];
    const w = await cli(['audit', '--policy', join(dir, first), '--role-file', join(dir, 'r.xml'), '--write-baseline', join(dir, '.ns-role-audit', 'b.json')], { cwd: dir });
    expect(w.code).toBe(1);
    writeFileSync(join(dir, 'r.xml'), after);
    const r = await cli(['audit', '--policy', join(dir, auditWith), '--role-file', join(dir, 'r.xml'), '--baseline', join(dir, '.ns-role-audit', 'b.json'), '--format', 'json'], { cwd: dir });
    return { r, baseline: JSON.parse(readFileSync(join(dir, '.ns-role-audit', 'b.json'), 'utf8')) };
  }

  test('the entry records the level it accepted, and the policy relative to the baseline', async () => {
    const { baseline } = await baselineThen(withExtra('VIEW'), withExtra('VIEW'));
    expect(baseline.version).toBe(3);
    expect(baseline.findings).toEqual([expect.objectContaining({ code: 'PERMISSION_EXCESS', target: 'LIST_VENDOR', accepted: 'VIEW', policy: '../p.yaml', key: 'customrole_x|../p.yaml|PERMISSION_EXCESS|LIST_VENDOR' })]);
  });

  test.each([['the same level', 'VIEW', 0], ['a lower level', 'NONE', 0], ['an escalation to Full', 'FULL', 1], ['an escalation to Edit', 'EDIT', 1]])('excess at View accepted, then %s', async (_name, level, code) => {
    const { r } = await baselineThen(withExtra('VIEW'), withExtra(level));
    expect(r.code).toBe(code);
    if (code) {
      const excess = JSON.parse(r.stdout).results[0].findings.find((f: { code: string }) => f.code === 'PERMISSION_EXCESS');
      expect(excess).toMatchObject({ actualLevel: level });
      expect(excess.accepted).toBeUndefined();
    }
  });

  test('a setting accepted as one value does not accept another', async () => {
    const pinned = `${excessPolicy}settings:\n  centerType: BASIC\n`;
    const center = (c: string) => role('X', 'VIEW').replace('<name>X</name>', `<name>X</name>\n  <centertype>${c}</centertype>`);
    const same = await baselineThen(center('EMPLOYEE'), center('EMPLOYEE'), { 'p.yaml': pinned });
    expect(same.r.code).toBe(0);
    const other = await baselineThen(center('EMPLOYEE'), center('SYSADMINCENTER'), { 'p.yaml': pinned });
    expect(other.r.code).toBe(1);
  });

  test('two policies of one name in different folders do not share entries', async () => {
    const { r } = await baselineThen(withExtra('VIEW'), withExtra('VIEW'), { 'team-a/p.yaml': excessPolicy, 'team-b/p.yaml': excessPolicy }, 'team-b/p.yaml');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).baseline).toMatchObject({ existing: 0, new: 1 });
  });

  test('a version 2 baseline (no levels) is refused with the advice to write it again', async () => {
    const dir = folderWith({ 'p.yaml': excessPolicy, 'r.xml': withExtra('FULL'), 'b.json': JSON.stringify({ kind: 'ns-role-audit/baseline', version: 2, createdAt: 'x', findings: [{ key: 'customrole_x|p.yaml|PERMISSION_EXCESS|LIST_VENDOR', code: 'PERMISSION_EXCESS' }] }) });
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.xml'), '--baseline', join(dir, 'b.json')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a version 2 baseline, whose entries do not record the level they accepted');
    expect(r.stderr).toContain('--write-baseline');
  });
});

describe('9. inputs that are not what they seem', () => {
  test.each([
    ['department', 'OWNONLY'], ['Department', 'ownonly'], ['DEPARTMENT', 'ownOnly'],
  ])('a snapshot restricting by %s / %s fails DEPARTMENT: NONE', async (segment, restriction) => {
    const snap = `kind: ns-role-audit/role-snapshot\nversion: 1\nroles:\n  - scriptId: customrole_x\n    flags: {webServicesOnly: true, inactive: false}\n    recordRestrictions: [{segment: ${segment}, restriction: ${restriction}}]\n    permissions: [{permkey: LIST_CUSTJOB, level: VIEW}]\n`;
    const dir = folderWith({ 'p.yaml': `${POLICY}recordRestrictions:\n  DEPARTMENT: NONE\n`, 'r.yaml': snap });
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.yaml'), '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0].findings).toContainEqual(expect.objectContaining({ code: 'RECORD_RESTRICTION_MISMATCH', actualValue: 'OWNONLY' }));
  });

  test('"Role is active" is not verifiable when the Inactive flag is unknown', async () => {
    const snap = 'kind: ns-role-audit/role-snapshot\nversion: 1\nroles:\n  - {scriptId: customrole_x, flags: {webServicesOnly: true}, permissions: [{permkey: LIST_CUSTJOB, level: VIEW}]}\n';
    const dir = folderWith({ 'p.yaml': POLICY, 'r.yaml': snap });
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.yaml'), '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0].rules).toContainEqual(expect.objectContaining({ id: 'role:active', status: 'unverifiable' }));
  });

  test.each(['2027-02-30', '2026-13-01', '2026-00-10', '2027-2-3'])('--today %s is refused', async (day) => {
    const dir = folderWith({ 'p.yaml': POLICY, 'r.xml': role('X', 'VIEW') });
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.xml'), '--today', day], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a calendar date as YYYY-MM-DD');
  });

  test('an absolute path in extends is that path', async () => {
    const base = folderWith({ 'base.yaml': 'version: 1\nexcess: fail\npermissions:\n  lists:\n    Vendors: Full\n' });
    const dir = folderWith({ 'p.yaml': `version: 1\nextends: [${join(base, 'base.yaml')}]\nrole: {scriptId: customrole_x}\n`, 'r.xml': role('X', 'VIEW') });
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.xml'), '--format', 'json'], { cwd: dir });
    expect(r.stderr).not.toContain('EXTENDS_NOT_FOUND');
    expect(JSON.parse(r.stdout).results[0].findings).toContainEqual(expect.objectContaining({ code: 'PERMISSION_MISSING', permission: expect.objectContaining({ id: 'LIST_VENDOR' }) }));
  });

  test.each([
    ['a role path through a file', (d: string) => join(d, 'p.yaml', 'r.xml'), 'a part of the path is a file, not a folder'],
    ['a role path that does not exist', (d: string) => join(d, 'nothing.xml'), 'no such file or folder'],
    ['a link loop', (d: string) => { symlinkSync(join(d, 'loop'), join(d, 'loop')); return join(d, 'loop'); }, 'a loop of symbolic links'],
  ])('%s names its real cause', async (_name, path, why) => {
    const dir = folderWith({ 'p.yaml': POLICY });
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', path(dir)], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(why);
  });

  test('a config that is a folder is not "no such config file"', async () => {
    const dir = folderWith({ 'p.yaml': POLICY });
    mkdirSync(join(dir, 'cfg.yaml'));
    const r = await cli(['audit', '--config', join(dir, 'cfg.yaml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a folder');
  });

  test('the Polytomic policy still validates and passes its own compliant role', async () => {
    const r = await cli(['audit', '--policy', POLYTOMIC, '--role-file', join(ROOT, 'fixtures', 'sdf-project'), '--role', 'customrole_polytomic'], { cwd: ROOT });
    expect(r.code).toBe(0);
  });
});
