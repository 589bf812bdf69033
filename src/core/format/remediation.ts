/**
 * What an administrator clicks to fix a finding, and where on the role page: one source for the
 * Markdown checklist and the HTML report. The caller says how to mark text up (`strong` for the
 * words to click or pick, `text` for the rest), so every format escapes what came from outside.
 */
import { levelLabel, SUBTABS, subtabLabel, type Level } from '../catalog';
import { ACCESS_FINDING_CODES, FLAG_LABELS, ROLE_SETTINGS, type Finding, type FindingFix, type SettingKey, type SettingSection } from '../model';
import { settingLabel } from './messages';

/** How a format marks up a step: both escape what they are given. */
export interface Markup {
  strong(s: string): string;
  text(s: string): string;
  /** How a step shows the edit of the role file that does the same (SDF sources; see fixText). */
  fix?(fix: FindingFix): string;
}

/** The edit of the role file, in words: what to write (or remove) at which line. `code` marks up file:line and XML. */
export function fixText(fix: FindingFix, code: (s: string) => string): string {
  const at = code(`${fix.file}:${fix.line}`);
  if (fix.action === 'remove') return `In the role file: remove the element at ${at}; a deploy cannot remove it, so make this change in NetSuite after the deploy too`;
  return `In the role file: ${fix.action === 'add' ? 'add' : 'write'} ${code(fix.xml ?? '')} at ${at}`;
}

/** One step: the part of the role page it is made in, and what to do there. */
export interface RemediationStep {
  section: string;
  text: string;
}

/** Where on the role page each kind of setting is changed. */
const SECTION_TITLES: Record<SettingSection | 'restrictions', string> = {
  top: 'Role settings (top of the page)',
  authentication: 'Role settings (top of the page)',
  employee: 'Employee Restrictions (top of the page)',
  subsidiary: 'Subsidiary Restrictions (top of the page)',
  restrictions: 'Restrictions subtab',
};

/** Where access findings are fixed: off the role page. */
const EMPLOYEES = 'Employee records (Lists > Employees > Employees, then Edit, Access subtab)';
const TOKENS = 'Access tokens (Setup > Users/Roles > Access Tokens)';

/** Sections in the order they appear on the role page, then the pages access findings are fixed on. */
const SECTION_ORDER = [...new Set(Object.values(SECTION_TITLES)), ...SUBTABS.map((t) => `Permissions > ${subtabLabel(t)}`), EMPLOYEES, TOKENS];

/** Who an access finding names, as a step says it. */
const personOf = (f: Finding, m: Markup) => m.strong(f.holder!.name ?? f.holder!.email ?? `#${f.holder!.id}`);

/** The step for an access finding that a click settles; undefined for those people must decide (left to review). */
function accessStep(f: Finding, m: Markup): RemediationStep | undefined {
  if ((f.code === 'ASSIGNMENT_DORMANT' || f.code === 'GLOBAL_PERMISSION') && !f.holder) return undefined;
  if (f.code === 'GLOBAL_PERMISSION' && (!f.permission || !f.actualLevel)) return undefined;
  if (f.code === 'TOKEN_UNUSED' && !f.token) return undefined;
  switch (f.code) {
    case 'ASSIGNMENT_DORMANT': return { section: EMPLOYEES, text: `${personOf(f, m)}: remove this role under ${m.strong('Roles')}, unless they still need it (${f.lastUsed ? `last used ${m.text(f.lastUsed.slice(0, 10))}` : 'never used'})` };
    case 'ROLE_HOLDER_UNEXPECTED': return f.holder ? { section: EMPLOYEES, text: `${personOf(f, m)}: remove this role under ${m.strong('Roles')} (the policy does not list them in holders.allow)` } : undefined;
    case 'GLOBAL_PERMISSION': return { section: EMPLOYEES, text: `${personOf(f, m)}: remove ${m.strong(f.permission!.name)} (${m.text(f.permission!.id)}) under ${m.strong('Global Permissions')} (now ${levelLabel(f.actualLevel!)})` };
    case 'TOKEN_UNUSED': return { section: TOKENS, text: `Revoke ${m.strong(f.token!.name)}${f.token!.app ? ` (${m.text(f.token!.app)})` : ''}, unless the integration still uses it (${f.lastUsed ? `last used ${m.text(f.lastUsed.slice(0, 10))}` : 'no login in the login audit trail'})` };
    default: return undefined;
  }
}


/** The level an administrator should pick to satisfy a finding. */
function targetLevel(f: Finding): Level | undefined {
  if (f.code === 'PERMISSION_MISSING' || f.code === 'LEVEL_TOO_LOW') return f.expectedMin;
  if (f.code === 'LEVEL_ABOVE_MAX') return f.expectedMax;
  return undefined;
}

