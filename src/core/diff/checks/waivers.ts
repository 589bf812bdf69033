import { finding, type Finding, type Waiver } from '../../model';
import type { RuleDraft } from './context';

/** True when a person matches a waiver's `holder:` (email in any case, entity id or internal id). */
function holderIs(f: Finding, who: string): boolean {
  const x = who.trim().toLowerCase();
  return !!f.holder && (f.holder.id === x || f.holder.email?.toLowerCase() === x || f.holder.name?.toLowerCase() === x);
}

/** True when a waiver covers a finding: same code, and everything it names (permission, flag, setting, conflict, rule, holder, token) matches. */
function waiverCovers(w: Waiver, f: Finding): boolean {
  if (w.code !== f.code) return false;
  if (w.permissionId !== undefined && f.permission?.id !== w.permissionId) return false;
  if (w.flag !== undefined && f.flag !== w.flag) return false;
  if (w.setting !== undefined && f.setting !== w.setting) return false;
  if (w.conflict !== undefined && f.conflict?.name !== w.conflict) return false;
  if (w.rule !== undefined && !(w.rule.endsWith(':*') ? f.rule.startsWith(w.rule.slice(0, -1)) : f.rule === w.rule)) return false;
  if (w.holder !== undefined && !holderIs(f, w.holder)) return false;
  if (w.token !== undefined && f.token?.name !== w.token) return false;
  return true;
}

/** What a waiver covers, in words: "NOT_VERIFIABLE on Sales Order", "ROLE_INACTIVE on the role". */
function waiverTarget(w: Waiver): string {
  const rule = w.rule === 'role:active' ? 'the role' : w.rule === 'source' ? 'the source' : w.rule === 'risk' ? 'the risk rules' : w.rule === 'holders:*' ? 'who holds the role' : w.rule;
  const what = w.permissionName ?? w.flag ?? w.setting ?? (w.conflict !== undefined ? `conflict '${w.conflict}'` : w.token !== undefined ? `token ${w.token}` : rule);
  if (w.holder !== undefined) return `${w.code} on ${w.holder}${what ? ` (${what})` : ''}`;
  return `${w.code} on ${what ?? 'the role'}`;
}

/** True once the waiver's last day (YYYY-MM-DD, inclusive) is behind `today`. */
function isExpired(w: Waiver, today: string): boolean {
  return today > w.expires;
}

/**
 * Applies waivers: a live waiver marks the finding it covers as accepted (code and severity
 * stay); an expired one leaves the finding standing and adds WAIVER_EXPIRED; one that covers
 * nothing is WAIVER_UNUSED. Each waiver is a rule of its own.
 */
export function applyWaivers(waivers: readonly Waiver[], findings: readonly Finding[], today: string): { rules: RuleDraft[]; findings: Finding[] } {
  const out: Finding[] = [];
  const used = new Set<Waiver>();
  for (const f of findings) {
    const w = f.severity === 'info' ? undefined : waivers.find((x) => waiverCovers(x, f));
    if (!w) { out.push(f); continue; }
    used.add(w);
    if (isExpired(w, today)) { out.push(f); continue; }
    out.push({ ...f, accepted: { by: 'waiver', reason: w.reason, expires: w.expires, loc: w.loc, covers: waiverTarget(w) } });
  }
  const rules: RuleDraft[] = [];
  waivers.forEach((w, i) => {
    const expired = isExpired(w, today);
    if (!expired && used.has(w)) return;
    const id = `waiver:${i}`;
    const target = waiverTarget(w);
    rules.push({ id, title: `Waiver for ${target} until ${w.expires}`, kind: 'waiver', loc: w.loc });
    const waiver = { reason: w.reason, expires: w.expires, loc: w.loc };
    out.push(finding(expired ? 'WAIVER_EXPIRED' : 'WAIVER_UNUSED', { rule: id, waiver, loc: w.loc, detail: target }));
  });
  return { rules, findings: out };
}
