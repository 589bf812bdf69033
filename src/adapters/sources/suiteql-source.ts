import { customRecordScriptId, parseLevel } from '../../core/catalog';
import { AuditError } from '../../core/errors';
import { sqlString, type SuiteQlClient } from '../netsuite/suiteql-client';
import type { RolePermission, RoleSelector, RoleSnapshot, RoleSummary } from '../../core/model';
import { describeSelector } from '../../core/role/select';
import type { RoleSource } from './role-source';

const ROLE_COLUMNS = 'id, scriptid, name, isinactive, iswebserviceonlyrole, centertype';

function bool(v: string | undefined, what: string): boolean {
  if (v === 'T') return true;
  if (v === 'F') return false;
  throw new AuditError('MALFORMED_RESPONSE', `${what}: expected T or F, got ${JSON.stringify(v)}`);
}

/** Maps one validated `role` row. */
export function roleFromRow(row: Record<string, string>): Omit<RoleSnapshot, 'permissions' | 'evidence' | 'origin'> {
  if (!/^\d+$/.test(row.id ?? '')) throw new AuditError('MALFORMED_RESPONSE', `role row without a numeric id: ${JSON.stringify(row.id)}`);
  return {
    internalId: row.id,
    scriptId: row.scriptid?.toLowerCase(),
    name: row.name,
    flags: {
      webServicesOnly: bool(row.iswebserviceonlyrole, `role ${row.id} iswebserviceonlyrole`),
      inactive: bool(row.isinactive, `role ${row.id} isinactive`),
      // No confirmed SuiteQL column holds "Do Not Restrict Employee Fields" (netsuite.md 1): unknown.
      doNotRestrictEmployeeFields: undefined,
    },
  };
}

/** Maps one validated `rolepermissions` row. */
export function permissionFromRow(row: Record<string, string>): RolePermission {
  const level = /^[0-4]$/.test(row.permlevel ?? '') ? parseLevel(row.permlevel) : undefined;
  if (!row.permkey || !level) throw new AuditError('MALFORMED_RESPONSE', `rolepermissions row with permkey ${JSON.stringify(row.permkey)} and permlevel ${JSON.stringify(row.permlevel)}`);
  const permkey = customRecordScriptId(row.permkey) ?? row.permkey.toUpperCase();
  const restriction = row.restriction && row.restriction !== '-1' ? row.restriction : undefined;
  return { permkey, level, ...(restriction ? { restriction } : {}) };
}

function where(sel: RoleSelector): string {
  if (sel.scriptId) return `scriptid = ${sqlString(sel.scriptId)}`;
  if (sel.internalId) return `id = ${sqlString(sel.internalId)}`;
  return `name = ${sqlString(sel.name ?? '')}`;
}

/** Reads role definitions over REST SuiteQL: two requests a role (the role row, then its permissions). */
export function createSuiteQlSource(opts: { client: SuiteQlClient; accountId: string }): RoleSource {
  const location = `suiteql:${opts.accountId}`;
  return {
    kind: 'suiteql',
    location,
    async listRoles(): Promise<RoleSummary[]> {
      const rows = await opts.client.all(`SELECT ${ROLE_COLUMNS} FROM role ORDER BY id`, 'list roles');
      return rows.map((r) => roleFromRow(r));
    },
    async fetchRole(sel) {
      const what = `read role ${describeSelector(sel)}`;
      const rows = (await opts.client.page(`SELECT ${ROLE_COLUMNS} FROM role WHERE ${where(sel)} ORDER BY id`, what)).items;
      if (!rows.length) return { role: undefined, notes: [] };
      if (rows.length > 1) throw new AuditError('AMBIGUOUS_ROLE', `${what}: ${rows.length} roles match; name it by script id or internal id`);
      const role = roleFromRow(rows[0]);
      const perms = await opts.client.all(`SELECT permkey, permlevel, restriction FROM rolepermissions WHERE role = ${sqlString(role.internalId!)} ORDER BY permkey`, `read permissions of ${role.scriptId ?? role.internalId}`);
      return { role: { ...role, permissions: perms.map(permissionFromRow), evidence: 'definition', origin: location }, notes: [] };
    },
  };
}
