import { SUBTABS, getCatalog, type Catalog } from '../catalog';
import { createCheckContext } from './checks/context';
import { checkCatalogued } from './checks/catalog';
import { checkConflict } from './checks/conflicts';
import { checkRisks } from './checks/risk';
import { checkExcess } from './checks/excess';
import { checkFlag } from './checks/flags';
import { checkPermissionRule } from './checks/permissions';
import { checkRoleActive } from './checks/role-state';
import { checkRecordRestriction, checkSetting } from './checks/settings';
import { applyWaivers } from './checks/waivers';
import { finding, type Finding, type Policy, type RoleSnapshot, type RuleResult } from '../model';
import { settleRuleStatuses } from '../verdict';
import { checkAccess } from '../access/checks';
import type { RoleAccessFacts } from '../access/facts';

/** The outcome of diffing one role against one policy. */
export interface RoleDiff {
  rules: RuleResult[];
  findings: Finding[];
}

/** Options for a diff: `today` (YYYY-MM-DD) decides which waivers have expired. */
export interface DiffOptions {
  today: string;
  catalog?: Catalog;
  /** Why the source fell back from the role definition to effective-access probes, if it did. */
  fallback?: string;
  /** Who holds the role, when the source could read it (`holders:` rules; absent: not verifiable). */
  access?: RoleAccessFacts;
}

/** Compares a role with a policy. Pure: no I/O, no clock (today comes in). */
export function diffRole(policy: Policy, role: RoleSnapshot | undefined, opts: DiffOptions): RoleDiff {
  if (!role) {
    const findings = [finding('ROLE_NOT_FOUND', { rule: 'role:exists', loc: policy.roleLoc })];
    return { rules: settleRuleStatuses([{ id: 'role:exists', title: 'Role exists', kind: 'role', loc: policy.roleLoc }], findings), findings };
  }
  const ctx = createCheckContext(policy, role, opts.catalog ?? getCatalog());
  const results = [
    checkRoleActive(ctx),
    ...policy.flags.map((f) => checkFlag(ctx, f)).filter((x) => x !== undefined),
    ...policy.settings.map((s) => checkSetting(ctx, s)),
    ...policy.recordRestrictions.map((r) => checkRecordRestriction(ctx, r)),
    ...policy.rules.map((r) => checkPermissionRule(ctx, r)),
    checkExcess(ctx),
    checkCatalogued(ctx),
    ...[checkRisks(ctx)].filter((x) => x !== undefined),
    ...policy.conflicts.map((c) => checkConflict(ctx, c)),
    ...(opts.fallback !== undefined ? [checkSourceFallback(opts.fallback, policy)] : []),
    ...(policy.holders ? checkAccess(opts.access, { today: opts.today, holders: policy.holders, catalog: ctx.catalog }) : []),
  ];
  const waived = applyWaivers(policy.waivers, results.flatMap((r) => r.findings), opts.today);
  const rules = [...results.map((r) => r.rule), ...waived.rules];
  const findings = role.lines ? waived.findings.map((f) => withRoleLoc(f, role)) : waived.findings;
  return { rules: settleRuleStatuses(rules, findings), findings: sortFindings(findings) };
}

/**
 * Where in the role's file a finding is fixed: the permission's own line when the role holds it,
 * else the flag or setting element, else the section a new line goes in (`<permissions>`,
 * `<recordrestrictions>`), else the `<role>` element.
 */
function withRoleLoc(f: Finding, role: RoleSnapshot): Finding {
  const lines = role.lines!;
  const segment = f.setting?.startsWith('recordRestrictions.') ? 'recordRestrictions' : undefined;
  const at = (key: string | undefined) => (key === undefined ? undefined : lines[key]);
  const line = (f.permission ? at(f.permission.id) ?? at('permissions') : undefined)
    ?? at(f.flag)
    ?? at(segment)
    ?? at(f.setting)
    ?? at('role');
  return line === undefined ? f : { ...f, roleLoc: { file: role.origin, line, column: 1 } };
}

/** A fallback to SOAP is a finding of its own: the role audited may not even be the role named. */
function checkSourceFallback(why: string, policy: Policy) {
  const rule = { id: 'source', title: 'The role definition was read (no fallback to effective-access probes)', kind: 'role' as const, loc: policy.roleLoc };
  return { rule, findings: [finding('SOURCE_FALLBACK', { rule: rule.id, detail: why, loc: policy.roleLoc })] };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
// Code-unit order, not localeCompare: deterministic across locales and ~20x faster on big roles.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Findings in a stable order: role-wide first, then by subtab, permission ID, severity and code. */
function sortFindings(findings: Finding[]): Finding[] {
  const keyed = findings.map((f) => ({
    f,
    tab: f.permission ? SUBTABS.indexOf(f.permission.subtab) + 1 : 0,
    id: f.permission?.id ?? f.flag ?? f.rule,
    sev: SEVERITY_ORDER[f.severity],
  }));
  keyed.sort((a, b) => a.tab - b.tab || cmp(a.id, b.id) || a.sev - b.sev || cmp(a.f.code, b.f.code));
  return keyed.map((k) => k.f);
}