function permissionStep(f: Finding, m: Markup): string | undefined {
  const name = `${m.strong(f.permission!.name)}${f.permission!.name === f.permission!.id ? '' : ` (${m.text(f.permission!.id)})`}`;
  const to = targetLevel(f);
  switch (f.code) {
    case 'PERMISSION_MISSING': return `Add ${name}, level ${m.strong(levelLabel(to!))}`;
    case 'LEVEL_TOO_LOW': return `Raise ${name} from ${levelLabel(f.actualLevel!)} to ${m.strong(levelLabel(to!))}`;
    case 'LEVEL_ABOVE_MAX': return to === 'NONE'
      ? `Remove ${name} (now ${levelLabel(f.actualLevel!)})`
      : `Lower ${name} from ${levelLabel(f.actualLevel!)} to ${m.strong(levelLabel(to!))}`;
    case 'PERMISSION_EXCESS': return `Remove ${name} (now ${levelLabel(f.actualLevel!)})`;
    case 'PERMISSION_RESTRICTION_MISMATCH': return `Set the ${m.strong('Restrict')} column of ${name} to ${f.expectedValues!.map(m.strong).join(' or ')} (now ${m.text(String(f.actualValue))})`;
    default: return undefined;
  }
}

function settingStep(f: Finding, m: Markup): RemediationStep | undefined {
  if (f.code === 'RECORD_RESTRICTION_MISMATCH') {
    const want = f.expectedValues![0];
    const [, seg, box] = f.setting!.split('.');
    const segment = m.strong(seg);
    if (box) {
      const label = m.strong(box === 'viewingAllowed' ? 'Allow Viewing' : 'Items Restricted');
      return { section: SECTION_TITLES.restrictions, text: `${want === 'checked' ? 'Check' : 'Uncheck'} ${label} on the ${segment} line` };
    }
    const text = want === 'NONE' ? `Remove the ${segment} line (now ${m.text(String(f.actualValue))})` : `Set the ${segment} line to ${m.strong(want)} (now ${m.text(String(f.actualValue))})`;
    return { section: SECTION_TITLES.restrictions, text };
  }
  if (f.code !== 'SETTING_MISMATCH') return undefined;
  const label = settingLabel(f.setting);
  const def = ROLE_SETTINGS[f.setting as SettingKey];
  const text = def.type === 'boolean'
    ? `${f.expectedValues![0] === 'checked' ? 'Check' : 'Uncheck'} ${m.strong(label)}`
    : `Set ${m.strong(label)} to ${f.expectedValues!.map(m.strong).join(' or ')} (now ${m.text(String(f.actualValue))})`;
  return { section: SECTION_TITLES[def.section], text };
}

/** The click that fixes a finding not accepted, or undefined when there is nothing to click (review it instead). */
export function remediationStep(f: Finding, m: Markup): RemediationStep | undefined {
  if (f.accepted) return undefined;
  if (ACCESS_FINDING_CODES.has(f.code)) return accessStep(f, m);
  if (f.code === 'FLAG_MISMATCH') return { section: SECTION_TITLES.top, text: `${f.expectedFlag ? 'Check' : 'Uncheck'} ${m.strong(FLAG_LABELS[f.flag!])}` };
  if (f.code === 'ROLE_INACTIVE') return { section: SECTION_TITLES.top, text: `Uncheck ${m.strong('Inactive')}` };
  const setting = settingStep(f, m);
  if (setting) return setting;
  const perm = f.permission ? permissionStep(f, m) : undefined;
  return perm ? { section: `Permissions > ${subtabLabel(f.permission!.subtab)}`, text: perm } : undefined;
}

/** A role's steps grouped by section in page order, and the findings left to review. */
export function remediationPlan(findings: readonly Finding[], m: Markup): { sections: Array<[string, string[]]>; review: Finding[] } {
  const sections = new Map<string, string[]>();
  const review: Finding[] = [];
  for (const f of findings) {
    const step = remediationStep(f, m);
    const text = step && f.fix && m.fix ? `${step.text}. ${m.fix(f.fix)}.` : step?.text;
    if (step) sections.set(step.section, [...(sections.get(step.section) ?? []), text!]);
    else review.push(f);
  }
  return { sections: SECTION_ORDER.filter((s) => sections.has(s)).map((s) => [s, sections.get(s)!]), review };
}

/** Text as it is, for plain-text steps (the fix's after-deploy list, stderr). */
export const PLAIN: Markup = { strong: (s) => s, text: (s) => s };
