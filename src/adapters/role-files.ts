import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AuditError, withContext } from '../core/errors';
import type { RoleSelector, RoleSnapshot } from '../core/model';
import { matchesSelector } from '../core/role/select';
import type { RoleSource } from './sources/role-source';
import { parseSdfRole } from '../core/role/sdf';
import { parseSnapshot } from '../core/role/snapshot';

const SDF_ROLE_FILE = /^customrole[a-z0-9_]*\.xml$/i;

/** Reads every role file under a SuiteCloud project folder (`Objects/**\/customrole_*.xml`). */
function findSdfRoleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (SDF_ROLE_FILE.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Reads roles from a file or folder: SDF XML, a SuiteCloud project, or a snapshot (JSON/YAML). */
export function readRoleFiles(path: string): { kind: 'sdf' | 'snapshot'; roles: RoleSnapshot[] } {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new AuditError('ROLE_FILE_UNREADABLE', `${path}: no such file or folder`);
  }
  const read = (f: string) => {
    try {
      return readFileSync(f, 'utf8');
    } catch (e) {
      throw withContext(`read ${f}`, e);
    }
  };
  if (stat.isDirectory()) {
    const files = findSdfRoleFiles(path);
    if (!files.length) {
      throw new AuditError('ROLE_FILE_UNREADABLE', `${path}: no customrole_*.xml files in this folder`, {
        details: { hint: 'point --role-file at a SuiteCloud project (its Objects/ folder holds customrole_*.xml), one role XML, or a snapshot' },
      });
    }
    return { kind: 'sdf', roles: files.map((f) => parseSdfRole(relative(process.cwd(), f) || f, read(f))) };
  }
  const text = read(path);
  if (/\.xml$/i.test(path) || /^\s*<(\?xml|role)/.test(text)) return { kind: 'sdf', roles: [parseSdfRole(path, text)] };
  return { kind: 'snapshot', roles: parseSnapshot(path, text) };
}

/** A RoleSource over files: one SDF role, a SuiteCloud project folder, or a snapshot. */
export function createFileSource(path: string): RoleSource {
  const { kind, roles } = readRoleFiles(path);
  return {
    kind,
    location: path,
    async listRoles() {
      return roles.map(({ scriptId, internalId, name }) => ({ scriptId, internalId, name }));
    },
    async fetchRole(selector: RoleSelector) {
      // Even a one-role file must match the selector: auditing another role would be a wrong pass.
      return { role: roles.find((r) => matchesSelector(r, selector)), notes: [] };
    },
  };
}
