import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AuditError } from '../core/errors';
import { fileErrorText } from '../core/file-errors';
import { readTextFile } from './read-file';
import type { RoleSelector, RoleSnapshot } from '../core/model';
import { describeSelector, matchesSelector } from '../core/role/select';
import type { RoleSource } from './sources/role-source';
import { parseSdfRole } from '../core/role/sdf';
import { parseSnapshot } from '../core/role/snapshot';

const SDF_ROLE_FILE = /^customrole[a-z0-9_]*\.xml$/i;

/**
 * Every role file under a SuiteCloud project folder (`Objects/**\/customrole_*.xml`). Links are
 * not followed (a link to a folder could loop, a dangling one leads nowhere): each is reported,
 * as is a folder that cannot be read, and the walk goes on.
 */
function findSdfRoleFiles(dir: string): { files: string[]; skipped: string[] } {
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
      if (e.isSymbolicLink()) { if (SDF_ROLE_FILE.test(e.name) || !e.name.includes('.')) skipped.push(`${p}: a link, not followed`); continue; }
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && SDF_ROLE_FILE.test(e.name)) files.push(p);
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
  const read = (f: string) => {
    try {
      return readTextFile(f, 'role');
    } catch (e) {
      if (e instanceof AuditError) throw e;
      throw new AuditError('ROLE_FILE_UNREADABLE', `${f}: ${fileErrorText(e)}`);
    }
  };
  if (stat.isDirectory()) {
    const { files, skipped } = findSdfRoleFiles(path);
    if (!files.length) {
      throw new AuditError('ROLE_FILE_UNREADABLE', `${path}: no customrole_*.xml files in this folder${skipped.length ? ` (skipped: ${skipped.join('; ')})` : ''}`, {
        details: { hint: 'point --role-file at a SuiteCloud project (its Objects/ folder holds customrole_*.xml), one role XML, or a snapshot' },
      });
    }
    const notes = skipped.length ? [`Not read under ${path}: ${skipped.join('; ')}.`] : [];
    return { kind: 'sdf', roles: files.map((f) => parseSdfRole(relative(process.cwd(), f) || f, read(f))), notes };
  }
  const text = read(path);
  if (/\.xml$/i.test(path) || /^\s*<(\?xml|role)/.test(text)) return { kind: 'sdf', roles: [parseSdfRole(path, text)], notes: [] };
  return { kind: 'snapshot', roles: parseSnapshot(path, text), notes: [] };
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
