import { stringify } from 'yaml';
import { AuditError, type InputIssue } from '../errors';
import { validateAgainstSchema } from '../input/schema';
import { parseYamlFile, type YamlFile } from '../input/yaml-file';
import type { RoleSnapshot } from '../model';
import { oddCharacters, parsePermkey, permkeyProblem, wordProblem, type Level, type ValueProblem } from '../catalog';
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

/**
 * Keys and words of no known form are refused where they stand: `TRAN_CUSTRFND\u200b` read as a
 * permission of its own would escape the policy's rule for TRAN_CUSTRFND (as in role files).
 */
function wordIssues(yaml: YamlFile): InputIssue[] {
  const out: InputIssue[] = [];
  const issue = (path: Array<string | number>, problem: ValueProblem | undefined) => {
    if (problem) out.push({ code: 'ROLE_FILE_INVALID', ...problem, loc: yaml.locate(path), path: path.join('.') });
  };
  (yaml.value as SnapshotFile).roles.forEach((r, i) => {
    r.permissions.forEach((p, j) => {
      issue(['roles', i, 'permissions', j, 'permkey'], permkeyProblem(p.permkey));
      // A permission's restriction comes from SuiteQL in a form not confirmed as a word: only characters no answer holds are refused.
      if (p.restriction !== undefined && oddCharacters(p.restriction)) issue(['roles', i, 'permissions', j, 'restriction'], { message: `${JSON.stringify(p.restriction)} is not a restriction${oddCharacters(p.restriction)}`, suggestion: 'remove the character' });
    });
    (r.recordRestrictions ?? []).forEach((x, j) => {
      for (const field of ['segment', 'restriction'] as const) {
        issue(['roles', i, 'recordRestrictions', j, field], wordProblem(x[field]));
      }
    });
  });
  return out;
}

/** Parses a snapshot (JSON is YAML too) and checks it against its schema. Pure. */
export function parseSnapshot(file: string, text: string): RoleSnapshot[] {
  const { yaml, issues } = parseYamlFile(file, text);
  const schemaIssues = yaml ? validateAgainstSchema('role-snapshot', yaml) : [];
  const all = yaml ? [...issues, ...schemaIssues, ...(schemaIssues.length ? [] : wordIssues(yaml))] : issues;
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
    ...(r.recordRestrictions ? { recordRestrictions: r.recordRestrictions.map((x) => ({ ...x, segment: x.segment.toUpperCase(), restriction: x.restriction.toUpperCase() })) } : {}),
    ...(r.customFields ? { customFields: r.customFields } : {}),
    permissions: r.permissions.map((p) => {
      // Snapshots may hold any key form (hand-edited, or SDF brackets): one identity per permission.
      const key = parsePermkey(p.permkey);
      const appId = p.appId ?? key.appId;
      const restriction = p.restriction?.toUpperCase();
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
