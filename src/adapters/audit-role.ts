import { failsAt } from '../core/verdict';
import { auditSnapshot } from '../core/audit';
import { withContext } from '../core/errors';
import type { FailOn, Policy, RoleAudit, RoleSelector, RoleSnapshot } from '../core/model';
import { withFirstSeen, type RoleHistory } from '../core/history/history';
import { describeSelector } from '../core/role/select';
import { linkFixes } from '../core/fix/link-fixes';
import { planFix } from '../core/fix/plan-fix';
import { readSdfRoleDocument } from '../core/role/sdf';
import { readTextFile } from './read-file';
import type { RoleSource } from './sources/role-source';

/** Fetches the role a selector names from a source and audits it. */
/** Keeps a live read in the history and gives the role's history back (audit --history). */
export type HistoryHook = (role: RoleSnapshot, account: string) => RoleHistory;

export async function auditRole(policy: Policy, source: RoleSource, selector: RoleSelector, today: string, failOn: FailOn = 'error', history?: HistoryHook): Promise<RoleAudit> {
  let fetched;
  try {
    fetched = await source.fetchRole(selector, { permissions: policy.rules.map((r) => r.id) });
  } catch (e) {
    throw withContext(`fetch role ${describeSelector(selector)}`, e);
  }
  const { role, notes, fallback } = fetched;
  // Who holds the role: read when the policy asks and the source can say (live SuiteQL, not after a fallback to SOAP).
  const access = policy.holders && role?.internalId && source.readAccess && fallback === undefined ? await source.readAccess(role.internalId) : undefined;
  const result = auditSnapshot(policy, role, {
    selector,
    source: { kind: role?.evidence === 'effective-access' ? 'soap' : source.kind, location: role?.origin ?? source.location, ...(source.account ? { account: source.account } : {}) },
    today,
    notes: [...notes, ...(access?.notes ?? [])],
    ...(fallback !== undefined ? { fallback } : {}),
    ...(access ? { access: access.facts } : {}),
    failOn,
  });
  if (source.kind === 'sdf' && role) return withFixes(result, policy, role.origin, today, failOn);
  // Only a definition read live is history: a SOAP probe or a file is not a read of the account's role.
  if (history && role && source.account && role.evidence === 'definition' && fallback === undefined) return withFirstSeen(result, role, history(role, source.account));
  return result;
}

/**
 * An SDF role file's findings, each with the edit `fix` makes for it (file and line, the XML):
 * the file is read again with positions and the fix planned as `ns-role-audit fix` plans it.
 */
function withFixes(result: RoleAudit, policy: Policy, file: string, today: string, failOn: FailOn): RoleAudit {
  // Fixes settle what fails at failOn (core/fix/plan-fix.ts): with nothing failing there is nothing to link.
  if (!failsAt(result.findings, failOn)) return result;
  let text: string;
  try {
    text = readTextFile(file, 'role');
  } catch {
    return result; // read a moment ago; gone now: the audit stands, without the links
  }
  const plan = planFix(policy, readSdfRoleDocument(file, text), { today, failOn });
  return { ...result, findings: linkFixes(result.findings, plan) };
}
