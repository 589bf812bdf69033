/**
 * The SuiteCloud project `fix --out` writes, in process (core/fix/project.ts): the files
 * `suitecloud project:deploy` takes, the manifest's dependencies (custom objects the role
 * references, the custom records feature only when it references one), and a provenance record
 * that gives back the role it was made from.
 */
import { formatFixProject, PROVENANCE_FILE, roleFromCanonical, type FixProvenance } from '../../src/core/fix/project';
import { canonicalRole } from '../../src/core/role/canonical';
import type { RoleSnapshot } from '../../src/core/model';

const role: RoleSnapshot = {
  scriptId: 'customrole_sync', internalId: '1001', name: 'Sync & Co', flags: { webServicesOnly: true, doNotRestrictEmployeeFields: false, inactive: false }, settings: { coreAdminPermissions: false },
  permissions: [
    { permkey: 'TRAN_SALESORD', level: 'EDIT' }, { permkey: 'customrecord_b', level: 'VIEW' }, { permkey: 'customrecord_a', level: 'FULL' },
    { permkey: 'customtransaction_x', level: 'VIEW' }, { permkey: 'customrecord_none', level: 'NONE' }, { permkey: 'customrecord_a', level: 'FULL' },
  ],
  recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_ONLY', viewingAllowed: false, itemsRestricted: false }],
  customFields: { custrecord_note: 'x' },
  evidence: 'definition', origin: 'suiteql',
};
const provenance = (r: RoleSnapshot): FixProvenance => ({
  kind: 'ns-role-audit/fix', version: 1, tool: 'ns-role-audit 1.0.0', account: '1234567', role: { scriptId: r.scriptId! }, readAt: '2026-12-03T00:00:00Z',
  sha256: 'abc', read: canonicalRole(r), policy: 'policies/polytomic.yaml', changes: [], afterDeploy: [], remaining: [], omitted: { fields: [], restrictions: [] },
});

test('the project files: config, manifest, deploy, the role file under Objects, provenance', () => {
  const files = formatFixProject(role, '<role/>\n', provenance(role));
  expect(Object.keys(files)).toEqual(['suitecloud.config.js', 'src/manifest.xml', 'src/deploy.xml', 'src/Objects/customrole_sync.xml', PROVENANCE_FILE]);
  expect(PROVENANCE_FILE).toBe('ns-role-audit.fix.json');
  expect(files['suitecloud.config.js']).toBe("module.exports = {\n  defaultProjectFolder: 'src',\n  commands: {},\n};\n");
  expect(files['src/deploy.xml']).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<deploy>\n  <objects>\n    <path>~/Objects/*</path>\n  </objects>\n</deploy>\n');
  expect(files['src/Objects/customrole_sync.xml']).toBe('<role/>\n');
  expect(JSON.parse(files[PROVENANCE_FILE])).toEqual(JSON.parse(JSON.stringify(provenance(role))));
  expect(files[PROVENANCE_FILE].endsWith('}\n')).toBe(true);
});

test('the manifest lists each custom object the role holds (not at None) once, sorted, and the custom records feature', () => {
  expect(formatFixProject(role, '', provenance(role))['src/manifest.xml']).toBe([
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<manifest projecttype="ACCOUNTCUSTOMIZATION">',
    '  <projectname>ns-role-audit fix customrole_sync</projectname>',
    '  <frameworkversion>1.0</frameworkversion>',
    '  <dependencies>',
    '    <features>', '      <feature required="true">CUSTOMRECORDS</feature>', '    </features>',
    '    <objects>', '      <object>customrecord_a</object>', '      <object>customrecord_b</object>', '      <object>customtransaction_x</object>', '    </objects>',
    '  </dependencies>',
    '</manifest>', '',
  ].join('\n'));
});

test('a custom transaction alone: its object, no custom records feature; standard permissions only: no dependencies', () => {
  const tx = { ...role, permissions: [{ permkey: 'customtransaction_x', level: 'VIEW' as const }] };
  const m = formatFixProject(tx, '', provenance(tx))['src/manifest.xml'];
  expect(m).toContain('  <dependencies>\n    <objects>\n      <object>customtransaction_x</object>\n    </objects>\n  </dependencies>\n');
  expect(m).not.toContain('CUSTOMRECORDS');
  const plain = { ...role, permissions: [{ permkey: 'TRAN_SALESORD', level: 'EDIT' as const }] };
  expect(formatFixProject(plain, '', provenance(plain))['src/manifest.xml']).not.toContain('dependencies');
});

test('roleFromCanonical gives back the role the provenance recorded', () => {
  const back = roleFromCanonical(canonicalRole(role), 'ns-role-audit.fix.json');
  expect(canonicalRole(back)).toEqual(canonicalRole(role));
  expect([back.origin, back.evidence]).toEqual(['ns-role-audit.fix.json', 'definition']);
  // What the role did not carry stays absent, not null.
  const bare: RoleSnapshot = { flags: {} as RoleSnapshot['flags'], settings: {}, permissions: [], evidence: 'definition', origin: 'x' };
  const bareBack = roleFromCanonical(canonicalRole(bare), 'p');
  expect(Object.keys(bareBack).sort()).toEqual(['evidence', 'flags', 'origin', 'permissions', 'settings']);
});
