/**
 * The access checks: is the role held, used, held only by whom the policy allows, are its holders
 * and tokens active, do its holders carry global permissions. Run by `access` for every role and
 * by `audit` when the policy has `holders:`. Pure: facts and today come in.
 */
import { getCatalog, subtabOf, type Catalog } from '../catalog';
import { daysBetween } from '../dates';
import { finding, type Finding, type FindingHolder, type HoldersRule } from '../model';
import type { CheckResult, RuleDraft } from '../diff/checks/context';
import { canLogIn, type HolderFact, type RoleAccessFacts } from './facts';

/** Days without a login before a holder, token or role counts as unused, unless the policy says. */
export const DEFAULT_MAX_IDLE_DAYS = 90;

/** What the access checks need besides the facts. */
export interface AccessCheckOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** The policy's `holders:`, when it has one. */
  holders?: HoldersRule;
  catalog?: Catalog;
}

const who = (h: FindingHolder): FindingHolder => ({ id: h.id, ...(h.name ? { name: h.name } : {}), ...(h.email ? { email: h.email } : {}) });
const idleDays = (last: string, today: string) => daysBetween(last.slice(0, 10), today);

/** True when a person matches an `allow` entry: email (any case), entity id or internal id. */
function allowed(h: HolderFact, allow: readonly string[]): boolean {
  return allow.some((a) => {
    const x = a.trim().toLowerCase();
    return x === h.id || x === h.email?.toLowerCase() || x === h.name?.toLowerCase();
  });
}

/**
 * Every access check for one role. `facts` undefined: the source cannot show holders (a role
 * file, a snapshot, SOAP probes), so what the policy asks of them is not verifiable.
 */
