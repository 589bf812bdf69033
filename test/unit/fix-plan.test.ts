import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { diffRole } from '../../src/core/diff';
import { linkFixes } from '../../src/core/fix/link-fixes';
import { planFix } from '../../src/core/fix/plan-fix';
import { remediationStep, PLAIN } from '../../src/core/format/remediation';
import { loadPolicy } from '../../src/core/policy/load';
import { readSdfRoleDocument } from '../../src/core/role/sdf';
import { validateSdfRole } from '../../src/core/role/validate-sdf';
import { findingFails } from '../../src/core/verdict';
import { onFirstUse } from '../helpers/on-first-use';

// The fix planner: the smallest edit of an SDF role file that makes it comply, every other byte kept.

const TODAY = '2026-12-01';
const OBJECTS = join(__dirname, '..', '..', 'fixtures', 'sdf-project', 'src', 'Objects');
const policyOf = (text: string) => loadPolicy('p.yaml', { readText: () => `version: 1\n${text}`, resolveRef: (_f, r) => r, identity: (f) => f }, { today: TODAY });
const POLYTOMIC = readFileSync(join(__dirname, '..', '..', 'policies', 'polytomic.yaml'), 'utf8');
const polytomic = (scriptId: string) => loadPolicy('polytomic.yaml', { readText: () => POLYTOMIC.replace('scriptId: customrole_polytomic', `scriptId: ${scriptId}`), resolveRef: (_f, r) => r, identity: (f) => f }, { today: TODAY });

/** The lines a unified diff of a -> b removes (-) and adds (+). */
function diffLines(a: string, b: string): { removed: string[]; added: string[] } {
  const lines = structuredPatch('a', 'b', a, b, '', '', { context: 0 }).hunks.flatMap((h) => h.lines);
  return { removed: lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1)), added: lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1)) };
}

const failing = (policyText: ReturnType<typeof policyOf>, text: string) =>
  diffRole(policyText, readSdfRoleDocument('r.xml', text).role, { today: TODAY }).findings.filter((f) => !f.accepted && findingFails(f, 'error'));

