import { levelLabel, subtabLabel, type Level } from '../catalog';
import { FLAG_LABELS, ROLE_SETTINGS, type Acceptance, type AuditReport, type Finding, type RoleAudit, type RunError, type SettingKey } from '../model';

/** "Sales Order (TRAN_SALESORD)"; custom records and unknown keys show once. */
function permissionLabel(f: Pick<Finding, 'permission'>): string {
  const p = f.permission;
  if (!p) return '';
  return p.name === p.id ? p.id : `${p.name} (${p.id})`;
}

/** What the policy wanted, in words: "at least Full", "at most View", "exactly View", "checked". */
function expectedText(f: Finding): string {
  if (f.expectedFlag !== undefined) return f.expectedFlag ? 'checked' : 'unchecked';
  if (f.code === 'PERMISSION_EXCESS') return 'not granted';
  if (f.expectedMin && f.expectedMax && f.expectedMin === f.expectedMax) return `exactly ${levelLabel(f.expectedMin)}`;
  if (f.expectedMin && f.expectedMin !== 'NONE') return `at least ${levelLabel(f.expectedMin)}`;
  if (f.expectedMax) return f.expectedMax === 'NONE' ? 'not granted' : `at most ${levelLabel(f.expectedMax)}`;
  return '';
}

/** What the role has, in words: "View", "missing", "unchecked". */
function actualText(f: Finding): string {
  if (f.actualFlag !== undefined) return f.actualFlag === null ? 'unknown' : f.actualFlag ? 'checked' : 'unchecked';
  if (f.actualLevel) return f.actualLevel === 'NONE' ? 'missing' : levelLabel(f.actualLevel);
  return '';
}

/** A setting as people read it: its label on the role page, "Records restricted by department", "Restriction". */
export function settingLabel(setting: string | undefined): string {
  if (!setting) return '';
  const segment = /^recordRestrictions\.(\w+)(?:\.(viewingAllowed|itemsRestricted))?$/.exec(setting);
  if (segment) return `Records restricted by ${segment[1].toLowerCase()}${segment[2] ? `, ${segment[2] === 'viewingAllowed' ? 'Allow Viewing' : 'Items Restricted'}` : ''}`;
  if (setting === 'restriction') return 'Restriction';
  return ROLE_SETTINGS[setting as SettingKey]?.label ?? setting;
}

/** Why an accepted finding no longer counts, in words (every format, and SARIF's suppression justification). */
export function acceptanceText(a: Acceptance): string {
  switch (a.by) {
    case 'waiver': return `Waived (${a.covers}) until ${a.expires}: ${a.reason}`;
    case 'baseline': return `Accepted in baseline ${a.file}${a.accepted ? ` (as recorded: ${a.accepted})` : ''}.`;
    case 'accept-unverified': return 'Accepted unverified (--accept-unverified).';
    case 'policy': return `Acknowledged: the policy asks for it (${a.loc.file}:${a.loc.line}).`;
  }
}

/** How every format names an audited role: its name, else its script id, else the selector asked for. */
/** Roles worst first: failing, then by open errors, not verified, warnings (the job summary's and the HTML page's order). */
export function worstFirst(a: RoleAudit, b: RoleAudit): number {
  return Number(b.failed) - Number(a.failed) || b.counts.errors - a.counts.errors || b.counts.unverifiable - a.counts.unverifiable || b.counts.warnings - a.counts.warnings;
}

export function roleLabel(r: Pick<RoleAudit, 'role'>): string {
  return r.role.name ?? r.role.scriptId ?? r.role.selector;
}

/** The run's verdict in words, the same in every format: "passes", "fails (--fail-on error)", "could not be completed (...)". */
export function runVerdictText(report: Pick<AuditReport, 'summary' | 'failOn' | 'errors'>): string {
  switch (report.summary.verdict) {
    case 'passed': return 'passes';
    case 'failed': return `fails (--fail-on ${report.failOn})`;
    case 'incomplete': {
      const n = report.errors?.length ?? 0;
      return `could not be completed (${n} connection${n === 1 ? '' : 's'} could not be audited)`;
    }
  }
}