export function checkAccess(facts: RoleAccessFacts | undefined, opts: AccessCheckOptions): CheckResult[] {
  const loc = opts.holders?.loc;
  const maxIdle = opts.holders?.maxIdleDays ?? DEFAULT_MAX_IDLE_DAYS;
  const draft = (id: string, title: string): RuleDraft => ({ id: `holders:${id}`, title, kind: 'holders', ...(loc ? { loc } : {}) });
  if (!facts) {
    const rule = draft('read', 'Who holds the role was read');
    return [{ rule, findings: [finding('NOT_VERIFIABLE', { rule: rule.id, ...(loc ? { loc } : {}), detail: 'this source does not show who holds the role or when it was used: audit the live account (--source suiteql)' })] }];
  }
  const unverifiable = (rule: RuleDraft, why: string): CheckResult => ({ rule, findings: [finding('NOT_VERIFIABLE', { rule: rule.id, ...(loc ? { loc } : {}), detail: why })] });
  const out: CheckResult[] = [];

  // Held at all: an API role nobody holds is left over, or its user was removed.
  const held = draft('assigned', 'Someone holds the role');
  if (!facts.holders.ok) out.push(unverifiable(held, facts.holders.why));
  else out.push({ rule: held, findings: facts.holders.list.length ? [] : [finding('ROLE_UNASSIGNED', { rule: held.id, ...(loc ? { loc } : {}) })] });
  const holders = facts.holders.ok ? facts.holders.list : undefined;
  const active = holders?.filter(canLogIn);

  // Used: a login with the role in the last maxIdle days (only when someone holds it).
  const used = draft('used', `The role was used in the last ${maxIdle} days`);
  if (!facts.logins.ok) out.push(unverifiable(used, facts.logins.why));
  else if (holders?.length !== 0) {
    const last = facts.logins.roleLastUsed;
    const stale = last === null || idleDays(last, opts.today) > maxIdle;
    out.push({ rule: used, findings: stale ? [finding('ROLE_UNUSED', { rule: used.id, lastUsed: last, ...(loc ? { loc } : {}), detail: `the last ${maxIdle} days` })] : [] });
  } else out.push({ rule: used, findings: [] });

  // Each holder who can log in used it; an assignment never used is the one the audit trail cannot show, so it starts from holders.
  const dormant = draft('dormant', `Every holder used the role in the last ${maxIdle} days`);
  if (!facts.holders.ok) out.push(unverifiable(dormant, facts.holders.why));
  else if (!facts.logins.ok) out.push(unverifiable(dormant, facts.logins.why));
  else {
    const byPerson = facts.logins.byPerson;
    const findings = active!.flatMap((h) => {
      const last = byPerson.get(h.id) ?? null;
      return last === null || idleDays(last, opts.today) > maxIdle ? [finding('ASSIGNMENT_DORMANT', { rule: dormant.id, holder: who(h), lastUsed: last, ...(loc ? { loc } : {}), detail: `the last ${maxIdle} days` })] : [];
    });
    out.push({ rule: dormant, findings });
  }

  // Tokens: each one seen logging in with the role, idle no longer than maxIdle. A token never used leaves no row.
  const tokens = draft('tokens', `Every token on the role was used in the last ${maxIdle} days`);
  if (!facts.logins.ok) out.push(unverifiable(tokens, facts.logins.why));
  else {
    const findings = facts.logins.tokens.filter((t) => idleDays(t.lastUsed, opts.today) > maxIdle).map((t) => finding('TOKEN_UNUSED', {
      rule: tokens.id, token: { name: t.name, ...(t.app ? { app: t.app } : {}) }, lastUsed: t.lastUsed, ...(loc ? { loc } : {}),
      ...(facts.sandbox ? { severity: 'info' as const, detail: `the last ${maxIdle} days; a sandbox: tokens are not copied into sandboxes, so an idle one is expected` } : { detail: `the last ${maxIdle} days` }),
    }));
    out.push({ rule: tokens, findings });
  }

  // Global permissions on a holder override the role's levels for that person.
  const globals = draft('global', 'No holder carries global permissions');
  if (!facts.globalPermissions.ok) out.push(unverifiable(globals, facts.globalPermissions.why));
  else if (!facts.holders.ok) out.push(unverifiable(globals, facts.holders.why));
  else {
    const ids = new Map(facts.holders.list.map((h) => [h.id, h]));
    const catalog = opts.catalog ?? getCatalog();
    const findings = facts.globalPermissions.list.filter((g) => ids.has(g.personId)).map((g) => finding('GLOBAL_PERMISSION', {
      rule: globals.id, holder: who(ids.get(g.personId)!), permission: { id: g.permkey, name: catalog.byId(g.permkey)?.name ?? g.permkey, subtab: subtabOf(g.permkey) }, actualLevel: g.level, ...(loc ? { loc } : {}),
    }));
    out.push({ rule: globals, findings });
  }

  // Who may hold it: the policy's allow list and maximum.
  const rule = opts.holders;
  if (rule && (rule.allow || rule.max !== undefined)) {
    const only = draft('allowed', [rule.allow ? `Held only by ${rule.allow.join(', ')}` : '', rule.max !== undefined ? `at most ${rule.max} holder${rule.max === 1 ? '' : 's'}` : ''].filter(Boolean).join('; '));
    if (!facts.holders.ok) out.push(unverifiable(only, facts.holders.why));
    else {
      const findings: Finding[] = rule.allow ? active!.filter((h) => !allowed(h, rule.allow!)).map((h) => finding('ROLE_HOLDER_UNEXPECTED', { rule: only.id, holder: who(h), loc: rule.loc, detail: 'not in holders.allow' })) : [];
      if (rule.max !== undefined && active!.length > rule.max) {
        findings.push(finding('ROLE_HOLDER_UNEXPECTED', { rule: only.id, loc: rule.loc, detail: `${active!.length} people hold the role; the policy allows at most ${rule.max}: ${active!.map((h) => h.email ?? h.name ?? h.id).join(', ')}` }));
      }
      out.push({ rule: only, findings });
    }
  }
  return out;
}
