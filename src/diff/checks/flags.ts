import type { FlagName, FlagRule } from '../../policy/types';
import { finding, type Finding, type RuleResult } from '../finding';
import type { CheckContext } from './context';

/** The role page's label for each flag. */
export const FLAG_LABELS: Record<FlagName, string> = {
  webServicesOnly: 'Web Services Only Role',
  doNotRestrictEmployeeFields: 'Do Not Restrict Employee Fields',
  inactive: 'Inactive',
};

/** One flag the policy sets. `inactive: false` is covered by checkRoleActive. */
export function checkFlag(ctx: CheckContext, f: FlagRule): { rule: RuleResult; findings: Finding[] } | undefined {
  if (f.flag === 'inactive' && !f.value) return undefined;
  const rule: RuleResult = { id: `flag:${f.flag}`, title: `${FLAG_LABELS[f.flag]} is ${f.value ? 'checked' : 'unchecked'}`, kind: 'flag', status: 'pass', loc: f.loc };
  const actual = ctx.role.flags[f.flag];
  const base = { rule: rule.id, flag: f.flag, expectedFlag: f.value, loc: f.loc };
  if (actual === undefined) {
    return { rule: { ...rule, status: 'unverifiable' }, findings: [finding('NOT_VERIFIABLE', { ...base, actualFlag: null, detail: 'this source cannot read the flag' })] };
  }
  if (actual === f.value) return { rule, findings: [] };
  return { rule: { ...rule, status: 'fail' }, findings: [finding('FLAG_MISMATCH', { ...base, actualFlag: actual })] };
}
