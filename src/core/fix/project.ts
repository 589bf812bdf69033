/**
 * A SuiteCloud account-customization project holding one role, as `suitecloud project:deploy`
 * takes it (Oracle's SDF docs on account customization projects): `suitecloud.config.js`,
 * `src/manifest.xml` (the features and the objects the role references that must already be in
 * the account), `src/deploy.xml`, `src/Objects/<scriptid>.xml`, and `ns-role-audit.fix.json`
 * recording what the project was made from. Pure: paths to texts.
 */
import { parsePermkey } from '../catalog';
import type { RoleSnapshot } from '../model';
import { canonicalRole } from '../role/canonical';
import { xmlEscape } from '../xml/read-xml';
import { jsonText } from '../format/json-text';
import type { SdfOmissions } from '../role/format-sdf';
import type { FixChange, FixPlan } from './plan-fix';

/** The file `fix --out` writes beside the project, and `fix --check` reads. */
export const PROVENANCE_FILE = 'ns-role-audit.fix.json';

/** What a project was made from: enough for `fix --check` to tell whether the role changed since. */
export interface FixProvenance {
  kind: 'ns-role-audit/fix';
  version: 1;
  tool: string;
  account: string;
  role: { scriptId: string; internalId?: string; name?: string };
  /** When the role was read. */
  readAt: string;
  /** SHA-256 (hex) of the role as read, in canonical form (canonicalRole). */
  sha256: string;
  /** The role as read (canonical form), to show what changed when it no longer matches. */
  read: ReturnType<typeof canonicalRole>;
  policy: string;
  changes: FixChange[];
  afterDeploy: string[];
  remaining: FixPlan['remaining'];
  /** Fields the source could not read, left out of the role file: whether a deploy resets them is unconfirmed. */
  omitted: SdfOmissions;
}

/** Objects the role references that the project does not hold: they must be in the account already. */
function objectDependencies(role: RoleSnapshot): string[] {
  return [...new Set(role.permissions.filter((p) => p.level !== 'NONE').map((p) => parsePermkey(p.permkey)).filter((k) => k.kind === 'customrecord' || k.kind === 'customtransaction' || k.kind === 'customsegment').map((k) => k.id))].sort();
}

/**
 * The project's files. Features: CUSTOMRECORDS when the role references custom records (public
 * account-customization projects declare it for them); no other feature is listed, since the SDF
 * feature ids for web services and token-based authentication are unconfirmed: a deploy that needs
 * one names it.
 */
export function formatFixProject(role: RoleSnapshot, roleXml: string, provenance: FixProvenance): Record<string, string> {
  const objects = objectDependencies(role);
  const customRecords = objects.some((o) => parsePermkey(o).kind === 'customrecord');
  const manifest = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<manifest projecttype="ACCOUNTCUSTOMIZATION">',
    `  <projectname>${xmlEscape(`ns-role-audit fix ${role.scriptId}`)}</projectname>`,
    '  <frameworkversion>1.0</frameworkversion>',
    ...(customRecords || objects.length ? ['  <dependencies>'] : []),
    ...(customRecords ? ['    <features>', '      <feature required="true">CUSTOMRECORDS</feature>', '    </features>'] : []),
    ...(objects.length ? ['    <objects>', ...objects.map((o) => `      <object>${xmlEscape(o)}</object>`), '    </objects>'] : []),
    ...(customRecords || objects.length ? ['  </dependencies>'] : []),
    '</manifest>',
    '',
  ].join('\n');
  const deploy = ['<?xml version="1.0" encoding="UTF-8"?>', '<deploy>', '  <objects>', '    <path>~/Objects/*</path>', '  </objects>', '</deploy>', ''].join('\n');
  return {
    'suitecloud.config.js': "module.exports = {\n  defaultProjectFolder: 'src',\n  commands: {},\n};\n",
    'src/manifest.xml': manifest,
    'src/deploy.xml': deploy,
    [`src/Objects/${role.scriptId}.xml`]: roleXml,
    [PROVENANCE_FILE]: jsonText(provenance) + '\n',
  };
}

/** The role a provenance file recorded, as a snapshot again (to compare with the role now). */
export function roleFromCanonical(c: ReturnType<typeof canonicalRole>, origin: string): RoleSnapshot {
  return {
    ...(c.scriptId !== null ? { scriptId: c.scriptId } : {}),
    ...(c.internalId !== null ? { internalId: c.internalId } : {}),
    ...(c.name !== null ? { name: c.name } : {}),
    flags: c.flags, settings: c.settings,
    ...(c.recordRestrictions !== null ? { recordRestrictions: c.recordRestrictions as RoleSnapshot['recordRestrictions'] } : {}),
    ...(c.customFields !== null ? { customFields: c.customFields as Record<string, string> } : {}),
    permissions: c.permissions,
    evidence: 'definition',
    origin,
  };
}
