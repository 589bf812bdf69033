import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditSnapshot, buildReport } from '../../src/core/audit';
import { readPolicy } from '../../src/adapters/read-policy';
import { FORMATS } from '../../src/core/format';
import { parseSdfRole } from '../../src/core/role/sdf';
import type { RoleSnapshot } from '../../src/core/model';

// "Done when": the Polytomic policy passes an exactly compliant SDF role and catches every single
// deviation, visible in every format.
const root = join(__dirname, '..', '..');
const policy = readPolicy(join(root, 'policies', 'polytomic.yaml'));
const xmlPath = join(root, 'fixtures', 'sdf-project', 'src', 'Objects', 'customrole_polytomic.xml');
const compliant = parseSdfRole(xmlPath, readFileSync(xmlPath, 'utf8'));

function audit(role: RoleSnapshot) {
  const result = auditSnapshot(policy, role, { selector: policy.role, source: { kind: 'sdf', location: 'test' }, today: '2026-11-27' });
  const report = buildReport([result], { version: '0.0.0', generatedAt: '2026-11-27T00:00:00.000Z', failOn: 'error' });
  return { result, report, exit: report.summary.failed ? 1 : 0 };
}

function expectVisibleEverywhere(report: ReturnType<typeof audit>['report'], needle: string) {
  for (const [name, format] of Object.entries(FORMATS)) {
    expect({ name, shows: format.report(report, { color: false }).includes(needle) }).toEqual({ name, shows: true });
  }
}

/** Findings not accepted: the Polytomic role's own risky permission (Access Token Management) is acknowledged by the policy. */
const open = (fs: ReturnType<typeof audit>['result']['findings']) => fs.filter((f) => !f.accepted);

test('the bundled SDF role is exactly compliant: exit 0, only its required risky permission, acknowledged', () => {
  const { result, report, exit } = audit(compliant);
  expect(compliant.permissions).toHaveLength(33);
  expect(result.findings.map((f) => [f.code, f.permission?.id, f.severity, f.accepted?.by])).toEqual([['RISKY_PERMISSION', 'ADMI_MANAGE_OAUTH_TOKENS', 'warning', 'policy']]);
  expect(result.status).toBe('compliant');
  expect(exit).toBe(0);
  expectVisibleEverywhere(report, 'ADMI_MANAGE_OAUTH_TOKENS');
});

describe.each(policy.rules.map((r) => [r.id, r.name]))('removing %s (%s)', (id) => {
  test('is PERMISSION_MISSING, exit 1, in every format', () => {
    const { result, report, exit } = audit({ ...compliant, permissions: compliant.permissions.filter((p) => p.permkey !== id) });
    expect(open(result.findings).map((f) => [f.code, f.permission?.id])).toEqual([['PERMISSION_MISSING', id]]);
    expect(exit).toBe(1);
    expectVisibleEverywhere(report, id);
  });
});

describe.each(policy.rules.filter((r) => r.min === 'FULL').map((r) => [r.id]))('lowering %s from Full', (id) => {
  test.each(['EDIT', 'VIEW'] as const)('to %s is LEVEL_TOO_LOW, exit 1, in every format', (level) => {
    const { result, report, exit } = audit({ ...compliant, permissions: compliant.permissions.map((p) => (p.permkey === id ? { ...p, level } : p)) });
    expect(open(result.findings).map((f) => [f.code, f.permission?.id, f.actualLevel])).toEqual([['LEVEL_TOO_LOW', id, level]]);
    expect(exit).toBe(1);
    expectVisibleEverywhere(report, id);
  });
});

test('an extra Full permission is PERMISSION_EXCESS, exit 1, in every format', () => {
  const { result, report, exit } = audit({ ...compliant, permissions: [...compliant.permissions, { permkey: 'ADMI_MANAGEROLES', level: 'FULL' }] });
  // Bulk Manage Roles is also on the built-in risk list: a warning of its own, not acknowledged.
  expect(open(result.findings).map((f) => [f.code, f.permission?.id, f.severity])).toEqual([['PERMISSION_EXCESS', 'ADMI_MANAGEROLES', 'error'], ['RISKY_PERMISSION', 'ADMI_MANAGEROLES', 'warning']]);
  expect(exit).toBe(1);
  expectVisibleEverywhere(report, 'ADMI_MANAGEROLES');
});

test.each([['webServicesOnly', 'Web Services Only Role'], ['doNotRestrictEmployeeFields', 'Do Not Restrict Employee Fields']] as const)(
  '%s off is FLAG_MISMATCH, exit 1, in every format', (flag, label) => {
    const { result, report, exit } = audit({ ...compliant, flags: { ...compliant.flags, [flag]: false } });
    expect(open(result.findings).map((f) => [f.code, f.flag])).toEqual([['FLAG_MISMATCH', flag]]);
    expect(exit).toBe(1);
    expectVisibleEverywhere(report, label);
  });