describe('the drifted demo role', () => {
  const file = join(OBJECTS, 'customrole_polytomic_drifted.xml');
  const text = readFileSync(file, 'utf8');
  const plan = onFirstUse(() => planFix(polytomic('customrole_polytomic_drifted'), readSdfRoleDocument(file, text), { today: TODAY }));

  test('four changes, each named by the finding it settles', () => {
    const byTarget = (a: unknown[], b: unknown[]) => (String(a[1]) < String(b[1]) ? -1 : 1);
    expect(plan.changes.map((c) => [c.action, c.target, c.from, c.to, c.because]).sort(byTarget)).toEqual([
      ['add', 'ADMI_CUSTLIST', undefined, 'View', ['PERMISSION_MISSING']],
      ['remove', 'LIST_FIND', 'Full', undefined, ['PERMISSION_EXCESS']],
      ['raise', 'TRAN_SALESORD', 'Edit', 'Full', ['LEVEL_TOO_LOW']],
      ['set', 'iswebserviceonlyrole', 'F', 'T', ['FLAG_MISMATCH']],
    ].sort(byTarget));
    // Each change names the line of the original file it changes (or where the new lines go).
    const lines = text.split('\n');
    expect(lines[plan.changes.find((c) => c.target === 'iswebserviceonlyrole')!.line - 1]).toContain('<iswebserviceonlyrole>F<');
    expect(lines[plan.changes.find((c) => c.target === 'TRAN_SALESORD')!.line - 1]).toContain('<permlevel>EDIT<');
    expect(lines[plan.changes.find((c) => c.target === 'LIST_FIND')!.line - 1]).toContain('<permission>');
    expect(lines[plan.changes.find((c) => c.target === 'LIST_FIND')!.line]).toContain('LIST_FIND');
    expect(plan.remaining).toEqual([]);
  });

  test('the fixed file complies and passes a deploy\'s checks', () => {
    expect(failing(polytomic('customrole_polytomic_drifted'), plan.text)).toEqual([]);
    expect(validateSdfRole(readSdfRoleDocument(file, plan.text))).toEqual([]);
  });

  test('only the drifted lines change: one flag, one level, one permission out, one in', () => {
    const { removed, added } = diffLines(text, plan.text);
    expect(removed.sort()).toEqual([
      '  <iswebserviceonlyrole>F</iswebserviceonlyrole>',
      '      <permlevel>EDIT</permlevel>',
      '    <permission>', '      <permkey>LIST_FIND</permkey>', '      <permlevel>FULL</permlevel>', '    </permission>',
    ].sort());
    expect(added.sort()).toEqual([
      '  <iswebserviceonlyrole>T</iswebserviceonlyrole>',
      '      <permlevel>FULL</permlevel>',
      '    <permission>', '      <permkey>ADMI_CUSTLIST</permkey>', '      <permlevel>VIEW</permlevel>', '    </permission>',
    ].sort());
  });

  test('the new line goes where an export puts it: Setup, by name (Custom Lists after Custom Item Fields)', () => {
    const lines = plan.text.split('\n');
    const at = lines.indexOf('      <permkey>ADMI_CUSTLIST</permkey>');
    expect(lines[at - 4]).toBe('      <permkey>ADMI_CUSTITEMFIELD</permkey>');
    expect(lines[at + 4]).toBe('      <permkey>ADMI_CUSTRECORD</permkey>');
  });

  test('a removed permission is also a step after the deploy, in the checklist\'s own words', () => {
    const removed = plan.changes.find((c) => c.action === 'remove')!;
    const finding = diffRole(polytomic('customrole_polytomic_drifted'), readSdfRoleDocument(file, text).role, { today: TODAY }).findings.find((f) => f.permission?.id === 'LIST_FIND')!;
    const step = remediationStep(finding, PLAIN)!;
    expect(removed.afterDeploy).toBe(`${step.section}: ${step.text}`);
    expect(removed.afterDeploy).toMatch(/^Permissions > Lists: Remove Perform Search/);
  });
});

test('a compliant file is left as it is, byte for byte', () => {
  const file = join(OBJECTS, 'customrole_polytomic.xml');
  const text = readFileSync(file, 'utf8');
  const plan = onFirstUse(() => planFix(polytomic('customrole_polytomic'), readSdfRoleDocument(file, text), { today: TODAY }));
  expect(plan.changes).toEqual([]);
  expect(plan.text).toBe(text);
});

