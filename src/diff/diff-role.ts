import { SUBTABS, getCatalog, type Catalog } from '../catalog';
import type { Policy } from '../policy/types';
import type { RoleSnapshot } from '../role/types';
import { createCheckContext } from './checks/context';
import { checkCatalogued } from './checks/catalog';
import { checkExcess } from './checks/excess';
import { checkFlag } from './checks/flags';
import { checkPermissionRule } from './checks/permissions';
import { checkRoleActive } from './checks/role-state';
import { applyWaivers } from './checks/waivers';
import { finding, type Finding, type RuleResult } from './finding';

/** The outcome of diffing one role against one policy. */
export interface RoleDiff {
  rules: RuleResult[];
  findings: Finding[];
}

/** Options for a diff: `today` (YYYY-MM-DD) decides which waivers have expired. */
export interface DiffOptions {
  today: string;
  catalog?: Catalog;
}

/** Compares a role with a policy. Pure: no I/O, no clock (today comes in). */
export function diffRole(policy: Policy, role: RoleSnapshot | undefined, opts: DiffOptions): RoleDiff {
  if (!role) {
    const rule: RuleResult = { id: 'role:exists', title: 'Role exists', kind: 'role', status: 'fail', loc: policy.roleLoc };
    return { rules: [rule], findings: [finding('ROLE_NOT_FOUND', { rule: rule.id, loc: policy.roleLoc })] };
  }
  const ctx = createCheckContext(policy, role, opts.catalog ?? getCatalog());
  const results = [
    checkRoleActive(ctx),
    ...policy.flags.map((f) => checkFlag(ctx, f)).filter((x) => x !== undefined),
    ...policy.rules.map((r) => checkPermissionRule(ctx, r)),
    checkExcess(ctx),
    checkCatalogued(ctx),
  ];
  const rules = results.map((r) => r.rule);
  const findings = applyWaivers(policy.waivers, results.flatMap((r) => r.findings), opts.today, rules);
  return { rules: settleRuleStatuses(rules, findings), findings: sortFindings(findings) };
}

/** A rule's status follows its findings once waivers (or a baseline) are applied. */
export function settleRuleStatuses(rules: RuleResult[], findings: Finding[]): RuleResult[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  return rules.map((rule) => {
    if (rule.kind === 'waiver') return rule;
    const mine = byRule.get(rule.id) ?? [];
    const status = mine.some((f) => f.severity === 'error') ? 'fail'
      : mine.some((f) => f.code === 'NOT_VERIFIABLE' && f.severity !== 'info') ? 'unverifiable'
      : mine.some((f) => f.severity === 'warning') ? 'warn'
      : mine.some((f) => f.code === 'WAIVED' || f.baselined) ? 'waived'
      : 'pass';
    return { ...rule, status };
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
// Code-unit order, not localeCompare: deterministic across locales and ~20x faster on big roles.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Findings in a stable order: role-wide first, then by subtab, permission ID, severity and code. */
export function sortFindings(findings: Finding[]): Finding[] {
  const keyed = findings.map((f) => ({
    f,
    tab: f.permission ? SUBTABS.indexOf(f.permission.subtab) + 1 : 0,
    id: f.permission?.id ?? f.flag ?? f.rule,
    sev: SEVERITY_ORDER[f.severity],
  }));
  keyed.sort((a, b) => a.tab - b.tab || cmp(a.id, b.id) || a.sev - b.sev || cmp(a.f.code, b.f.code));
  return keyed.map((k) => k.f);
}
