/**
 * An account's access data as read (people, role assignments, logins, global permissions, role
 * permissions), turned into each role's facts, and audited: one RoleAudit per role, so every
 * format, baseline and verdict of `audit` applies. Pure.
 */
import { getCatalog, isAtLeast, subtabOf, type Level } from '../catalog';
import { finding, type ConflictRule, type FailOn, type Finding, type HoldersRule, type RoleAudit, type RolePermission, type RuleResult, type Waiver } from '../model';
import { applyWaivers } from '../diff/checks/waivers';
import { heldLevels } from '../role/held-levels';
import { settleRole, settleRuleStatuses } from '../verdict';
import { checkAccess } from './checks';
import { accessView, type HolderFact, type Known, type RoleAccessFacts } from './facts';

/** A role of the account. */
interface AccessRole {
  internalId: string;
  scriptId?: string;
  name?: string;
  inactive?: boolean;
}

/** One person (employee) as the employee table gives them. */
export interface AccessPerson {
  id: string;
  name?: string;
  email?: string;
  hasAccess?: boolean;
  inactive?: boolean;
}

/** A group of successful logins: one person with one role, through one token (or none), and the last one. */
export interface LoginGroup {
  personId?: string;
  roleId?: string;
  token?: string;
  app?: string;
  last: string;
}

/** Everything read from one account about who holds roles. Each part read or not (with why). */
export interface AccountAccess {
  account: string;
  /** A sandbox account (id ends _SB<n>): tokens are not copied into sandboxes. */
  sandbox: boolean;
  roles: AccessRole[];
  people: Known<{ list: AccessPerson[] }>;
  assignments: Known<{ list: Array<{ personId: string; roleId: string }> }>;
  logins: Known<{ list: LoginGroup[] }>;
  globalPermissions: Known<{ list: Array<{ personId: string; permkey: string; level: Level }> }>;
  /** Permissions of the roles people hold together (segregation of duties across a person's roles). */
  rolePermissions: Known<{ byRole: Map<string, RolePermission[]> }>;
  /** Which tables answered, and which did not. */
  notes: string[];
}

/** The facts about one role, from the account's data. */
export function roleAccessFacts(acc: AccountAccess, roleId: string): RoleAccessFacts {
  const people = acc.people.ok ? new Map(acc.people.list.map((p) => [p.id, p])) : undefined;
  const roleName = new Map(acc.roles.map((r) => [r.internalId, r.scriptId ?? r.name ?? `#${r.internalId}`]));
  let holders: RoleAccessFacts['holders'];
  if (!acc.assignments.ok) holders = { ok: false, why: acc.assignments.why };
  else {
    const ids = [...new Set(acc.assignments.list.filter((a) => a.roleId === roleId).map((a) => a.personId))].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1));
    const list: HolderFact[] = ids.map((id) => {
      const p = people?.get(id);
      const roles = acc.assignments.ok ? acc.assignments.list.filter((a) => a.personId === id && a.roleId !== roleId).map((a) => roleName.get(a.roleId) ?? `#${a.roleId}`) : [];
      return { id, ...(p?.name ? { name: p.name } : {}), ...(p?.email ? { email: p.email } : {}), ...(p?.hasAccess !== undefined ? { hasAccess: p.hasAccess } : {}), ...(p?.inactive !== undefined ? { inactive: p.inactive } : {}), ...(roles.length ? { roles } : {}) };
    });
    holders = { ok: true, list };
  }
  let logins: RoleAccessFacts['logins'];
  if (!acc.logins.ok) logins = { ok: false, why: acc.logins.why };
  else {
    const mine = acc.logins.list.filter((l) => l.roleId === roleId);
    const byPerson = new Map<string, string>();
    const tokens = new Map<string, { name: string; app?: string; personId?: string; lastUsed: string }>();
    let last: string | null = null;
    for (const l of mine) {
      if (last === null || l.last > last) last = l.last;
      if (l.personId && (byPerson.get(l.personId) ?? '') < l.last) byPerson.set(l.personId, l.last);
      if (l.token) {
        const t = tokens.get(l.token);
        if (!t || t.lastUsed < l.last) tokens.set(l.token, { name: l.token, ...(l.app ? { app: l.app } : {}), ...(l.personId ? { personId: l.personId } : {}), lastUsed: l.last });
      }
    }
    logins = { ok: true, roleLastUsed: last, byPerson, tokens: [...tokens.values()].sort((a, b) => (a.name < b.name ? -1 : 1)) };
  }
  return { holders, logins, globalPermissions: acc.globalPermissions, sandbox: acc.sandbox };
}

/**
 * Segregation of duties across one person's roles: a conflict rule whose `any` side one role
 * brings and whose `with` side another brings (a single role holding both is that role's own
 * SOD_CONFLICT, which `audit` reports). One finding per person and rule, on the role bringing `any`.
 */
