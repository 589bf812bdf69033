import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { auditRole } from '../../src/adapters/audit-role';
import { readPolicy } from '../../src/adapters/read-policy';
import { createFileSource } from '../../src/adapters/role-files';

// One folder per scenario: policy.yaml, role.yaml|role.xml, expected.yaml (status and finding codes).
const root = join(__dirname, '..', 'fixtures', 'scenarios');

describe.each(readdirSync(root))('scenario %s', (name) => {
  const dir = join(root, name);
  const expected = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as { today?: string; status: string; findings: string[][] };

  test('gives the expected status and findings', async () => {
    const policy = readPolicy(join(dir, 'policy.yaml'));
    const roleFile = ['role.yaml', 'role.xml'].map((f) => join(dir, f)).find(existsSync)!;
    const result = await auditRole(policy, createFileSource(roleFile), policy.role, expected.today ?? '2026-11-27');
    const got = result.findings.map((f) => {
      const row = [f.code, f.permission?.id ?? f.flag ?? f.rule];
      if (f.code === 'ROLE_NOT_FOUND') row.pop();
      if (f.severity !== 'error') row.push(f.severity);
      if (f.accepted) row.push(`accepted-by-${f.accepted.by}`);
      return row.join(' ');
    });
    expect(got.sort()).toEqual(expected.findings.map((r) => r.join(' ')).sort());
    expect(result.status).toBe(expected.status);
  });
});