/** A connection that could not be audited, in one plain sentence. */
export function runErrorText(e: RunError): string {
  return `connection ${e.connection}${e.account ? ` (account ${e.account})` : ''} could not be audited: ${e.code}: ${e.message}`;
}

const held = (ps: Array<{ name: string; id: string; level: string }>) => ps.map((p) => `${p.name} (${p.id}) at ${levelLabel(p.level as Level)}`).join(', ');

/** A person as sentences name them: name and email, else the internal id. */
const holderText = (f: Finding) => {
  const h = f.holder;
  if (!h) return 'A holder';
  return h.name ? `${h.name}${h.email ? ` <${h.email}>` : ''}` : h.email ?? `employee #${h.id}`;
};
const lastUsedText = (last: string | null | undefined) => (last ? `last used ${last.slice(0, 10)}` : 'no login with it in the login audit trail');
const heldBy = (ps: Array<{ name: string; id: string; level: string; role?: string }>) => ps.map((p) => `${p.name} (${p.id}) at ${levelLabel(p.level as Level)}${p.role ? ` from ${p.role}` : ''}`).join(', ');

/** What each access rule's NOT_VERIFIABLE is about. */
const HOLDER_SUBJECTS: Record<string, string> = {
  read: 'Who holds the role and when it was used',
  assigned: 'Who holds the role',
  used: 'The role\'s last use',
  dormant: 'Each holder\'s last use of the role',
  tokens: 'The last use of tokens on the role',
  global: 'Global permissions on holders',
  allowed: 'Who may hold the role',
  sod: 'Segregation of duties across holders\' roles',
};

/** What a NOT_VERIFIABLE finding is about, when no permission, setting or flag names it. */
function unverifiableSubject(f: Finding): string {
  if (f.rule.startsWith('holders:')) return HOLDER_SUBJECTS[f.rule.slice(8)] ?? 'Who holds the role';
  if (f.rule === 'risk') return 'High-risk permissions';
  if (f.rule.startsWith('conflict:')) return `Conflict '${f.conflict?.name ?? f.rule.slice(9)}'`;
  return 'Excess permissions';
}