function userConflicts(acc: AccountAccess, conflicts: readonly ConflictRule[]): Array<{ roleId: string; finding: Finding }> {
  if (!acc.assignments.ok || !acc.rolePermissions.ok) return [];
  const catalog = getCatalog();
  const byPerson = new Map<string, string[]>();
  for (const a of acc.assignments.list) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a.roleId]);
  const levels = new Map([...acc.rolePermissions.byRole].map(([id, perms]) => [id, new Map([...heldLevels(perms)].map(([k, h]) => [k, h.level]))]));
  const people = acc.people.ok ? new Map(acc.people.list.map((p) => [p.id, p])) : undefined;
  const roleName = new Map(acc.roles.map((r) => [r.internalId, r.scriptId ?? r.name ?? `#${r.internalId}`]));
  const out: Array<{ roleId: string; finding: Finding }> = [];
  for (const [personId, roles] of byPerson) {
    const p = people?.get(personId);
    if (roles.length < 2 || p?.hasAccess === false || p?.inactive === true) continue;
    for (const c of conflicts) {
      if (!c.with) continue;
      const side = (s: ConflictRule['any'], roleId: string) => s.flatMap((x) => {
        const level = levels.get(roleId)?.get(x.id);
        return level && isAtLeast(level, x.min) ? [{ id: x.id, name: catalog.byId(x.id)?.name ?? x.id, subtab: subtabOf(x.id), level, role: roleName.get(roleId) ?? `#${roleId}` }] : [];
      });
      const pair = roles.flatMap((a) => roles.filter((b) => b !== a).map((b) => [a, b] as const)).find(([a, b]) => side(c.any, a).length && side(c.with!, b).length);
      if (!pair) continue;
      out.push({ roleId: pair[0], finding: finding('USER_SOD_CONFLICT', {
        rule: 'holders:sod', severity: c.severity, loc: c.loc,
        holder: { id: personId, ...(p?.name ? { name: p.name } : {}), ...(p?.email ? { email: p.email } : {}) },
        conflict: { name: c.name, any: side(c.any, pair[0]), with: side(c.with, pair[1]) },
        detail: `${c.reason}${c.source ? ` (source: ${c.source})` : ''}`,
      }) });
    }
  }
  return out;
}

/** What an access audit is asked. */
export interface AccessAuditOptions {
  /** The roles to audit (internal ids), in order. */
  roleIds: readonly string[];
  today: string;
  failOn: FailOn;
  /** Conflict rules for segregation of duties across a person's roles. */
  conflicts: readonly ConflictRule[];
  /** The policy's holders rule and file, when `--policy` names one. */
  holders?: HoldersRule;
  /** The policy's waivers, for the policy's own role (access findings a waiver names are accepted, as in `audit`). */
  waivers?: { roleId: string; list: readonly Waiver[] };
  policyFile: string;
  source: RoleAudit['source'];
}

/** One RoleAudit per role: its access checks, the conflicts across its holders' roles, and the access view. */
export function auditAccess(acc: AccountAccess, opts: AccessAuditOptions): RoleAudit[] {
  const conflicts = userConflicts(acc, opts.conflicts);
  const conflictRule = (roleId: string): { rule: Omit<RuleResult, 'status'>; findings: Finding[] } => {
    const rule = { id: 'holders:sod', title: 'No holder\'s roles together break segregation of duties', kind: 'holders' as const };
    if (!acc.assignments.ok) return { rule, findings: [finding('NOT_VERIFIABLE', { rule: rule.id, detail: acc.assignments.why })] };
    if (!acc.rolePermissions.ok) return { rule, findings: [finding('NOT_VERIFIABLE', { rule: rule.id, detail: acc.rolePermissions.why })] };
    return { rule, findings: conflicts.filter((c) => c.roleId === roleId).map((c) => c.finding) };
  };
  return opts.roleIds.map((id) => {
    const role = acc.roles.find((r) => r.internalId === id) ?? { internalId: id };
    const facts = roleAccessFacts(acc, id);
    const results = [...checkAccess(facts, { today: opts.today, ...(opts.holders ? { holders: opts.holders } : {}) }), ...(opts.conflicts.length ? [conflictRule(id)] : [])];
    const waived = applyWaivers(opts.waivers?.roleId === id ? opts.waivers.list : [], results.flatMap((r) => r.findings), opts.today);
    const findings = waived.findings;
    const audit: RoleAudit = {
      policy: { file: opts.policyFile, files: [opts.policyFile] },
      role: { selector: role.scriptId ?? `#${id}`, ...(role.scriptId ? { scriptId: role.scriptId } : {}), internalId: id, ...(role.name ? { name: role.name } : {}), found: true },
      source: opts.source,
      rules: settleRuleStatuses([...results.map((r) => r.rule), ...waived.rules], findings),
      findings,
      notes: [...acc.notes, ...(role.inactive ? ['The role is inactive.'] : [])],
      access: accessView(facts),
      status: 'compliant', failed: false, counts: { errors: 0, unverifiable: 0, warnings: 0, accepted: 0 },
    };
    return settleRole(audit, opts.failOn);
  });
}
