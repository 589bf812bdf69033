import { finding, type Finding, type Waiver } from '../../model';
import type { RuleDraft } from './context';

/** True when a waiver covers a finding: same code, same permission or flag. */
function waiverCovers(w: Waiver, f: Finding): boolean {
  if (w.code !== f.code) return false;
  if (w.permissionId !== undefined) return f.permission?.id === w.permissionId;
  if (w.flag !== undefined) return f.flag === w.flag;
  if (w.setting !== undefined) return f.setting === w.setting;
  if (w.conflict !== undefined) return f.conflict?.name === w.conflict;
  return true;
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
    out.push({ ...f, accepted: { by: 'waiver', reason: w.reason, expires: w.expires, loc: w.loc } });
  }
  const rules: RuleDraft[] = [];
  waivers.forEach((w, i) => {
    const expired = isExpired(w, today);
    if (!expired && used.has(w)) return;
    const id = `waiver:${i}`;
    const target = w.permissionName ?? w.flag ?? w.setting ?? (w.conflict !== undefined ? `conflict '${w.conflict}'` : 'role');
    rules.push({ id, title: `Waiver for ${w.code} on ${target} until ${w.expires}`, kind: 'waiver', loc: w.loc });
    const waiver = { reason: w.reason, expires: w.expires, loc: w.loc };
    out.push(finding(expired ? 'WAIVER_EXPIRED' : 'WAIVER_UNUSED', { rule: id, waiver, loc: w.loc, detail: `${w.code} on ${target}` }));
  });
  return { rules, findings: out };
}
