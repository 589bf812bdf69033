import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { AuditError } from '../core/errors';
import { fileErrorText } from '../core/file-errors';
import { readTextFile } from './read-file';
import type { RoleSelector, RoleSnapshot } from '../core/model';
import { describeSelector, matchesSelector } from '../core/role/select';
import type { RoleSource } from './sources/role-source';
import { parseSdfRole, readSdfRoleDocument, type SdfRoleDocument } from '../core/role/sdf';
import { readRecordType, type ProjectRecordType } from '../core/role/validate-sdf';
import { parseSnapshot } from '../core/role/snapshot';

const SDF_ROLE_FILE = /^customrole[a-z0-9_]*\.xml$/i;
const SDF_RECORD_TYPE_FILE = /^customrecord[a-z0-9_]*\.xml$/i;

/**
 * Every role file under a SuiteCloud project folder (`Objects/**\/customrole_*.xml`). Links are
 * not followed (a link to a folder could loop, a dangling one leads nowhere): each is reported,
 * as is a folder that cannot be read, and the walk goes on.
 */
function findSdfRoleFiles(dir: string, pattern: RegExp = SDF_ROLE_FILE): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      skipped.push(`${d}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isSymbolicLink()) { if (pattern.test(e.name) || !e.name.includes('.')) skipped.push(`${p}: a link, not followed`); continue; }
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && pattern.test(e.name)) files.push(p);
    }
  };
  walk(dir);
  return { files: files.sort(), skipped: skipped.sort() };
}

/** Reads roles from a file or folder: SDF XML, a SuiteCloud project, or a snapshot (JSON/YAML). */
export function readRoleFiles(path: string): { kind: 'sdf' | 'snapshot'; roles: RoleSnapshot[]; notes: string[] } {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new AuditError('ROLE_FILE_UNREADABLE', `${path}: ${fileErrorText(e)}`);
  }
  if (stat.isDirectory()) {
    const { files, skipped } = findSdfRoleFiles(path);
    if (!files.length) {
      throw new AuditError('ROLE_FILE_UNREADABLE', `${path}: no customrole_*.xml files in this folder${skipped.length ? ` (skipped: ${skipped.join('; ')})` : ''}`, {
        details: { hint: 'point --role-file at a SuiteCloud project (its Objects/ folder holds customrole_*.xml), one role XML, or a snapshot' },
      });
    }
    const notes = skipped.length ? [`Not read under ${path}: ${skipped.join('; ')}.`] : [];
    return { kind: 'sdf', roles: files.map((f) => parseSdfRole(relative(process.cwd(), f) || f, readOrFail(f))), notes };
  }
  const text = readOrFail(path);
  if (/\.xml$/i.test(path) || /^\s*<(\?xml|role)/.test(text)) return { kind: 'sdf', roles: [parseSdfRole(path, text)], notes: [] };
  const foreign = foreignExport(path, text);
  if (foreign) throw new AuditError('ROLE_FILE_INVALID', `${path}: ${foreign}`, { details: { hint: ROLE_FILE_HINT } });
  return { kind: 'snapshot', roles: parseSnapshot(path, text), notes: [] };
}

/** How to get a role file this tool reads. */
const ROLE_FILE_HINT = 'give an SDF role (suitecloud object:import --type role --scriptid customrole_x, or a SuiteCloud project folder) or a snapshot (ns-role-audit pull --role <id> --out role.json); see docs/get-your-role.md';

/**
 * A file from another tool (a CSV, a JSON or YAML document that is no snapshot): what it is, in a
 * sentence, instead of schema errors about a format it never claimed to be.
 */
function foreignExport(path: string, text: string): string | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/\.(csv|tsv|xlsx?)$/i.test(path) || (/^[^\n{}\[\]:]*[,;\t][^\n]*\n/.test(head) && !/^(kind|version|roles)\s*:/m.test(head))) {
    return 'a spreadsheet or CSV export (a saved search, another tool\'s report), not a role file: NetSuite does not export roles as CSV';
  }
  if (/^[{[]/.test(head) && !/"kind"\s*:\s*"ns-role-audit\/role-snapshot"/.test(head)) return 'a JSON document that is not an ns-role-audit role snapshot (it has no "kind": "ns-role-audit/role-snapshot")';
  if (!/^\s*kind\s*:\s*["']?ns-role-audit\/role-snapshot/m.test(head) && !/^[{[]/.test(head) && /^\w[\w-]*\s*:/m.test(head)) return 'a YAML document that is not an ns-role-audit role snapshot (it has no kind: ns-role-audit/role-snapshot)';
  return undefined;
}

/** More than one role file matches: a named error listing every candidate, as SuiteQL's AMBIGUOUS_ROLE. */
function ambiguous(path: string, selector: string, candidates: string[]): AuditError {
  return new AuditError('AMBIGUOUS_ROLE', `${path}: ${candidates.length} roles match ${selector}: ${candidates.join(', ')}`, {
    details: { hint: 'keep one file per role (move stale copies out of the project), or name the file itself with --role-file', candidates },
  });
}

const describeRole = (r: RoleSnapshot) => [r.scriptId, r.internalId && `#${r.internalId}`, r.name && `"${r.name}"`].filter(Boolean).join(' ');

/** A RoleSource over files: one SDF role, a SuiteCloud project folder, or a snapshot. */
export function createFileSource(path: string): RoleSource {
  const { kind, roles, notes } = readRoleFiles(path);
  return {
    kind,
    location: path,
    async listRoles() {
      return roles.map(({ scriptId, internalId, name }) => ({ scriptId, internalId, name }));
    },
    async fetchRole(selector: RoleSelector) {
      // Even a one-role file must match the selector: auditing another role would be a wrong pass.
      const matches = roles.filter((r) => matchesSelector(r, selector));
      // Two files (or snapshot entries) for one role: which one NetSuite holds is not ours to pick.
      if (matches.length > 1) throw ambiguous(path, describeSelector(selector), matches.map((r) => r.origin + (kind === 'snapshot' ? ` (${describeRole(r)})` : '')));
      return { role: matches[0], notes };
    },
  };
}

/** One SDF role file as read for a fix: its path as shown, and the document with positions. */
export interface RoleFileDocument {
  file: string;
  doc: SdfRoleDocument;
}

/**
 * Every SDF role file under a path (one file, or a SuiteCloud project folder) read with positions,
 * and the project's custom record type files (both sides of a custom record permission must agree).
 */
export function readRoleDocuments(path: string, cwd: string = process.cwd()): { docs: RoleFileDocument[]; recordTypes: ProjectRecordType[] } {
  const abs = resolve(cwd, path);
  const shown = (f: string) => relative(cwd, f) || f;
  let stat;
  try {
    stat = statSync(abs);
  } catch (e) {
    throw new AuditError('ROLE_FILE_UNREADABLE', `${path}: ${fileErrorText(e)}`);
  }
  const found = stat.isDirectory() ? findSdfRoleFiles(abs) : { files: [abs], skipped: [] };
  if (!found.files.length) {
    throw new AuditError('ROLE_FILE_UNREADABLE', `${path}: no customrole_*.xml files in this folder${found.skipped.length ? ` (skipped: ${found.skipped.join('; ')})` : ''}`, {
      details: { hint: 'point --role-file at a SuiteCloud project (its Objects/ folder holds customrole_*.xml) or one role XML' },
    });
  }
  const docs = found.files.map((f) => ({ file: shown(f), doc: readSdfRoleDocument(shown(f), readOrFail(f)) }));
  // Record types beside the role: the project folder, or the folder of the one file.
  const typeDir = stat.isDirectory() ? abs : dirname(abs);
  const recordTypes = findSdfRoleFiles(typeDir, SDF_RECORD_TYPE_FILE).files.flatMap((f) => readRecordType(shown(f), readOrFail(f)) ?? []);
  return { docs, recordTypes };
}

/** The SDF role file a selector names (for `fix`); two files for one role are AMBIGUOUS_ROLE, as for audits. */
export function readRoleDocument(path: string, selector: RoleSelector, cwd: string = process.cwd()): { found?: RoleFileDocument; candidates: string[]; recordTypes: ProjectRecordType[] } {
  const { docs, recordTypes } = readRoleDocuments(path, cwd);
  const matches = docs.filter((d) => matchesSelector(d.doc.role, selector));
  if (matches.length > 1) throw ambiguous(path, describeSelector(selector), matches.map((m) => m.file));
  return { ...(matches[0] ? { found: matches[0] } : {}), candidates: docs.map((d) => `${d.doc.role.scriptId} (${d.file})`), recordTypes };
}

function readOrFail(f: string): string {
  try {
    return readTextFile(f, 'role');
  } catch (e) {
    if (e instanceof AuditError) throw e;
    throw new AuditError('ROLE_FILE_UNREADABLE', `${f}: ${fileErrorText(e)}`);
  }
}