describe('every byte the fix does not touch is kept', () => {
  const HAND = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- owned by the integrations team -->',
    '<role scriptid="customrole_hand">',
    '\t<name>Hand &amp; Made</name>',
    '\t<custrecord_owner>ops</custrecord_owner>',
    '\t<iswebserviceonlyrole>F</iswebserviceonlyrole>',
    '\t<futureelement a="1">kept</futureelement>',
    '\t<permissions>',
    '\t\t<!-- reporting -->',
    '\t\t<permission><permkey>REPO_ANALYTICS</permkey><permlevel>VIEW</permlevel></permission>',
    '\t\t<permission><permkey>LIST_CUSTJOB</permkey><permlevel>FULL</permlevel></permission>',
    '\t</permissions>',
    '</role>',
    '',
  ];
  const POLICY = onFirstUse(() => policyOf('role: {scriptId: customrole_hand}\nflags: {webServicesOnly: true}\nsettings: {centerType: BASIC}\nexcess: fail\npermissions:\n  reports: {REPO_ANALYTICS: Edit}\n  transactions: {TRAN_SALESORD: View}\n'));

  for (const [eol, name] of [['\n', 'LF'], ['\r\n', 'CR LF']] as const) {
    test(`${name} line ends, tabs, comments, single-line permissions, unknown elements, account fields; a missing field goes in alphabetical place`, () => {
      const text = HAND.join(eol);
      const plan = planFix(POLICY, readSdfRoleDocument('hand.xml', text), { today: TODAY });
      expect(plan.remaining).toEqual([]);
      const out = plan.text.split(eol);
      // Every line ends the same way; nothing but CR LF pairs carry a CR.
      expect(plan.text.split('\n').length).toBe(out.length);
      if (eol === '\n') expect(plan.text).not.toContain('\r');
      expect(out).toEqual([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!-- owned by the integrations team -->',
        '<role scriptid="customrole_hand">',
        '\t<centertype>BASIC</centertype>',
        '\t<name>Hand &amp; Made</name>',
        '\t<custrecord_owner>ops</custrecord_owner>',
        '\t<iswebserviceonlyrole>T</iswebserviceonlyrole>',
        '\t<futureelement a="1">kept</futureelement>',
        '\t<permissions>',
        '\t\t<permission><permkey>TRAN_SALESORD</permkey><permlevel>VIEW</permlevel></permission>',
        '\t\t<!-- reporting -->',
        '\t\t<permission><permkey>REPO_ANALYTICS</permkey><permlevel>EDIT</permlevel></permission>',
        '\t</permissions>',
        '</role>',
        '',
      ]);
      expect(failing(POLICY, plan.text)).toEqual([]);
    });
  }

  test('a role with no <permissions> gets the block after its fields, indented as they are', () => {
    const text = '<role scriptid="customrole_bare">\n    <name>Bare</name>\n    <centertype>BASIC</centertype>\n</role>\n';
    const plan = planFix(policyOf('role: {scriptId: customrole_bare}\npermissions:\n  lists: {LIST_CUSTJOB: View}\n'), readSdfRoleDocument('bare.xml', text), { today: TODAY });
    expect(plan.text).toBe('<role scriptid="customrole_bare">\n    <name>Bare</name>\n    <centertype>BASIC</centertype>\n    <permissions>\n        <permission>\n            <permkey>LIST_CUSTJOB</permkey>\n            <permlevel>VIEW</permlevel>\n        </permission>\n    </permissions>\n</role>\n');
  });

  test('an empty <permissions/> opens up', () => {
    const text = '<role scriptid="customrole_bare">\n  <name>Bare</name>\n  <permissions/>\n</role>\n';
    const plan = planFix(policyOf('role: {scriptId: customrole_bare}\npermissions:\n  lists: {LIST_CUSTJOB: View}\n'), readSdfRoleDocument('bare.xml', text), { today: TODAY });
    expect(plan.text).toBe('<role scriptid="customrole_bare">\n  <name>Bare</name>\n  <permissions>\n    <permission>\n      <permkey>LIST_CUSTJOB</permkey>\n      <permlevel>VIEW</permlevel>\n    </permission>\n  </permissions>\n</role>\n');
  });
});

