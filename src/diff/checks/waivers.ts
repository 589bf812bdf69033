import type { Waiver } from '../../policy/types';
import { finding, type Finding, type RuleResult } from '../finding';

/** True when a waiver covers a finding: same code, same permission or flag. */
export function waiverCovers(w: Waiver, f: Finding): boolean {
  if (w.code !== f.code) return false;
  if (w.permissionId !== undefined) return f.permission?.id === w.permissionId;
  if (w.flag !== undefined) return f.flag === w.flag;
  return true;
}

/** True once the waiver's last day (YYYY-MM-DD, inclusive) is behind `today`. */
export function isExpired(w: Waiver, today: string): boolean {
  return today > w.expires;
}

/**
 * Applies waivers: a live waiver turns the finding it covers into WAIVED (info); an expired one
 * leaves the finding standing and adds WAIVER_EXPIRED; one that covers nothing is WAIVER_UNUSED.
 */
export function applyWaivers(waivers: readonly Waiver[], findings: Finding[], today: string, rules: RuleResult[]): Finding[] {
  const out: Finding[] = [];
  const used = new Set<Waiver>();
  for (const f of findings) {
    const w = f.severity === 'info' ? undefined : waivers.find((x) => waiverCovers(x, f));
    if (!w) { out.push(f); continue; }
    used.add(w);
    if (isExpired(w, today)) { out.push(f); continue; }
    out.push({ ...f, code: 'WAIVED', severity: 'info', waivedCode: f.code, waiver: { reason: w.reason, expires: w.expires, loc: w.loc } });
  }
  waivers.forEach((w, i) => {
    const id = `waiver:${i}`;
    const target = w.permissionName ?? w.flag ?? 'role';
    const title = `Waiver for ${w.code} on ${target} until ${w.expires}`;
    const waiver = { reason: w.reason, expires: w.expires, loc: w.loc };
    if (isExpired(w, today)) {
      rules.push({ id, title, kind: 'waiver', status: 'fail', loc: w.loc });
      out.push(finding('WAIVER_EXPIRED', { rule: id, waiver, loc: w.loc, detail: `${w.code} on ${target}` }));
    } else if (!used.has(w)) {
      rules.push({ id, title, kind: 'waiver', status: 'pass', loc: w.loc });
      out.push(finding('WAIVER_UNUSED', { rule: id, waiver, loc: w.loc, detail: `${w.code} on ${target}` }));
    }
  });
  return out;
}
