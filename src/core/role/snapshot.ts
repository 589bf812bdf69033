import { stringify } from 'yaml';
import { AuditError } from '../errors';
import { validateAgainstSchema } from '../input/schema';
import { parseYamlFile } from '../input/yaml-file';
import type { RoleSnapshot } from '../model';
import { parsePermkey, type Level } from '../catalog';
import { jsonText } from '../format/json-text';

/** The `kind` every snapshot file carries. */
const SNAPSHOT_KIND = 'ns-role-audit/role-snapshot';

/** A snapshot file's content: several roles, read at one time from one place. */
interface SnapshotFile {
  kind: typeof SNAPSHOT_KIND;
  version: 1;
  capturedAt?: string;
  account?: string;
  source?: string;
  roles: Array<{
    scriptId?: string;
    internalId?: string;
    name?: string;
    flags?: RoleSnapshot['flags'];
    settings?: RoleSnapshot['settings'];
    recordRestrictions?: RoleSnapshot['recordRestrictions'];
    customFields?: RoleSnapshot['customFields'];
    permissions: Array<{ permkey: string; level: Level; restriction?: string; appId?: string }>;
  }>;
}

/** Parses a snapshot (JSON is YAML too) and checks it against its schema. Pure. */
export function parseSnapshot(file: string, text: string): RoleSnapshot[] {
  const { yaml, issues } = parseYamlFile(file, text);
  const all = yaml ? [...issues, ...validateAgainstSchema('role-snapshot', yaml)] : issues;
  if (all.length || !yaml) {
    throw new AuditError('ROLE_FILE_INVALID', `${file}: not a valid role snapshot`, { issues: all });
  }
  const snap = yaml.value as SnapshotFile;
  return snap.roles.map((r) => ({
    scriptId: r.scriptId,
    internalId: r.internalId,
    name: r.name,
    flags: { ...r.flags },
    settings: { ...r.settings },
    // Words are compared in upper case everywhere (SDF and SuiteQL give them so): a hand-written
    // `department` is DEPARTMENT, never a segment of its own that escapes the policy's rule.
    ...(r.recordRestrictions ? { recordRestrictions: r.recordRestrictions.map((x) => ({ ...x, segment: x.segment.trim().toUpperCase(), restriction: x.restriction.trim().toUpperCase() })) } : {}),
    ...(r.customFields ? { customFields: r.customFields } : {}),
    permissions: r.permissions.map((p) => {
      // Snapshots may hold any key form (hand-edited, or SDF brackets): one identity per permission.
      const key = parsePermkey(p.permkey);
      const appId = p.appId ?? key.appId;
      const restriction = p.restriction?.trim().toUpperCase();
      return { permkey: key.id, level: p.level, ...(restriction ? { restriction } : {}), ...(appId ? { appId } : {}) };
    }),
    evidence: 'definition' as const,
    origin: file,
  }));
}

/** Writes roles as a snapshot document (YAML, or JSON for `.json`). Pure: the time comes from the caller. */
export function formatSnapshot(roles: readonly RoleSnapshot[], meta: { capturedAt: string; account?: string; source?: string }, as: 'yaml' | 'json'): string {
  const doc: SnapshotFile = {
    kind: SNAPSHOT_KIND,
    version: 1,
    capturedAt: meta.capturedAt,
    ...(meta.account ? { account: meta.account } : {}),
    ...(meta.source ? { source: meta.source } : {}),
    roles: roles.map((r) => ({
      ...(r.scriptId ? { scriptId: r.scriptId } : {}),
      ...(r.internalId ? { internalId: r.internalId } : {}),
      ...(r.name ? { name: r.name } : {}),
      flags: r.flags,
      settings: r.settings,
      ...(r.recordRestrictions ? { recordRestrictions: r.recordRestrictions } : {}),
      ...(r.customFields ? { customFields: r.customFields } : {}),
      permissions: [...r.permissions].sort((a, b) => a.permkey.localeCompare(b.permkey)),
    })),
  };
  return as === 'json' ? jsonText(doc) + '\n' : stringify(doc, { lineWidth: 0 });
}