describe('what a deploy would refuse is settled too', () => {
  const role = (perms: string) => `<role scriptid="customrole_x">\n  <name>X</name>\n  <centertype>BASIC</centertype>\n  <permissions>\n${perms}  </permissions>\n</role>\n`;
  const line = (key: string, level: string, extra = '') => `    <permission>\n      <permkey>${key}</permkey>\n      <permlevel>${level}</permlevel>\n${extra}    </permission>\n`;
  const IGNORE = onFirstUse(() => policyOf('role: {scriptId: customrole_x}\nexcess: ignore\n'));

  test('repeated lines that agree: one stays', () => {
    const plan = planFix(IGNORE, readSdfRoleDocument('x.xml', role(line('LIST_CUSTJOB', 'VIEW') + line('LIST_CUSTJOB', 'VIEW'))), { today: TODAY });
    expect(plan.changes.map((c) => [c.action, c.because])).toEqual([['remove', ['DUPLICATE_PERMISSION']]]);
    expect(plan.text).toBe(role(line('LIST_CUSTJOB', 'VIEW')));
  });

  test('repeated lines that disagree: the policy decides which level stays', () => {
    const p = policyOf('role: {scriptId: customrole_x}\nexcess: ignore\npermissions:\n  lists: {LIST_CUSTJOB: {max: Edit}}\n');
    const plan = planFix(p, readSdfRoleDocument('x.xml', role(line('LIST_CUSTJOB', 'VIEW') + line('LIST_CUSTJOB', 'FULL'))), { today: TODAY });
    expect(plan.text).toBe(role(line('LIST_CUSTJOB', 'EDIT')));
    expect(plan.remaining).toEqual([]);
  });

  test('a level the permission does not offer is lowered to one it does (reports stop at Edit)', () => {
    const plan = planFix(IGNORE, readSdfRoleDocument('x.xml', role(line('REPO_ANALYTICS', 'FULL'))), { today: TODAY });
    expect(plan.changes.map((c) => [c.action, c.from, c.to, c.because])).toEqual([['lower', 'Full', 'Edit', ['IMPOSSIBLE_LEVEL']]]);
    expect(validateSdfRole(readSdfRoleDocument('x.xml', plan.text))).toEqual([]);
  });

  test('<restriction> on a standard permission goes; on a custom record it is set as the policy pins it', () => {
    const text = role(line('LIST_CUSTJOB', 'VIEW', '      <restriction>EDIT</restriction>\n') + line('[scriptid=customrecord_kpi]', 'VIEW'));
    const p = policyOf('role: {scriptId: customrole_x}\nexcess: ignore\npermissions:\n  customRecords: {customrecord_kpi: {min: View, restriction: EDIT}}\n');
    const plan = planFix(p, readSdfRoleDocument('x.xml', text), { today: TODAY });
    expect(plan.text).toBe(role(line('LIST_CUSTJOB', 'VIEW') + line('[scriptid=customrecord_kpi]', 'VIEW', '      <restriction>EDIT</restriction>\n')));
  });
});

describe('settings and record restrictions the policy pins', () => {
  const text = [
    '<role scriptid="customrole_x">',
    '  <centertype>BASIC</centertype>',
    '  <name>X</name>',
    '  <recordrestrictions>',
    '    <recordrestriction>',
    '      <itemsrestricted>F</itemsrestricted>',
    '      <restriction>OWN_ONLY</restriction>',
    '      <segment>DEPARTMENT</segment>',
    '      <viewingallowed>F</viewingallowed>',
    '    </recordrestriction>',
    '  </recordrestrictions>',
    '</role>',
    '',
  ].join('\n');

  test('a missing setting is added in alphabetical place, a restriction changed and one added', () => {
    const p = policyOf('role: {scriptId: customrole_x}\nsettings: {centerType: BASIC, supportRole: true}\nrecordRestrictions:\n  DEPARTMENT: {restriction: own_and_subordinates, viewingAllowed: true}\n  CLASS: own_only\n');
    const plan = planFix(p, readSdfRoleDocument('x.xml', text), { today: TODAY });
    expect(plan.remaining).toEqual([]);
    expect(plan.text.split('\n')).toEqual([
      '<role scriptid="customrole_x">',
      '  <centertype>BASIC</centertype>',
      '  <issupportrole>T</issupportrole>',
      '  <name>X</name>',
      '  <recordrestrictions>',
      '    <recordrestriction>',
      '      <itemsrestricted>F</itemsrestricted>',
      '      <restriction>OWN_AND_SUBORDINATES</restriction>',
      '      <segment>DEPARTMENT</segment>',
      '      <viewingallowed>T</viewingallowed>',
      '    </recordrestriction>',
      '    <recordrestriction>',
      '      <itemsrestricted>F</itemsrestricted>',
      '      <restriction>OWN_ONLY</restriction>',
      '      <segment>CLASS</segment>',
      '      <viewingallowed>F</viewingallowed>',
      '    </recordrestriction>',
      '  </recordrestrictions>',
      '</role>',
      '',
    ]);
  });

  test('a restriction the policy says must not be there is removed, and checking it after the deploy is a step', () => {
    const plan = planFix(policyOf('role: {scriptId: customrole_x}\nrecordRestrictions: {DEPARTMENT: none}\n'), readSdfRoleDocument('x.xml', text), { today: TODAY });
    expect(plan.text).not.toContain('DEPARTMENT');
    expect(plan.changes[0].afterDeploy).toMatch(/unconfirmed/);
  });
});