function findingSentence(f: Finding): string {
  const perm = permissionLabel(f);
  const flag = f.flag ? FLAG_LABELS[f.flag] : '';
  const setting = settingLabel(f.setting);
  const wanted = (f.expectedValues ?? []).join(' or ');
  switch (f.code) {
    case 'ROLE_NOT_FOUND': return 'No role in the source matches the policy’s role.';
    case 'ROLE_INACTIVE': return 'The role is inactive.';
    case 'PERMISSION_MISSING': return `${perm} is missing; the policy requires ${expectedText(f)}.`;
    case 'LEVEL_TOO_LOW': return `${perm} is ${actualText(f)}; the policy requires ${expectedText(f)}.`;
    case 'LEVEL_ABOVE_MAX': return `${perm} is ${actualText(f)}; ${f.expectedMax === 'NONE' && !f.expectedMin ? 'the policy does not allow it at any level' : `the policy allows ${expectedText(f)}`}.`;
    case 'PERMISSION_EXCESS': return `${perm} is granted at ${actualText(f)} on ${subtabLabel(f.permission!.subtab)}, but the policy does not list it.`;
    case 'FLAG_MISMATCH': return `${flag} is ${actualText(f)}; the policy requires it ${expectedText(f)}.`;
    case 'SETTING_MISMATCH': return `${setting} is ${f.actualValue}; the policy requires ${wanted}.`;
    case 'RECORD_RESTRICTION_MISMATCH': return `${setting}: ${f.actualValue}; the policy requires ${wanted}.`;
    case 'PERMISSION_RESTRICTION_MISMATCH': return `${perm} has restriction ${f.actualValue}; the policy requires ${wanted}.`;
    case 'PERMISSION_UNCATALOGUED': return `${perm} (at ${actualText(f)}) is not in NetSuite's permission catalog.`;
    case 'NOT_VERIFIABLE': return `${[perm, setting === 'Restriction' ? 'restriction' : setting].filter(Boolean).join(' ') || flag || unverifiableSubject(f)}: not verifiable; ${f.detail ?? 'this source cannot see it'}.`;
    case 'RISKY_PERMISSION': return `${perm} is granted at ${actualText(f)} on ${f.roleWebServicesOnly === false ? 'a role the policy requires to be web-services-only' : 'a web-services-only role'}: ${f.detail ?? 'it is on the built-in risk list.'}`;
    case 'SOD_CONFLICT': return f.conflict
      ? `Conflict '${f.conflict.name}': the role holds ${held(f.conflict.any)}${f.conflict.with ? ` together with ${held(f.conflict.with)}` : ''}. ${f.detail ?? ''}`.trimEnd()
      : `Segregation-of-duties conflict (${f.rule}). ${f.detail ?? ''}`.trimEnd();
    case 'WAIVER_EXPIRED': return `The waiver for ${f.detail} expired after ${f.waiver!.expires} (${f.waiver!.reason}).`;
    case 'WAIVER_UNUSED': return `The waiver for ${f.detail} matches no finding; it can be removed.`;
    case 'ROLE_UNASSIGNED': return 'No one holds the role: no employee is assigned it.';
    case 'ROLE_UNUSED': return `No login with the role in ${f.detail ?? 'the period'} (${lastUsedText(f.lastUsed)}).`;
    case 'ASSIGNMENT_DORMANT': return `${holderText(f)} holds the role but has not logged in with it in ${f.detail ?? 'the period'} (${lastUsedText(f.lastUsed)}).`;
    case 'TOKEN_UNUSED': return `Token ${f.token?.name ?? '(unnamed)'}${f.token?.app ? ` (${f.token.app})` : ''} has not logged in with the role in ${f.detail ?? 'the period'} (${lastUsedText(f.lastUsed)}).`;
    case 'GLOBAL_PERMISSION': return `${holderText(f)}, who holds the role, has the global permission ${perm || 'a permission'}${f.actualLevel ? ` at ${actualText(f)}` : ''}: it applies whatever role they log in with.`;
    case 'ROLE_HOLDER_UNEXPECTED': return f.holder ? `${holderText(f)} holds the role; the policy's holders.allow does not list them.` : `${f.detail ?? 'More people hold the role than the policy allows'}.`;
    case 'USER_SOD_CONFLICT': return f.conflict
      ? `Conflict '${f.conflict.name}' across ${holderText(f)}'s roles: ${heldBy(f.conflict.any)} together with ${heldBy(f.conflict.with ?? [])}. ${f.detail ?? ''}`.trimEnd()
      : `Segregation-of-duties conflict across ${holderText(f)}'s roles.`;
    case 'SOURCE_FALLBACK': return `The role definition could not be read (${f.detail}); the audit fell back to SOAP probes of whatever role the token is bound to, which prove effective access only.`;
  }
}

/** The one sentence each finding reads as, in every format (with why it is accepted, when it is). */
export function describeFinding(f: Finding): string {
  const seen = f.firstSeen ? ` First seen ${f.firstSeen.at.slice(0, 16).replace('T', ' ')} UTC${f.firstSeen.historyStart ? ' (when the history starts: it may be older)' : ''}.` : '';
  const sentence = findingSentence(f) + seen;
  return f.accepted ? `${sentence} ${acceptanceText(f.accepted)}` : sentence;
}

/** The run's segregation-of-duties view as lines: each conflict, then the roles holding it (account, acceptance). */
export function conflictViewLines(report: Pick<AuditReport, 'conflicts'>): Array<{ name: string; roles: string[] }> {
  return (report.conflicts ?? []).map((c) => ({
    name: c.name,
    roles: c.roles.map((r) => `${r.role}${r.account ? ` (account ${r.account})` : r.connection ? ` (${r.connection})` : ''}${r.accepted ? ' (accepted)' : ''}`),
  }));
}
