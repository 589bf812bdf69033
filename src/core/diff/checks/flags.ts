import { FLAG_LABELS, finding, type FlagRule } from '../../model';
import type { CheckContext, CheckResult, RuleDraft } from './context';

/** One flag the policy sets. `inactive: false` is covered by checkRoleActive. */
export function checkFlag(ctx: CheckContext, f: FlagRule): CheckResult | undefined {
  if (f.flag === 'inactive' && !f.value) return undefined;
  const rule: RuleDraft = { id: `flag:${f.flag}`, title: `${FLAG_LABELS[f.flag]} is ${f.value ? 'checked' : 'unchecked'}`, kind: 'flag', loc: f.loc };
  const actual = ctx.role.flags[f.flag];
  const base = { rule: rule.id, flag: f.flag, expectedFlag: f.value, loc: f.loc };
  if (actual === undefined) {
    return { rule, findings: [finding('NOT_VERIFIABLE', { ...base, actualFlag: null, detail: 'this source cannot read the flag' })] };
  }
  if (actual === f.value) return { rule, findings: [] };
  return { rule, findings: [finding('FLAG_MISMATCH', { ...base, actualFlag: actual })] };
}