test('what no edit settles is said, with why: a segregation-of-duties pair', () => {
  const text = '<role scriptid="customrole_x">\n  <centertype>BASIC</centertype>\n  <name>X</name>\n  <permissions>\n    <permission>\n      <permkey>TRAN_VENDBILL</permkey>\n      <permlevel>FULL</permlevel>\n    </permission>\n    <permission>\n      <permkey>TRAN_VENDPYMT</permkey>\n      <permlevel>FULL</permlevel>\n    </permission>\n  </permissions>\n</role>\n';
  const p = onFirstUse(() => policyOf('role: {scriptId: customrole_x}\nexcess: ignore\nconflicts:\n  - {name: pay own bills, reason: enter and pay the same bill, any: {TRAN_VENDBILL: Full}, with: {TRAN_VENDPYMT: Full}}\n'));
  const plan = onFirstUse(() => planFix(p, readSdfRoleDocument('x.xml', text), { today: TODAY }));
  expect(plan.text).toBe(text);
  expect(plan.remaining.map((r) => r.code)).toContain('SOD_CONFLICT');
  expect(plan.remaining.find((r) => r.code === 'SOD_CONFLICT')!.why).toMatch(/decision for people/);
});

test('a saved role\'s center type is not changed (NetSuite does not allow it): the finding stays, with why', () => {
  const text = '<role scriptid="customrole_x">\n  <centertype>BASIC</centertype>\n  <name>X</name>\n</role>\n';
  const plan = onFirstUse(() => planFix(policyOf('role: {scriptId: customrole_x}\nsettings: {centerType: SYSADMINCENTER}\n'), readSdfRoleDocument('x.xml', text), { today: TODAY }));
  expect(plan.text).toBe(text);
  expect(plan.remaining).toEqual([expect.objectContaining({ code: 'SETTING_MISMATCH', why: expect.stringMatching(/center type change/) })]);
});

test('each finding of an SDF audit links to its fix: the line the fix changes, the XML it writes', () => {
  const file = join(OBJECTS, 'customrole_polytomic_drifted.xml');
  const text = readFileSync(file, 'utf8');
  const policy = onFirstUse(() => polytomic('customrole_polytomic_drifted'));
  const doc = onFirstUse(() => readSdfRoleDocument(file, text));
  const findings = linkFixes(diffRole(policy, doc.role, { today: TODAY }).findings, planFix(policy, doc, { today: TODAY }));
  const failing = findings.filter((f) => !f.accepted && findingFails(f, 'error'));
  expect(failing).toHaveLength(4);
  const lines = text.split('\n');
  for (const f of failing) {
    expect(f.fix).toBeDefined();
    expect(f.fix!.file).toBe(file);
    if (f.fix!.action === 'raise' || f.fix!.action === 'set') expect(lines[f.fix!.line - 1]).toContain(`<${/^<(\w+)>/.exec(f.fix!.xml!)![1]}>`);
  }
  expect(failing.find((f) => f.code === 'PERMISSION_EXCESS')!.fix).toMatchObject({ action: 'remove', afterDeploy: expect.stringContaining('Remove Perform Search') });
  // A finding no edit settles has no fix.
  expect(findings.filter((f) => f.code === 'RISKY_PERMISSION').every((f) => f.fix === undefined)).toBe(true);
});
