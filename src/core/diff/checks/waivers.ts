import { finding, type Finding, type Waiver } from '../../model';
import type { RuleDraft } from './context';

/** True when a waiver covers a finding: same code, and the same permission, flag, setting, conflict or rule it names. */
function waiverCovers(w: Waiver, f: Finding): boolean {
  if (w.code !== f.code) return false;
  if (w.permissionId !== undefined) return f.permission?.id === w.permissionId;
  if (w.flag !== undefined) return f.flag === w.flag;
  if (w.setting !== undefined) return f.setting === w.setting;
  if (w.conflict !== undefined) return f.conflict?.name === w.conflict;
  if (w.rule !== undefined) return f.rule === w.rule;
  return true;
}

/** What a waiver covers, in words: "NOT_VERIFIABLE on Sales Order", "ROLE_INACTIVE on the role". */
function waiverTarget(w: Waiver): string {
  const rule = w.rule === 'role:active' ? 'the role' : w.rule === 'source' ? 'the source' : w.rule === 'risk' ? 'the risk rules' : w.rule;
  return `${w.code} on ${w.permissionName ?? w.flag ?? w.setting ?? (w.conflict !== undefined ? `conflict '${w.conflict}'` : rule ?? 'the role')}`;
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
